import { Command } from '@nestjs/cqrs';
import type { SsoIdentity } from '../../org.ports';
import type { Session } from '../../sessions/session-issuer';

/** Signs in whoever the provider verified, making or updating their account from their groups. */
export class SignInWithSso extends Command<Session & { userId: string }> {
  constructor(readonly identity: SsoIdentity) {
    super();
  }
}
