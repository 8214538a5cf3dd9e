import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { Actor, AppConfig, Unauthenticated } from '@app/platform';
import type { AccessTokenClaims } from '../org.ports';
import { UserRepository } from '../org.ports';
import { accessTokenAlgorithm } from './jwt-access-token.signer';

/**
 * Verifies the access token (algorithm pinned, issuer and audience checked, expiry enforced),
 * then loads the user so that a disabled or deleted user's tokens stop working at once and a
 * changed role or department applies to the next request.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy) {
  constructor(
    config: AppConfig,
    private readonly users: UserRepository,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.get('JWT_SECRET'),
      algorithms: [accessTokenAlgorithm],
      issuer: config.get('JWT_ISSUER'),
      audience: config.get('JWT_AUDIENCE'),
      ignoreExpiration: false,
    });
  }

  async validate(claims: AccessTokenClaims): Promise<Actor> {
    const user = await this.users.findById(claims.sub);
    if (!user || !user.isActive()) throw new Unauthenticated('This account is no longer active');
    return { userId: user.id, role: user.role, departmentId: user.departmentId };
  }
}
