import { ApiProperty } from '@nestjs/swagger';
import { UserProfileView } from './org.views';

export class SessionView {
  @ApiProperty({ description: 'Bearer token for every other route; keep it in memory only' })
  accessToken!: string;

  @ApiProperty({ description: 'Single use: each refresh answers a new one' })
  refreshToken!: string;

  @ApiProperty({ description: 'Lifetime of the access token, in seconds' })
  expiresIn!: number;

  @ApiProperty({ type: UserProfileView })
  user!: UserProfileView;
}
