import fc from 'fast-check';
import { createHmac, randomBytes } from 'node:crypto';
import { MARKER } from './json-values';

/**
 * What the Authorization header carries, decided when the case is generated and written when it
 * is sent (the sessions' tokens exist only then, and are replaced when a case ends one).
 */
export type AuthVariant = { kind: 'session' } | { kind: 'none' } | { kind: 'raw'; value: string } | { kind: 'mangled'; how: Mangling } | { kind: 'forged'; recipe: ForgedToken };

type Mangling = 'lowercase-scheme' | 'double-space' | 'no-scheme' | 'flipped-signature' | 'truncated' | 'extra-segment' | 'trailing-space' | 'twice';

/** A JWT made up by the client: the header, the claims and the key it is signed with. */
interface ForgedToken {
  name: string;
  header: Record<string, unknown> | string;
  /** `self` is replaced by the caller's user id when the token is written. */
  claims: Record<string, unknown> | string;
  key: 'none' | 'wrong' | 'right';
}

export interface TokenSettings {
  secret: string;
  issuer: string;
  audience: string;
}

const now = () => Math.floor(Date.now() / 1000);
const goodClaims = (extra: Record<string, unknown> = {}) => ({
  sub: 'self',
  role: 'admin',
  dept: 'self-department',
  sid: 'self-session',
  iss: 'issuer',
  aud: 'audience',
  iat: 'now',
  exp: 'in-an-hour',
  ...extra,
});

const recipes: ForgedToken[] = [
  { name: 'alg none', header: { alg: 'none', typ: 'JWT' }, claims: goodClaims(), key: 'none' },
  { name: 'alg None', header: { alg: 'None', typ: 'JWT' }, claims: goodClaims(), key: 'none' },
  { name: 'alg none, signed anyway', header: { alg: 'none' }, claims: goodClaims(), key: 'right' },
  { name: 'wrong key', header: { alg: 'HS256', typ: 'JWT' }, claims: goodClaims(), key: 'wrong' },
  { name: 'expired', header: { alg: 'HS256', typ: 'JWT' }, claims: goodClaims({ iat: 'two-hours-ago', exp: 'an-hour-ago' }), key: 'right' },
  { name: 'not yet valid', header: { alg: 'HS256' }, claims: goodClaims({ nbf: 'in-an-hour' }), key: 'right' },
  { name: 'wrong issuer', header: { alg: 'HS256' }, claims: goodClaims({ iss: 'someone-else' }), key: 'right' },
  { name: 'wrong audience', header: { alg: 'HS256' }, claims: goodClaims({ aud: ['other-api'] }), key: 'right' },
  { name: 'HS512 with the right key', header: { alg: 'HS512' }, claims: goodClaims(), key: 'right' },
  { name: 'RS256 header, HMAC signature', header: { alg: 'RS256' }, claims: goodClaims(), key: 'right' },
  { name: 'kid path traversal', header: { alg: 'HS256', kid: '../../../../dev/null' }, claims: goodClaims(), key: 'wrong' },
  { name: 'jku to elsewhere', header: { alg: 'HS256', jku: 'https://example.test/keys' }, claims: goodClaims(), key: 'wrong' },
  { name: 'header not JSON', header: `{${MARKER}`, claims: goodClaims(), key: 'right' },
  { name: 'header an array', header: '[1,2]', claims: goodClaims(), key: 'right' },
  { name: 'claims not JSON', header: { alg: 'HS256' }, claims: `{"sub":${MARKER}`, key: 'right' },
  { name: 'claims an array', header: { alg: 'HS256' }, claims: '["sub"]', key: 'right' },
  { name: 'claims a string', header: { alg: 'HS256' }, claims: `"${MARKER}"`, key: 'right' },
  // Signed with the real key: only the holder of the secret can send these, but odd claims must
  // still be refused in the error shape, never fail inside.
  { name: 'subject not a UUID', header: { alg: 'HS256' }, claims: goodClaims({ sub: `not-a-uuid-${MARKER}` }), key: 'right' },
  { name: 'subject a number', header: { alg: 'HS256' }, claims: goodClaims({ sub: 12 }), key: 'right' },
  { name: 'subject an object', header: { alg: 'HS256' }, claims: goodClaims({ sub: { id: 'self' } }), key: 'right' },
  { name: 'no subject', header: { alg: 'HS256' }, claims: goodClaims({ sub: undefined }), key: 'right' },
  { name: 'subject of nobody', header: { alg: 'HS256' }, claims: goodClaims({ sub: '5f0c2a52-0d0c-4e0b-9d51-6b1c0ffee000' }), key: 'right' },
  { name: 'subject with U+0000', header: { alg: 'HS256' }, claims: goodClaims({ sub: 'a\u0000b' }), key: 'right' },
  { name: 'iat a string', header: { alg: 'HS256' }, claims: goodClaims({ iat: 'yesterday' }), key: 'right' },
  { name: 'no iat', header: { alg: 'HS256' }, claims: goodClaims({ iat: undefined }), key: 'right' },
  { name: 'iat far ahead', header: { alg: 'HS256' }, claims: goodClaims({ iat: 1e20 }), key: 'right' },
  { name: 'session an object', header: { alg: 'HS256' }, claims: goodClaims({ sid: { $ne: null } }), key: 'right' },
  { name: 'exp a string', header: { alg: 'HS256' }, claims: goodClaims({ exp: 'never' }), key: 'right' },
  { name: 'exp huge', header: { alg: 'HS256' }, claims: goodClaims({ exp: 1e300 }), key: 'right' },
];

