import { Command } from '@nestjs/cqrs';
import type { Session } from '../../sessions/session-issuer';

export class RefreshSession extends Command<Session & { userId: string }> {
  constructor(readonly refreshToken: string) {
    super();
  }
}
