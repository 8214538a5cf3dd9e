import { Injectable } from '@nestjs/common';
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { AppConfig } from '@app/platform';
import { RefreshToken } from '../domain/refresh-token';
import type { User } from '../domain/user';
import { AccessTokenSigner, RefreshTokenRepository } from '../org.ports';

export interface Session {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

/** A refresh token is `<token id>.<secret>`; only the secret's hash is stored. */
export function parseRefreshToken(raw: string): { id: string; secret: string } | null {
  const match = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/.exec(raw);
  return match ? { id: match[1], secret: match[2] } : null;
}

export function secretMatches(token: RefreshToken, secret: string): boolean {
  const expected = Buffer.from(token.secretHash, 'hex');
  const actual = Buffer.from(hashSecret(secret), 'hex');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

@Injectable()
export class SessionIssuer {
  constructor(
    private readonly signer: AccessTokenSigner,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly config: AppConfig,
  ) {}

  /** Issues an access token and the next refresh token of the family (a new family by default). */
  async issue(user: User, now: Date, familyId: string = randomUUID()): Promise<Session> {
    const secret = randomBytes(32).toString('base64url');
    const token = new RefreshToken(randomUUID(), familyId, user.id, hashSecret(secret), new Date(now.getTime() + this.config.get('REFRESH_TOKEN_TTL_SECONDS') * 1000), now, null, null);
    await this.refreshTokens.add(token);
    // Never earlier than the user's tokensValidFrom: a token issued in the same second as a
    // sign-out everywhere, but after it, must not be taken for one issued before it.
    const issuedAt = Math.max(Math.floor(now.getTime() / 1000), user.earliestTokenIssue());
    const access = await this.signer.sign({ sub: user.id, role: user.role, dept: user.departmentId, sid: familyId }, issuedAt);
    return { accessToken: access.token, refreshToken: `${token.id}.${secret}`, expiresIn: access.expiresIn };
  }
}
