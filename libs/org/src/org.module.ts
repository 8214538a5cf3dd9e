import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { AccessModule } from '@app/access';
import { AuditModule } from '@app/audit';
import { CreateDepartmentHandler } from './commands/create-department/create-department.handler';
import { CreateUserHandler } from './commands/create-user/create-user.handler';
import { DeleteDepartmentHandler } from './commands/delete-department/delete-department.handler';
import { UpdateDepartmentHandler } from './commands/update-department/update-department.handler';
import { LogInHandler } from './commands/log-in/log-in.handler';
import { LogOutHandler } from './commands/log-out/log-out.handler';
import { RefreshSessionHandler } from './commands/refresh-session/refresh-session.handler';
import { SignInWithSsoHandler } from './commands/sign-in-with-sso/sign-in-with-sso.handler';
import { UpdateUserHandler } from './commands/update-user/update-user.handler';
import { AuthController } from './http/auth.controller';
import { OrgController } from './http/org.controller';
import { SsoController } from './http/sso.controller';
import { RefreshCookie } from './http/refresh-cookie';
import { AccessTokenSigner, ActiveAccounts, DepartmentRepository, OpenIdProvider, PasswordHasher, RefreshTokenRepository, SsoFlows, UserRepository } from './org.ports';
import { MikroOrmDepartmentRepository, MikroOrmRefreshTokenRepository, MikroOrmUserRepository } from './persistence/mikro-orm-org.repositories';
import { DepartmentSchema, RefreshTokenSchema, UserSchema } from './persistence/org.schemas';
import { GetProfileHandler } from './queries/get-profile/get-profile.handler';
import { ListDepartmentsHandler } from './queries/list-departments/list-departments.handler';
import { ListUsersHandler } from './queries/list-users/list-users.handler';
import { Argon2PasswordHasher } from './security/argon2-password-hasher';
import { AccessTokenGuard, AdminRouteGuard } from './security/auth.guards';
import { CachedActiveAccounts } from './security/cached-active-accounts';
import { JwtAccessTokenSigner } from './security/jwt-access-token.signer';
import { JwtStrategy } from './security/jwt.strategy';
import { SessionIssuer } from './sessions/session-issuer';
import { OpenIdClientProvider } from './sso/openid-client-provider';
import { RedisSsoFlows } from './sso/redis-sso-flows';

@Module({
  imports: [JwtModule.register({}), PassportModule, MikroOrmModule.forFeature([DepartmentSchema, UserSchema, RefreshTokenSchema]), AccessModule, AuditModule],
  controllers: [AuthController, SsoController, OrgController],
  providers: [
    { provide: DepartmentRepository, useClass: MikroOrmDepartmentRepository },
    { provide: UserRepository, useClass: MikroOrmUserRepository },
    { provide: RefreshTokenRepository, useClass: MikroOrmRefreshTokenRepository },
    { provide: PasswordHasher, useClass: Argon2PasswordHasher },
    { provide: AccessTokenSigner, useClass: JwtAccessTokenSigner },
    { provide: ActiveAccounts, useClass: CachedActiveAccounts },
    { provide: OpenIdProvider, useClass: OpenIdClientProvider },
    { provide: SsoFlows, useClass: RedisSsoFlows },
    SessionIssuer,
    RefreshCookie,
    JwtStrategy,
    { provide: APP_GUARD, useClass: AccessTokenGuard },
    { provide: APP_GUARD, useClass: AdminRouteGuard },
    LogInHandler,
    RefreshSessionHandler,
    LogOutHandler,
    SignInWithSsoHandler,
    CreateDepartmentHandler,
    UpdateDepartmentHandler,
    DeleteDepartmentHandler,
    CreateUserHandler,
    UpdateUserHandler,
    GetProfileHandler,
    ListDepartmentsHandler,
    ListUsersHandler,
  ],
  exports: [DepartmentRepository, UserRepository, ActiveAccounts],
})
export class OrgModule {}
