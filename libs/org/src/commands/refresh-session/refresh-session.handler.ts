import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { InvalidRefreshToken, RefreshTokenReused } from '../../domain/org-errors';
import { RefreshTokenRepository, UserRepository } from '../../org.ports';
import { parseRefreshToken, secretMatches, SessionIssuer } from '../../sessions/session-issuer';
import { RefreshSession } from './refresh-session.command';

@CommandHandler(RefreshSession)
export class RefreshSessionHandler implements ICommandHandler<RefreshSession> {
  constructor(
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly users: UserRepository,
    private readonly sessions: SessionIssuer,
  ) {}

  async execute({ refreshToken }: RefreshSession) {
    const now = new Date();
    const parsed = parseRefreshToken(refreshToken);
    const token = parsed ? await this.refreshTokens.findById(parsed.id) : null;
    if (!parsed || !token || !secretMatches(token, parsed.secret)) throw new InvalidRefreshToken();
    if (token.isRevoked() || token.isExpired(now)) throw new InvalidRefreshToken();
    if (token.wasRotated() || !(await this.refreshTokens.claimForRotation(token.id, now))) {
      await this.refreshTokens.revokeFamily(token.familyId, now);
      throw new RefreshTokenReused();
    }
    const user = await this.users.findById(token.userId);
    if (!user?.isActive()) {
      await this.refreshTokens.revokeFamily(token.familyId, now);
      throw new InvalidRefreshToken();
    }
    const session = await this.sessions.issue(user, now, token.familyId);
    return { ...session, userId: user.id };
  }
}