export const authVariants = (actor: 'anonymous' | 'member' | 'admin'): fc.Arbitrary<AuthVariant> =>
  fc.oneof(
    // A signed-in actor mostly sends its own token, so the routes behind the guard are reached.
    { arbitrary: fc.constant<AuthVariant>(actor === 'anonymous' ? { kind: 'none' } : { kind: 'session' }), weight: actor === 'anonymous' ? 3 : 24 },
    { arbitrary: fc.constant<AuthVariant>({ kind: 'none' }), weight: 1 },
    {
      arbitrary: fc
        .oneof(
          fc.constantFrom(
            'Bearer',
            'Bearer ',
            'Bearer a.b.c',
            `Bearer ${MARKER}`,
            'Basic YWRtaW46YWRtaW4=',
            'Digest x',
            `Bearer ${'x'.repeat(8_000)}`,
            'Bearer t\u00e9st',
            'Bearer ...',
            'Bearer eyJ.eyJ.',
            '\t',
          ),
          fc.string({ maxLength: 60 }).map((s) => `Bearer ${s}${MARKER}`),
        )
        .map((value): AuthVariant => ({ kind: 'raw', value })),
      weight: 2,
    },
    {
      arbitrary: fc
        .constantFrom<Mangling>('lowercase-scheme', 'double-space', 'no-scheme', 'flipped-signature', 'truncated', 'extra-segment', 'trailing-space', 'twice')
        .map((how): AuthVariant => ({ kind: 'mangled', how })),
      weight: 2,
    },
    { arbitrary: fc.constantFrom(...recipes).map((recipe): AuthVariant => ({ kind: 'forged', recipe })), weight: 3 },
  );

export interface TokenOwner {
  id: string;
  departmentId: string;
  accessToken: string;
}

/** The header value (or values) to send; undefined sends none. */
export function authorizationFor(variant: AuthVariant, owner: TokenOwner, settings: TokenSettings): string | string[] | undefined {
  const token = owner.accessToken;
  switch (variant.kind) {
    case 'none':
      return undefined;
    case 'session':
      return `Bearer ${token}`;
    case 'raw':
      return headerSafe(variant.value);
    case 'mangled':
      return mangle(token, variant.how);
    case 'forged':
      return `Bearer ${forge(variant.recipe, owner, settings)}`;
  }
}

function mangle(token: string, how: Mangling): string | string[] {
  switch (how) {
    case 'lowercase-scheme':
      return `bearer ${token}`;
    case 'double-space':
      return `Bearer  ${token}`;
    case 'no-scheme':
      return token;
    case 'flipped-signature':
      return `Bearer ${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    case 'truncated':
      return `Bearer ${token.slice(0, Math.floor(token.length / 2))}`;
    case 'extra-segment':
      return `Bearer ${token}.${token.split('.')[1]}`;
    case 'trailing-space':
      return `Bearer ${token} `;
    case 'twice':
      return [`Bearer ${token}`, `Bearer ${MARKER}`];
  }
}

const b64 = (text: string) => Buffer.from(text).toString('base64url');

function forge(recipe: ForgedToken, owner: TokenOwner, settings: TokenSettings): string {
  const t = now();
  const times: Record<string, number> = { now: t, 'in-an-hour': t + 3_600, 'an-hour-ago': t - 3_600, 'two-hours-ago': t - 7_200 };
  const substitute = (value: unknown): unknown => {
    if (value === 'self') return owner.id;
    if (value === 'self-department') return owner.departmentId;
    if (value === 'self-session') return owner.accessToken ? sessionOf(owner.accessToken) : undefined;
    if (value === 'issuer') return settings.issuer;
    if (value === 'audience') return settings.audience;
    if (typeof value === 'string' && value in times) return times[value];
    if (value && typeof value === 'object' && !Array.isArray(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v)]));
    return value;
  };
  const header = typeof recipe.header === 'string' ? recipe.header : JSON.stringify(recipe.header);
  const claims = typeof recipe.claims === 'string' ? recipe.claims : JSON.stringify(substitute(recipe.claims));
  const signingInput = `${b64(header)}.${b64(claims)}`;
  if (recipe.key === 'none') return `${signingInput}.`;
  const key = recipe.key === 'right' ? settings.secret : randomBytes(48).toString('base64url');
  return `${signingInput}.${createHmac('sha256', key).update(signingInput).digest('base64url')}`;
}

function sessionOf(accessToken: string): unknown {
  try {
    return JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString()).sid;
  } catch {
    return undefined;
  }
}

/** Node refuses to send header values outside tab, printable ASCII and Latin-1; anything else becomes `?`. */
export function headerSafe(value: string): string {
  return value.replace(/[^\t\x20-\x7e\x80-\xff]/g, '?');
}
