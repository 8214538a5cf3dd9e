import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '@app/platform';
import { AccessTokenClaims, AccessTokenSigner } from '../org.ports';

export const accessTokenAlgorithm = 'HS256';

@Injectable()
export class JwtAccessTokenSigner extends AccessTokenSigner {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {
    super();
  }

  async sign(claims: AccessTokenClaims, issuedAt: number) {
    const expiresIn = this.config.get('JWT_ACCESS_TTL_SECONDS');
    // jsonwebtoken takes a given `iat` as it is and counts the expiry from it.
    const token = await this.jwt.signAsync(
      { ...claims, iat: issuedAt },
      {
        algorithm: accessTokenAlgorithm,
        secret: this.config.get('JWT_SECRET'),
        issuer: this.config.get('JWT_ISSUER'),
        audience: this.config.get('JWT_AUDIENCE'),
        expiresIn,
      },
    );
    return { token, expiresIn };
  }
}
