import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';

export interface TestAccount {
  sub: string;
  email: string;
  email_verified: boolean;
  name: string;
  groups: string[];
}

export const CLIENT_ID = 'knowledge-assistant';
export const CLIENT_SECRET = 'a-client-secret-for-the-tests';

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * A real OpenID provider (`oidc-provider`) on a free port, with one client: the API. Its login
 * page signs in whichever account the test chose with `signInAs`, as a person typing their
 * password would; consent is given at once. `issueIdTokensFor` makes the token endpoint answer
 * ID tokens whose audience is another client, re-signed with the provider's own key, as a token
 * issued to another application of the same provider would be.
 */
export class TestOpenIdProvider {
  private current: string | null = null;
  private audienceOverride: string | null = null;

  private constructor(
    readonly issuer: string,
    private readonly server: Server,
    private readonly provider: Provider,
    /** The provider's directory: change an account here and its next sign-in says so. */
    readonly accounts: Map<string, TestAccount>,
  ) {}

  static async start(redirectUri: string): Promise<TestOpenIdProvider> {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const kid = randomUUID();
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const accounts = new Map<string, TestAccount>();
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: CLIENT_ID,
          client_secret: CLIENT_SECRET,
          redirect_uris: [redirectUri],
          grant_types: ['authorization_code'],
          response_types: ['code'],
          token_endpoint_auth_method: 'client_secret_post',
        },
      ],
      jwks: { keys: [{ ...(privateKey.export({ format: 'jwk' }) as object), kid, alg: 'RS256', use: 'sig' }] },
      cookies: { keys: ['cookie-signing-key-for-the-tests'] },
      claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'groups'] },
      features: { devInteractions: { enabled: false } },
      interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
      findAccount: (_ctx, sub) => {
        const account = accounts.get(sub);
        return account ? { accountId: sub, claims: () => ({ ...accounts.get(sub)! }) } : undefined;
      },
    });
    const idp = new TestOpenIdProvider(issuer, server, provider, accounts);
    provider.use(async (ctx: KoaContextWithOIDC, next: () => Promise<void>) => {
      await next();
      const body = ctx.body as { id_token?: string } | undefined;
      if (ctx.path === '/token' && idp.audienceOverride && body?.id_token) ctx.body = { ...body, id_token: resign(body.id_token, privateKey, idp.audienceOverride) };
    });
    const handle = provider.callback();
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      if (request.url?.startsWith('/interaction/')) void idp.interact(request, response);
      else handle(request, response);
    });
    return idp;
  }

  /** The account the provider's login page signs in next. */
  signInAs(account: TestAccount) {
    this.accounts.set(account.sub, account);
    this.current = account.sub;
  }

  issueIdTokensFor(audience: string | null) {
    this.audienceOverride = audience;
  }

  async stop() {
    await new Promise((resolve) => this.server.close(resolve));
  }

  private async interact(request: IncomingMessage, response: ServerResponse) {
    try {
      const details = await this.provider.interactionDetails(request, response);
      if (details.prompt.name === 'login') {
        if (!this.current) throw new Error('no account chosen with signInAs');
        await this.provider.interactionFinished(request, response, { login: { accountId: this.current } }, { mergeWithLastSubmission: false });
        return;
      }
      const grant = details.grantId ? await this.provider.Grant.find(details.grantId) : new this.provider.Grant({ accountId: details.session!.accountId, clientId: String(details.params.client_id) });
      grant!.addOIDCScope(String(details.params.scope));
      if (details.params.claims) grant!.addOIDCClaims(Object.keys(JSON.parse(String(details.params.claims))));
      const grantId = await grant!.save();
      await this.provider.interactionFinished(request, response, { consent: { grantId } }, { mergeWithLastSubmission: true });
    } catch (error) {
      response.statusCode = 500;
      response.end(String(error));
    }
  }
}

function resign(idToken: string, key: KeyObject, audience: string): string {
  const [header, payload] = idToken.split('.');
  const claims = { ...JSON.parse(Buffer.from(payload, 'base64url').toString()), aud: audience };
  const signingInput = `${header}.${b64url(claims)}`;
  return `${signingInput}.${sign('sha256', Buffer.from(signingInput), key).toString('base64url')}`;
}
