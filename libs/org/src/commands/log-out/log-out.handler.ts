import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ActiveAccounts, RefreshTokenRepository, UserRepository } from '../../org.ports';
import { parseRefreshToken, secretMatches } from '../../sessions/session-issuer';
import { LogOut } from './log-out.command';

@CommandHandler(LogOut)
export class LogOutHandler implements ICommandHandler<LogOut> {
  constructor(
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly users: UserRepository,
    private readonly accounts: ActiveAccounts,
  ) {}

  async execute({ actor, refreshToken, everywhere }: LogOut) {
    const now = new Date();
    if (everywhere || refreshToken === undefined) {
      const user = await this.users.findById(actor.userId);
      if (user) {
        user.endSessions(now);
        await this.users.save(user);
      }
      await this.refreshTokens.revokeAllOfUser(actor.userId, now);
    } else {
      const parsed = parseRefreshToken(refreshToken);
      const token = parsed ? await this.refreshTokens.findById(parsed.id) : null;
      if (!token || !parsed || token.userId !== actor.userId || !secretMatches(token, parsed.secret)) return;
      await this.refreshTokens.revokeFamily(token.familyId, now);
    }
    // After the revocation, so that no process reloads the account before it is recorded.
    await this.accounts.changed(actor.userId);
  }
}
