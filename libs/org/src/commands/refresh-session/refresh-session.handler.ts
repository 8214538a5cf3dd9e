import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AppConfig } from '@app/platform';
import { AccountDisabled, InvalidRefreshToken, RefreshTokenReused } from '../../domain/org-errors';
import type { RefreshToken } from '../../domain/refresh-token';
import { RefreshTokenRepository, UserRepository } from '../../org.ports';
import { parseRefreshToken, secretMatches, SessionIssuer } from '../../sessions/session-issuer';
import { RefreshSession } from './refresh-session.command';

@CommandHandler(RefreshSession)
export class RefreshSessionHandler implements ICommandHandler<RefreshSession> {
  private readonly reuseGraceSeconds: number;

  constructor(
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly users: UserRepository,
    private readonly sessions: SessionIssuer,
    config: AppConfig,
  ) {
    this.reuseGraceSeconds = config.get('REFRESH_REUSE_GRACE_SECONDS');
  }

  async execute({ refreshToken }: RefreshSession) {
    const now = new Date();
    const parsed = parseRefreshToken(refreshToken);
    const token = parsed ? await this.refreshTokens.findById(parsed.id) : null;
    if (!parsed || !token || !secretMatches(token, parsed.secret)) throw new InvalidRefreshToken();
    const user = await this.users.findById(token.userId);
    // Whoever holds a genuine token may learn why it stopped working.
    if (user && !user.isActive()) {
      await this.refreshTokens.revokeFamily(token.familyId, now);
      throw new AccountDisabled();
    }
    if (!user || token.isRevoked() || token.isExpired(now)) throw new InvalidRefreshToken();
    if (!(await this.rotate(token, now))) {
      await this.refreshTokens.revokeFamily(token.familyId, now);
      throw new RefreshTokenReused();
    }
    const session = await this.sessions.issue(user, now, token.familyId);
    return { ...session, userId: user.id };
  }

  /**
   * Marks the token rotated. A token already rotated moments ago is let through again: two
   * tabs sharing one cookie refresh at the same moment, and the second must not sign the user
   * out. Each gets a refresh token of its own in the same family.
   */
  private async rotate(token: RefreshToken, now: Date): Promise<boolean> {
    if (!token.wasRotated() && (await this.refreshTokens.claimForRotation(token.id, now))) return true;
    const current = token.wasRotated() ? token : await this.refreshTokens.findById(token.id);
    return current !== null && !current.isRevoked() && current.isWithinReuseGrace(now, this.reuseGraceSeconds);
  }
}
