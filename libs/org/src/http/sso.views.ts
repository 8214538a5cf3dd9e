import { ApiProperty } from '@nestjs/swagger';

export class SsoOptionView {
  @ApiProperty({ description: 'What the sign-in button says: "Sign in with <name>"', example: 'Keycloak' })
  name!: string;

  @ApiProperty({ description: 'Where the browser goes to sign in (a full-page navigation, not a fetch)', example: '/api/v1/auth/oidc/login' })
  loginUrl!: string;
}

export class SignInOptionsView {
  @ApiProperty({ description: 'false: only break-glass accounts may sign in with a password' })
  passwordLogin!: boolean;

  @ApiProperty({ type: SsoOptionView, nullable: true, description: 'null when single sign-on is not configured' })
  sso!: SsoOptionView | null;
}
