import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { RefreshTokenRepository } from '../../org.ports';
import { parseRefreshToken, secretMatches } from '../../sessions/session-issuer';
import { LogOut } from './log-out.command';

@CommandHandler(LogOut)
export class LogOutHandler implements ICommandHandler<LogOut> {
  constructor(private readonly refreshTokens: RefreshTokenRepository) {}

  async execute({ actor, refreshToken }: LogOut) {
    const now = new Date();
    if (refreshToken === undefined) return this.refreshTokens.revokeAllOfUser(actor.userId, now);
    const parsed = parseRefreshToken(refreshToken);
    const token = parsed ? await this.refreshTokens.findById(parsed.id) : null;
    if (token && parsed && token.userId === actor.userId && secretMatches(token, parsed.secret)) {
      await this.refreshTokens.revokeFamily(token.familyId, now);
    }
  }
}
