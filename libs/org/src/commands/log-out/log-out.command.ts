import { Command } from '@nestjs/cqrs';
import type { Actor } from '@app/platform';

/** Revokes the family of the given refresh token, or every session of the caller without one. */
export class LogOut extends Command<void> {
  constructor(
    readonly actor: Actor,
    readonly refreshToken?: string,
  ) {
    super();
  }
}
