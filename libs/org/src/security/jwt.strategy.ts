import { createSecretKey } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { Actor, AppConfig } from '@app/platform';
import type { AccessTokenClaims } from '../org.ports';
import { ActiveAccounts } from '../org.ports';
import { admitAccessToken } from './account-standing';
import { accessTokenAlgorithm } from './jwt-access-token.signer';

/**
 * Verifies the access token (algorithm pinned, issuer and audience checked, expiry enforced),
 * then looks the account up so that a disabled or deleted user's tokens, and those of an ended
 * session, stop working at once and a changed role or department applies to the next request.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy) {
  constructor(
    config: AppConfig,
    private readonly accounts: ActiveAccounts,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A key object, because given a string jsonwebtoken builds one on every request, after
      // first failing to parse the secret as a public key. passport-jwt hands it on untouched;
      // only its types say string or Buffer.
      secretOrKey: createSecretKey(Buffer.from(config.get('JWT_SECRET'))) as unknown as Buffer,
      algorithms: [accessTokenAlgorithm],
      issuer: config.get('JWT_ISSUER'),
      audience: config.get('JWT_AUDIENCE'),
      ignoreExpiration: false,
    });
  }

  async validate(claims: AccessTokenClaims & { iat: number }): Promise<Actor> {
    return admitAccessToken(await this.accounts.standingOf(claims.sub), claims);
  }
}
