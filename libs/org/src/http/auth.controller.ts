import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { DomainError } from '@app/kernel';
import { Actor, ApiErrors, CurrentActor, Public, StrictRateLimit } from '@app/platform';
import { LogIn } from '../commands/log-in/log-in.command';
import { LogOut } from '../commands/log-out/log-out.command';
import { RefreshSession } from '../commands/refresh-session/refresh-session.command';
import { InvalidRefreshToken } from '../domain/org-errors';
import { GetProfile } from '../queries/get-profile/get-profile.query';
import { LoginRequest, LogoutRequest, RefreshRequest } from './auth.dto';
import { SessionView } from './auth.views';
import { UserProfileView } from './org.views';
import { REFRESH_COOKIE, REFRESH_COOKIE_PATH, RefreshCookie } from './refresh-cookie';

const setsCookie = {
  'Set-Cookie': {
    description: `\`${REFRESH_COOKIE}=<refresh token>; Path=${REFRESH_COOKIE_PATH}; HttpOnly; SameSite=Strict; Secure\` (not Secure on plain-http localhost)`,
    schema: { type: 'string' },
  },
} as const;

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly cookie: RefreshCookie,
  ) {}

  @Public()
  @StrictRateLimit()
  @Post('auth/login')
  @HttpCode(200)
  @ApiOperation({ description: 'Also sets the refresh token as an HttpOnly cookie for browsers.' })
  @ApiOkResponse({ type: SessionView, headers: setsCookie })
  @ApiErrors(400, [401, 'invalid_credentials', 'account_disabled'], 429)
  async login(@Body() body: LoginRequest, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<SessionView> {
    const { userId, ...session } = await this.commands.execute(new LogIn(body.email, body.password));
    this.cookie.set(request, response, session.refreshToken);
    return { ...session, user: await this.queries.execute(new GetProfile(userId)) };
  }

  @Public()
  @StrictRateLimit()
  @Post('auth/refresh')
  @HttpCode(200)
  @ApiOperation({
    description: `Takes the refresh token from the body, or else from the \`${REFRESH_COOKIE}\` cookie, and answers a new pair (the cookie too). A refresh the cookie's token failed clears the cookie.`,
  })
  @ApiOkResponse({ type: SessionView, headers: setsCookie })
  @ApiErrors(400, [401, 'invalid_refresh_token', 'refresh_token_reused', 'account_disabled'], 429)
  async refresh(@Body() body: RefreshRequest, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<SessionView> {
    const fromCookie = body?.refreshToken === undefined;
    const refreshToken = body?.refreshToken ?? this.cookie.read(request);
    try {
      if (refreshToken === undefined) throw new InvalidRefreshToken('Send the refresh token in the body or its cookie');
      const { userId, ...session } = await this.commands.execute(new RefreshSession(refreshToken));
      this.cookie.set(request, response, session.refreshToken);
      return { ...session, user: await this.queries.execute(new GetProfile(userId)) };
    } catch (error) {
      // A cookie that can never work again is removed; a failure on our side leaves it be.
      if (fromCookie && error instanceof DomainError && error.kind === 'unauthorized') this.cookie.clear(request, response);
      throw error;
    }
  }

  @ApiBearerAuth()
  @Post('auth/logout')
  @HttpCode(204)
  @ApiOperation({ description: `Ends the session of the body's refresh token, or else of the \`${REFRESH_COOKIE}\` cookie, and clears the cookie.` })
  @ApiNoContentResponse({ description: 'Signed out; the ended sessions’ access tokens are refused from the next request on' })
  @ApiErrors(400, 401, 429)
  async logout(@CurrentActor() actor: Actor, @Body() body: LogoutRequest, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    await this.commands.execute(new LogOut(actor, body?.refreshToken ?? this.cookie.read(request), body?.everywhere ?? false));
    this.cookie.clear(request, response);
  }

  @ApiBearerAuth()
  @Get('me')
  @ApiOkResponse({ type: UserProfileView })
  @ApiErrors(401, 429)
  me(@CurrentActor() actor: Actor): Promise<UserProfileView> {
    return this.queries.execute(new GetProfile(actor.userId));
  }
}
