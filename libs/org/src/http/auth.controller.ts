import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, ApiErrors, CurrentActor, Public, StrictRateLimit } from '@app/platform';
import { LogIn } from '../commands/log-in/log-in.command';
import { LogOut } from '../commands/log-out/log-out.command';
import { RefreshSession } from '../commands/refresh-session/refresh-session.command';
import { GetProfile } from '../queries/get-profile/get-profile.query';
import { LoginRequest, LogoutRequest, RefreshRequest } from './auth.dto';
import { SessionView } from './auth.views';
import { UserProfileView } from './org.views';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Public()
  @StrictRateLimit()
  @Post('auth/login')
  @HttpCode(200)
  @ApiOkResponse({ type: SessionView })
  @ApiErrors(400, [401, 'invalid_credentials'], 429)
  async login(@Body() body: LoginRequest): Promise<SessionView> {
    const { userId, ...session } = await this.commands.execute(new LogIn(body.email, body.password));
    return { ...session, user: await this.queries.execute(new GetProfile(userId)) };
  }

  @Public()
  @StrictRateLimit()
  @Post('auth/refresh')
  @HttpCode(200)
  @ApiOkResponse({ type: SessionView })
  @ApiErrors(400, [401, 'invalid_refresh_token', 'refresh_token_reused'], 429)
  async refresh(@Body() body: RefreshRequest): Promise<SessionView> {
    const { userId, ...session } = await this.commands.execute(new RefreshSession(body.refreshToken));
    return { ...session, user: await this.queries.execute(new GetProfile(userId)) };
  }

  @ApiBearerAuth()
  @Post('auth/logout')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Signed out' })
  @ApiErrors(400, 401, 429)
  async logout(@CurrentActor() actor: Actor, @Body() body: LogoutRequest) {
    await this.commands.execute(new LogOut(actor, body.refreshToken));
  }

  @ApiBearerAuth()
  @Get('me')
  @ApiOkResponse({ type: UserProfileView })
  @ApiErrors(401, 429)
  me(@CurrentActor() actor: Actor): Promise<UserProfileView> {
    return this.queries.execute(new GetProfile(actor.userId));
  }
}
