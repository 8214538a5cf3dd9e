import { Command } from '@nestjs/cqrs';
import type { Session } from '../../sessions/session-issuer';

export class LogIn extends Command<Session & { userId: string }> {
  constructor(
    readonly email: string,
    readonly password: string,
  ) {
    super();
  }
}
