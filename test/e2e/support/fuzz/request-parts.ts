import fc from 'fast-check';
import { headerSafe } from './auth-headers';
import { allIds, hostileStrings, idsFor, MARKER, SessionValue, type FuzzPool } from './json-values';
import type { Operation, Parameter, Schema } from './operations';

/** Percent-encodes every byte outside the unreserved set; lone surrogates go as U+FFFD, as any client would send them. */
export const percentEncode = (value: string) =>
  [...Buffer.from(value, 'utf8')].map((byte) => (/[A-Za-z0-9\-._~]/.test(String.fromCharCode(byte)) ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`)).join('');

/** Path segments as sent on the wire: encoded slashes, dot segments, broken escapes, near-UUIDs. */
const hostileSegments = [
  '..',
  '.',
  '%2e%2e',
  '%2E',
  '%2F',
  'a%2Fb',
  '..%2F..%2F..%2Fetc%2Fpasswd',
  '%5C..%5C',
  '%00',
  '%E0%A4%A',
  '%',
  '%25',
  '%252F',
  '%ED%A0%80',
  '%C0%AE%C0%AE',
  '%F0%9F%99%82',
  '\u00e9',
  '%3Cscript%3E',
  '{id}',
  ':id',
  '*',
  '(.*)',
  '-1',
  '0',
  'null',
  'undefined',
  '+',
  '%20',
  MARKER,
  'a'.repeat(2_000),
];

function pathSegment(pool: FuzzPool, hints: string[]): fc.Arbitrary<string> {
  const fitting = idsFor(pool, hints);
  return fc.oneof(
    { arbitrary: fc.constantFrom(...fitting), weight: 6 },
    { arbitrary: fc.constantFrom(...allIds(pool)), weight: 1 },
    { arbitrary: fc.uuid(), weight: 2 },
    {
      arbitrary: fc.tuple(fc.constantFrom(...fitting), fc.constantFrom('upper', 'braces', 'no-dashes', 'suffix', 'nul', 'space')).map(([id, how]) => {
        if (how === 'upper') return id.toUpperCase();
        if (how === 'braces') return `%7B${id}%7D`;
        if (how === 'no-dashes') return id.replaceAll('-', '');
        if (how === 'suffix') return `${id}x`;
        if (how === 'nul') return `${id}%00`;
        return `${id}%20`;
      }),
      weight: 1,
    },
    { arbitrary: fc.constantFrom(...hostileSegments), weight: 2 },
    {
      arbitrary: hostileStrings(pool)
        .filter((s) => s.length > 0 && s.length < 3_000)
        .map(percentEncode),
      weight: 1,
    },
  );
}

/** The path with each parameter replaced by a generated segment. */
export function pathFor(operation: Operation, pool: FuzzPool): fc.Arbitrary<string> {
  const names = operation.pathParams.map((p) => p.name);
  // The segment before `{id}` says what the id names (`/files/{id}`).
  const before = (name: string) => operation.path.split(`/{${name}}`)[0].split('/').pop() ?? '';
  return fc.tuple(...names.map((name) => pathSegment(pool, [name, before(name)]))).map((segments) => names.reduce((path, name, i) => path.replace(`{${name}}`, segments[i]), operation.path));
}

const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function cursors(pool: FuzzPool): fc.Arbitrary<string> {
  const id = fc.oneof(fc.uuid(), fc.constantFrom(...allIds(pool)));
  const instant = fc.oneof(
    fc.date({ min: new Date('1970-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
    fc.constantFrom(
      '+099999-01-01T00:00:00.000Z',
      '+275760-09-13T00:00:00.000Z',
      '-000001-01-01T00:00:00.000Z',
      '2024-02-30T00:00:00.000Z',
      '2024-01-01T00:00:00.000Z\u0000',
      '2024-01-01',
      '2024-01-01T00:00:00Z',
      '2024-01-01T00:00:00.000+05:00',
      `2024-01-01T00:00:00.000Z${MARKER}`,
      'yesterday',
      '',
    ),
  );
  return fc.oneof(
    { arbitrary: fc.tuple(instant, id).map(cursorOf), weight: 4 },
    { arbitrary: fc.tuple(instant, id, fc.jsonValue()).map(cursorOf), weight: 1 },
    { arbitrary: fc.jsonValue({ maxDepth: 3 }).map(cursorOf), weight: 1 },
    { arbitrary: fc.tuple(fc.integer(), id).map(cursorOf), weight: 1 },
    {
      arbitrary: fc.constantFrom(
        'not-a-cursor!',
        Buffer.from(JSON.stringify(['2024-01-01T00:00:00.000Z', '00000000-0000-0000-0000-000000000000'])).toString('base64'),
        Buffer.from('{"__proto__":{"admin":true}}').toString('base64url'),
        cursorOf({ at: '2024-01-01T00:00:00.000Z', id: '00000000-0000-0000-0000-000000000000' }),
        'A'.repeat(600),
        '',
        '%00',
        MARKER,
      ),
      weight: 1,
    },
  );
}

/** A query value, already encoded; undefined means the bare key (`?limit`). */
function queryValue(parameter: Parameter, pool: FuzzPool): fc.Arbitrary<string | undefined> {
  const schema: Schema = parameter.schema;
  const encoded = (arb: fc.Arbitrary<string>) => arb.map(percentEncode);
  const hostile = encoded(hostileStrings(pool).filter((s) => s.length < 4_000));
  const proper: fc.Arbitrary<string> = schema.enum?.length
    ? fc.constantFrom(...schema.enum.map(String), ...schema.enum.map((v) => String(v).toUpperCase()))
    : schema.format === 'uuid'
      ? fc.oneof(fc.constantFrom(...idsFor(pool, [parameter.name])), fc.uuid())
      : schema.type === 'number' || schema.type === 'integer'
        ? fc.oneof(
            { arbitrary: fc.integer({ min: schema.minimum ?? 0, max: schema.maximum ?? 100 }).map(String), weight: 3 },
            fc.constantFrom('0', '-1', '101', '1.5', '1e1', '0x10', '%205', '9'.repeat(400), 'NaN', 'Infinity', '', '%D9%A3', '1,2', '+1', '01'),
          )
        : parameter.name === 'cursor'
          ? encoded(cursors(pool))
          : encoded(fc.string({ unit: 'grapheme', maxLength: 30 }));
  return fc.oneof({ arbitrary: proper, weight: 6 }, { arbitrary: hostile, weight: 2 }, { arbitrary: fc.constant(undefined), weight: 1 });
}

/** `?…` with the operation's own parameters (each maybe repeated or bracketed) and some it does not know. */
export function queryFor(operation: Operation, pool: FuzzPool): fc.Arbitrary<string> {
  const own = operation.queryParams.map((parameter) =>
    fc.tuple(fc.integer({ min: 0, max: 9 }), queryValue(parameter, pool), queryValue(parameter, pool)).map(([roll, value, other]): Array<[string, string | undefined]> => {
      if (roll < 5) return [];
      if (roll === 7)
        return [
          [parameter.name, value],
          [parameter.name, other],
        ];
      if (roll === 8) return [[`${parameter.name}%5B%5D`, value]];
      if (roll === 9) return [[`${parameter.name}[a]`, value]];
      return [[parameter.name, value]];
    }),
  );
  const unknown = fc.array(
    fc.constantFrom<[string, string | undefined]>(
      ['sort', 'desc'],
      ['__proto__[admin]', 'true'],
      ['constructor[prototype][x]', '1'],
      ['', 'x'],
      ['%00', '1'],
      ['%E0%A4%A', '1'],
      ['limit', '5'],
      ['cursor', 'x'],
      ['zz_unknown', MARKER],
      ['a'.repeat(3_000), '1'],
    ),
    { maxLength: 2 },
  );
  const tail = fc.constantFrom('', '', '', '&', '&&', '#x');
  return fc.tuple(fc.tuple(...own), fc.oneof({ arbitrary: fc.constant([] as Array<[string, string | undefined]>), weight: 4 }, { arbitrary: unknown, weight: 1 }), tail).map(([chosen, extra, end]) => {
    const pairs = [...chosen.flat(), ...extra];
    if (pairs.length === 0) return end === '#x' ? '' : end ? `?${end}` : '';
    return `?${pairs.map(([k, v]) => (v === undefined ? k : `${k}=${v}`)).join('&')}${end}`;
  });
}

export type HeaderValue = string | string[] | SessionValue;

/** Headers beside Authorization and the body's own: request ids, Accept, cookies, odd extras. */
export function extraHeaders(): fc.Arbitrary<Array<[string, HeaderValue]>> {
  const requestId = fc.oneof(
    { arbitrary: fc.constant<HeaderValue[]>([]), weight: 3 },
    { arbitrary: fc.stringMatching(/^[\w.:-]{1,128}$/).map((id) => [id]), weight: 3 },
    { arbitrary: fc.constantFrom<HeaderValue>('x'.repeat(129), 'two words', 'a%0d%0aSet-Cookie:x', '\u00e9t\u00e9', '', 'ok/slash', `${MARKER}<>`, ['one', 'two']).map((v) => [v]), weight: 2 },
  );
  const one = (name: string, values: HeaderValue[], noneWeight: number) =>
    fc.oneof(
      { arbitrary: fc.constant<Array<[string, HeaderValue]>>([]), weight: noneWeight },
      { arbitrary: fc.constantFrom(...values).map((v): Array<[string, HeaderValue]> => [[name, v]]), weight: 1 },
    );
  return fc
    .tuple(
      requestId.map((ids) => ids.map((id): [string, HeaderValue] => ['x-request-id', id])),
      one('accept', ['application/json', 'text/event-stream', '*/*', 'text/html', 'application/xml', 'garbage;;q=x', 'application/json;q=0', 'image/png'], 2),
      one(
        'cookie',
        [
          'refresh_token=%E0%A4%A',
          'refresh_token="x"',
          'refresh_token=',
          'refresh_token=a; refresh_token=b',
          '=;;;',
          `refresh_token=${MARKER}`,
          new SessionValue('refreshToken'),
          new SessionValue('otherRefreshToken'),
        ],
        3,
      ),
      one('expect', ['100-continue', 'foo', MARKER], 12),
      one('x-forwarded-for', ['1.2.3.4', 'garbage, , ::1', `${MARKER}`], 10),
      one('origin', ['https://evil.example', 'null'], 10),
      one('range', ['bytes=0-0', 'bytes=-1', 'bytes=99999999-', 'bytes=5-1', 'bytes=0-0,1-1,2-2', 'pages=1'], 10),
      one('if-none-match', ['*', '"x"', 'W/"garbage'], 12),
      one('if-modified-since', ['garbage', 'Thu, 01 Jan 1970 00:00:00 GMT', 'Fri, 01 Jan 9999 00:00:00 GMT'], 12),
      one('x-http-method-override', ['DELETE', 'PUT'], 12),
      one('accept-encoding', ['gzip', 'br, gzip;q=0', 'identity;q=0, *;q=0'], 10),
    )
    .map((groups) => groups.flat().map(([name, value]): [string, HeaderValue] => [name, typeof value === 'string' ? headerSafe(value) : value]));
}
