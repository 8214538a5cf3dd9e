import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Public, StrictRateLimit } from '@app/platform';
import { LogIn } from '../commands/log-in/log-in.command';
import { LogOut } from '../commands/log-out/log-out.command';
import { RefreshSession } from '../commands/refresh-session/refresh-session.command';
import { GetProfile } from '../queries/get-profile/get-profile.query';
import { LoginRequest, LogoutRequest, RefreshRequest } from './auth.dto';

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
  async login(@Body() body: LoginRequest) {
    const { userId, ...session } = await this.commands.execute(new LogIn(body.email, body.password));
    return { ...session, user: await this.queries.execute(new GetProfile(userId)) };
  }

  @Public()
  @StrictRateLimit()
  @Post('auth/refresh')
  @HttpCode(200)
  async refresh(@Body() body: RefreshRequest) {
    const { userId, ...session } = await this.commands.execute(new RefreshSession(body.refreshToken));
    return { ...session, user: await this.queries.execute(new GetProfile(userId)) };
  }

  @ApiBearerAuth()
  @Post('auth/logout')
  @HttpCode(204)
  async logout(@CurrentActor() actor: Actor, @Body() body: LogoutRequest) {
    await this.commands.execute(new LogOut(actor, body.refreshToken));
  }

  @ApiBearerAuth()
  @Get('me')
  me(@CurrentActor() actor: Actor) {
    return this.queries.execute(new GetProfile(actor.userId));
  }
}
