import { createSecretKey } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { Actor, AppConfig, Unauthenticated } from '@app/platform';
import type { AccessTokenClaims } from '../org.ports';
import { ActiveAccounts } from '../org.ports';
import { accessTokenAlgorithm } from './jwt-access-token.signer';

/**
 * Verifies the access token (algorithm pinned, issuer and audience checked, expiry enforced),
 * then looks the account up so that a disabled or deleted user's tokens stop working at once and
 * a changed role or department applies to the next request.
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

  async validate(claims: AccessTokenClaims): Promise<Actor> {
    const actor = await this.accounts.actorFor(claims.sub);
    if (!actor) throw new Unauthenticated('This account is no longer active');
    return actor;
  }
}
