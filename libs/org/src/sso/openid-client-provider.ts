import { Injectable, Logger } from '@nestjs/common';
import * as oidc from 'openid-client';
import { AppConfig } from '@app/platform';
import { SsoInvalidResponse, SsoNotConfigured, SsoUnavailable } from '../domain/org-errors';
import { groupsOf } from '../domain/sso-assignment';
import { OpenIdProvider, type SsoFlow, type SsoIdentity } from '../org.ports';

const loopbackHost = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

interface Settings {
  issuer: URL;
  clientId: string;
  clientSecret: string;
  redirectUrl: string;
  scopes: string;
  groupsClaim: string;
}

/**
 * The relying party, through `openid-client` (certified): discovery, the authorization-code
 * flow with PKCE (S256), state and nonce, and the ID token's checks (signature against the
 * provider's keys, issuer, audience = our client id, nonce, expiry). The provider's metadata is
 * discovered at the first sign-in, not at start-up, so an unreachable provider never stops the
 * API from starting; a failed discovery is tried again at the next sign-in. Plain http is
 * accepted only for an issuer on a loopback address (a provider running beside the API).
 */
@Injectable()
export class OpenIdClientProvider extends OpenIdProvider {
  private readonly logger = new Logger(OpenIdClientProvider.name);
  private readonly settings: Settings | null;
  private configuration: Promise<oidc.Configuration> | null = null;
  readonly displayName: string;

  constructor(config: AppConfig) {
    super();
    const issuer = config.get('OIDC_ISSUER_URL');
    this.displayName = config.get('OIDC_PROVIDER_NAME');
    this.settings = issuer
      ? {
          issuer: new URL(issuer),
          clientId: config.get('OIDC_CLIENT_ID')!,
          clientSecret: config.get('OIDC_CLIENT_SECRET')!,
          redirectUrl: config.get('OIDC_REDIRECT_URL')!,
          scopes: config.get('OIDC_SCOPES'),
          groupsClaim: config.get('OIDC_GROUPS_CLAIM'),
        }
      : null;
  }

  async begin(): Promise<{ authorizationUrl: string; flow: SsoFlow }> {
    const { settings, configuration } = await this.configured();
    const flow: SsoFlow = { state: oidc.randomState(), nonce: oidc.randomNonce(), codeVerifier: oidc.randomPKCECodeVerifier() };
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: settings.redirectUrl,
      scope: settings.scopes,
      code_challenge: await oidc.calculatePKCECodeChallenge(flow.codeVerifier),
      code_challenge_method: 'S256',
      state: flow.state,
      nonce: flow.nonce,
    });
    return { authorizationUrl: url.href, flow };
  }

  async complete(callbackQuery: URLSearchParams, flow: SsoFlow): Promise<SsoIdentity> {
    const { settings, configuration } = await this.configured();
    // The URL the provider redirected to, from configuration: never from the request's Host.
    const current = new URL(settings.redirectUrl);
    current.search = callbackQuery.toString();
    try {
      const tokens = await oidc.authorizationCodeGrant(configuration, current, {
        pkceCodeVerifier: flow.codeVerifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
      const idToken = tokens.claims()!;
      let claims: Record<string, unknown> = idToken;
      // Many providers put email and groups in the userinfo answer rather than in the ID token.
      if (idToken.email === undefined || groupsOf(idToken, settings.groupsClaim).length === 0) {
        claims = { ...(await oidc.fetchUserInfo(configuration, tokens.access_token, idToken.sub)), ...idToken };
      }
      return {
        issuer: idToken.iss,
        subject: idToken.sub,
        email: typeof claims.email === 'string' ? claims.email : null,
        // Some providers send "true" as a string.
        emailVerified: claims.email_verified === true || claims.email_verified === 'true',
        displayName: [claims.name, claims.preferred_username].find((value): value is string => typeof value === 'string' && value.trim() !== '') ?? null,
        groups: groupsOf(claims, settings.groupsClaim),
      };
    } catch (error) {
      throw this.refusalOf(error);
    }
  }

  private refusalOf(error: unknown): Error {
    if (error instanceof oidc.AuthorizationResponseError) return new SsoInvalidResponse(`the provider answered ${error.error}`);
    if (error instanceof oidc.ResponseBodyError) return new SsoInvalidResponse(`the provider refused the code: ${error.error}`);
    if (error instanceof oidc.ClientError || error instanceof oidc.WWWAuthenticateChallengeError) {
      this.logger.warn({ err: error }, 'single sign-on answer refused');
      // openid-client says "unexpected JWT claim value encountered"; its cause names the claim.
      const reason = error.cause instanceof Error ? error.cause.message : error.message;
      return new SsoInvalidResponse(reason.replace(/\.$/, ''));
    }
    this.logger.error({ err: error }, 'single sign-on failed on the way to the provider');
    return new SsoUnavailable();
  }

  private async configured(): Promise<{ settings: Settings; configuration: oidc.Configuration }> {
    const settings = this.settings;
    if (!settings) throw new SsoNotConfigured();
    this.configuration ??= oidc
      .discovery(settings.issuer, settings.clientId, { redirect_uris: [settings.redirectUrl], response_types: ['code'] }, oidc.ClientSecretPost(settings.clientSecret), {
        execute: settings.issuer.protocol === 'http:' && loopbackHost.test(settings.issuer.hostname) ? [oidc.allowInsecureRequests] : [],
      })
      .catch((error: unknown) => {
        this.configuration = null;
        this.logger.error({ err: error }, 'could not discover the OpenID provider');
        throw new SsoUnavailable();
      });
    return { settings, configuration: await this.configuration };
  }
}
