import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class LoginRequest {
  @ApiProperty({ example: 'admin@example.org' })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  password!: string;
}

export class RefreshRequest {
  @ApiPropertyOptional({ description: 'Without it, the refresh_token cookie that login and refresh set is used' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  refreshToken?: string;
}

export class LogoutRequest {
  @ApiPropertyOptional({ description: 'End this session; without it (and without the refresh_token cookie) every session of the caller ends' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  refreshToken?: string;

  @ApiPropertyOptional({ description: 'End every session of the caller, whatever token is given', default: false })
  @IsOptional()
  @IsBoolean()
  everywhere?: boolean;
}
