import { Command } from '@nestjs/cqrs';
import type { Actor } from '@app/platform';

/**
 * Ends the session of the given refresh token, or every session of the caller (also without a
 * token); either way the ended sessions' access tokens stop working at the next request.
 */
export class LogOut extends Command<void> {
  constructor(
    readonly actor: Actor,
    readonly refreshToken?: string,
    readonly everywhere = false,
  ) {
    super();
  }
}
