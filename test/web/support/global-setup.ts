import type { FullConfig } from '@playwright/test';
import { existsSync } from 'node:fs';
import { CLIENT_ID, CLIENT_SECRET, TestOpenIdProvider, type TestAccount } from '../../e2e/support/openid-provider';
import { seedDocuments } from './seed-documents';

/** The person the test provider signs in, whose groups map to Engineering. */
const SSO_ACCOUNT: TestAccount = { sub: 'web-sso-erin', email: 'erin@example.org', email_verified: true, name: 'Erin (Directory)', groups: ['staff-engineering'] };
const SSO_PROVIDER_NAME = 'Test Directory';

/** What the specs learn about the running product (through the environment). */
export type ProductInfo = {
  baseUrl: string;
  shortSessionUrl: string;
  strictUrl: string;
  admin: { email: string; password: string };
  memberPassword: string;
  documents: Awaited<ReturnType<typeof seedDocuments>>;
  /** An API process on a database of its own holding the demo organisation alone, for README screenshots. */
  screenshotsUrl: string;
  /** A third API process on the same data with single sign-on on and password login off (the admin is break-glass). */
  sso: { baseUrl: string; providerName: string; account: { email: string; name: string } };
};

export default async function globalSetup(_config: FullConfig) {
  const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(chromium)) throw new Error(`Chromium is missing at ${chromium}: apt-get install -y chromium (as .ci/run does)`);
  const log = (line: string) => console.log(`[web] ${line}`);
  // A dynamic import: Playwright compiles this file to CommonJS, and the bench's helpers are ESM.
  const { build, SEED, startProduct } = await import('../../../bench/lib/product.mjs');
  if (process.env.WEB_TEST_SKIP_BUILD !== '1') build(log);
  log('starting PostgreSQL, Redis, Chroma, the API and the worker');
  const product = await startProduct({ log });
  let idp: TestOpenIdProvider | undefined;
  try {
    // Words arrive at a hosted model's pace, so a test can see an answer stream and stop it.
    const api = await product.startApi({ LOCAL_CHAT_TOKEN_DELAY_MS: '100' });
    // A second API process on the same data whose access tokens expire within seconds.
    const shortSession = await product.startApi({ LOCAL_CHAT_TOKEN_DELAY_MS: '100', JWT_ACCESS_TTL_SECONDS: '4' });
    // And one as strict as a deployment can be set: no grace for a rotated refresh token coming
    // back (so two tabs refreshing with one cookie would sign the person out), and one chat a
    // minute per person.
    const strict = await product.startApi({ REFRESH_REUSE_GRACE_SECONDS: '0', CHAT_RATE_LIMIT_PER_MINUTE: '1' });
    // The README's screenshots of the organisation show the demo organisation, not whatever the
    // other specs have added to the shared one by then.
    const screenshots = await product.startApi({ DATABASE_URL: await product.ownOrganisation('web_screenshots'), CHROMA_COLLECTION: 'web_screenshots' });
    // A real OpenID provider in this process (it lives as long as the run), and an API that uses it.
    const { freePort } = await import('../../../scripts/lib/local-stack.mjs');
    const ssoPort = await freePort();
    const ssoOrigin = `http://127.0.0.1:${ssoPort}`;
    idp = await TestOpenIdProvider.start(`${ssoOrigin}/api/v1/auth/oidc/callback`);
    idp.signInAs(SSO_ACCOUNT);
    await product.startApi({
      PORT: String(ssoPort),
      OIDC_ISSUER_URL: idp.issuer,
      OIDC_CLIENT_ID: CLIENT_ID,
      OIDC_CLIENT_SECRET: CLIENT_SECRET,
      OIDC_REDIRECT_URL: `${ssoOrigin}/api/v1/auth/oidc/callback`,
      OIDC_PROVIDER_NAME: SSO_PROVIDER_NAME,
      OIDC_GROUP_MAPPING: JSON.stringify([{ group: 'staff-engineering', department: 'Engineering' }]),
      PASSWORD_LOGIN: 'false',
      PASSWORD_LOGIN_BREAK_GLASS_EMAILS: SEED.adminEmail,
    });
    const worker = await product.startWorker();
    if (!worker) throw new Error('the worker is not built');
    const origin = `http://127.0.0.1:${api.port}`;
    const documents = await seedDocuments(`${origin}/api/v1`, SEED.adminEmail, SEED.adminPassword);
    const info: ProductInfo = {
      baseUrl: origin,
      shortSessionUrl: `http://127.0.0.1:${shortSession.port}`,
      strictUrl: `http://127.0.0.1:${strict.port}`,
      screenshotsUrl: `http://127.0.0.1:${screenshots.port}`,
      admin: { email: SEED.adminEmail, password: SEED.adminPassword },
      memberPassword: SEED.memberPassword,
      documents,
      sso: { baseUrl: ssoOrigin, providerName: SSO_PROVIDER_NAME, account: { email: SSO_ACCOUNT.email, name: SSO_ACCOUNT.name } },
    };
    process.env.WEB_BASE_URL = origin;
    process.env.WEB_PRODUCT = JSON.stringify(info);
    log(`product at ${origin}`);
  } catch (error) {
    await product.stop();
    await idp?.stop();
    throw error;
  }
  return async () => {
    await product.stop();
    await idp?.stop();
  };
}
