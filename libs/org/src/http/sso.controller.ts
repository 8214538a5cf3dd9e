import { Controller, Get, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { CookieOptions, Request, Response } from 'express';
import { DomainError } from '@app/kernel';
import { apiPrefix, ApiErrors, AppConfig, Public, statusByErrorKind } from '@app/platform';
import { SignInWithSso } from '../commands/sign-in-with-sso/sign-in-with-sso.command';
import { SsoFlowExpired } from '../domain/org-errors';
import { OpenIdProvider, SsoFlows } from '../org.ports';
import { refusalPage } from '../sso/refusal-page';
import { RefreshCookie } from './refresh-cookie';
import { SignInOptionsView } from './sso.views';

const FLOW_COOKIE = 'sso_flow';
const FLOW_COOKIE_PATH = `/${apiPrefix}/auth/oidc`;
const LOGIN_URL = `/${apiPrefix}/auth/oidc/login`;
// Long enough to type a password and pass a second factor at the provider.
const FLOW_TTL_SECONDS = 600;
// The web app is served by this process at /; after a sign-in it calls POST /auth/refresh with the cookie.
const WEB_APP = '/';

const redirect = (description: string) => ({ description, headers: { Location: { description, schema: { type: 'string' } } } });

/**
 * OpenID Connect single sign-on for browsers. The flow cookie ties the callback to the browser
 * that started it (SameSite=Lax: the provider's redirect back is a cross-site navigation, which
 * a Strict cookie would miss); the flow it names is kept in Redis and used once. A browser gets
 * refusals as a page; a client that asks for JSON gets the usual error shape.
 */
@ApiTags('auth')
@Controller('auth')
export class SsoController {
  constructor(
    private readonly commands: CommandBus,
    private readonly provider: OpenIdProvider,
    private readonly flows: SsoFlows,
    private readonly refreshCookie: RefreshCookie,
    private readonly config: AppConfig,
  ) {}

  @Public()
  @Get('options')
  @ApiOperation({ description: 'How people may sign in here, for the sign-in page.' })
  @ApiOkResponse({ type: SignInOptionsView })
  @ApiErrors(429)
  options(): SignInOptionsView {
    const sso = this.config.get('OIDC_ISSUER_URL') ? { name: this.provider.displayName, loginUrl: LOGIN_URL } : null;
    return { passwordLogin: this.config.get('PASSWORD_LOGIN'), sso };
  }

  @Public()
  @Get('oidc/login')
  @ApiOperation({ description: 'Starts single sign-on: redirects the browser to the provider (authorization code with PKCE, state and nonce).' })
  @ApiResponse({ status: 302, ...redirect('The provider’s authorization endpoint') })
  @ApiErrors([404, 'sso_not_configured'], 429, [503, 'sso_unavailable'])
  async login(@Req() request: Request, @Res() response: Response) {
    await this.answer(request, response, async () => {
      const { authorizationUrl, flow } = await this.provider.begin();
      const flowId = await this.flows.keep(flow, FLOW_TTL_SECONDS);
      response.cookie(FLOW_COOKIE, flowId, { ...this.flowCookieOptions(request), maxAge: FLOW_TTL_SECONDS * 1000 });
      response.redirect(302, authorizationUrl);
    });
  }

  @Public()
  @Get('oidc/callback')
  @ApiOperation({
    description: `The provider sends the browser back here. On success the refresh-token cookie is set and the browser goes to the web app, which calls \`POST /auth/refresh\` to get its access token.`,
  })
  @ApiResponse({ status: 303, ...redirect('The web app (`/`), signed in'), headers: { Location: { schema: { type: 'string' } }, 'Set-Cookie': { schema: { type: 'string' } } } })
  @ApiErrors(
    [400, 'sso_flow_expired'],
    [401, 'sso_invalid_response', 'account_disabled'],
    [403, 'sso_email_unverified', 'sso_no_department'],
    [404, 'sso_not_configured'],
    [409, 'sso_identity_conflict'],
    429,
    [503, 'sso_unavailable'],
  )
  async callback(@Req() request: Request, @Res() response: Response) {
    const flowId = (request.cookies as Record<string, unknown> | undefined)?.[FLOW_COOKIE];
    response.clearCookie(FLOW_COOKIE, this.flowCookieOptions(request));
    await this.answer(request, response, async () => {
      const flow = typeof flowId === 'string' ? await this.flows.take(flowId) : null;
      if (!flow) throw new SsoFlowExpired();
      const query = new URL(request.originalUrl, 'http://callback.invalid').searchParams;
      const identity = await this.provider.complete(query, flow);
      const { refreshToken } = await this.commands.execute(new SignInWithSso(identity));
      this.refreshCookie.set(request, response, refreshToken);
      response.redirect(303, WEB_APP);
    });
  }

  /**
   * Runs the step; a refusal becomes the page for a browser (which asks for HTML by name), and
   * the error shape through the filter for any other client, one that names no type included.
   */
  private async answer(request: Request, response: Response, step: () => Promise<void>) {
    try {
      await step();
    } catch (error) {
      if (!(error instanceof DomainError) || request.accepts(['json', 'html']) !== 'html') throw error;
      const status = statusByErrorKind[error.kind];
      const requestId = String((request as Request & { id?: unknown }).id ?? '');
      response
        .status(status)
        .type('html')
        .send(refusalPage(error, status, requestId, { retry: LOGIN_URL, home: WEB_APP }));
    }
  }

  private flowCookieOptions(request: Request): CookieOptions {
    return { httpOnly: true, sameSite: 'lax', path: FLOW_COOKIE_PATH, secure: this.refreshCookie.isSecure(request) };
  }
}
