import fc from 'fast-check';
import type { Schema } from './operations';

/**
 * Requests carry this in strings they send; an error body that contains it quotes the request.
 * It is never put in a key, since an unknown field's name is rightly named in `details`.
 */
export const MARKER = 'zqFUZZMARKqz';

/** A literal written into the JSON text as it is: `1e400`, `-0`, or something JSON lacks (`NaN`). */
class RawJson {
  constructor(readonly text: string) {}
}

/** An object as entries, so a body can repeat a key or carry `__proto__` as sent. */
class JsonObject {
  constructor(readonly entries: ReadonlyArray<readonly [string, JsonNode]>) {}
}

/** A value known only when the request is sent (a session's refresh token). */
export class SessionValue {
  constructor(readonly name: 'refreshToken' | 'otherRefreshToken') {}
}

export type JsonNode = null | boolean | number | string | JsonNode[] | JsonObject | RawJson | SessionValue;

export type ResolveSessionValue = (value: SessionValue) => string;

export function writeJson(node: JsonNode, resolve: ResolveSessionValue): string {
  if (node instanceof RawJson) return node.text;
  if (node instanceof SessionValue) return JSON.stringify(resolve(node));
  if (node instanceof JsonObject) return `{${node.entries.map(([key, value]) => `${JSON.stringify(key)}:${writeJson(value, resolve)}`).join(',')}}`;
  if (Array.isArray(node)) return `[${node.map((item) => writeJson(item, resolve)).join(',')}]`;
  return JSON.stringify(node);
}

/** Plain JSON (as fast-check's `jsonValue` makes it) in the model above. */
function fromPlain(value: unknown): JsonNode {
  if (Array.isArray(value)) return value.map(fromPlain);
  if (value !== null && typeof value === 'object') return new JsonObject(Object.entries(value).map(([k, v]) => [k, fromPlain(v)] as const));
  return value as JsonNode;
}

/** What the generators may use besides random data: ids and names that exist in the app. */
export interface FuzzPool {
  /** Ids the setup created, by the kind of thing they name: `file`, `conversation`, `user`… */
  ids: Record<string, string[]>;
  emails: string[];
  password: string;
}

export const allIds = (pool: FuzzPool) => Object.values(pool.ids).flat();

/**
 * The ids that fit a field or parameter, judged by its name and the path segment before it
 * (`fileIds` and `/files/{id}` take file ids); every id when nothing fits, which still tries
 * the id of one thing where another is expected.
 */
export function idsFor(pool: FuzzPool, hints: string[]): string[] {
  const words = hints.map((hint) => hint.toLowerCase());
  const fitting = Object.entries(pool.ids)
    .filter(([kind]) => words.some((word) => word.includes(kind)))
    .flatMap(([, ids]) => ids);
  return fitting.length > 0 ? fitting : allIds(pool);
}

const nested = (depth: number, leaf: JsonNode): JsonNode => (depth === 0 ? leaf : [nested(depth - 1, leaf)]);

export const hostileStrings = (pool: FuzzPool): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom(
      '',
      ' ',
      '\t\r\n',
      MARKER,
      `a\u0000b${MARKER}`,
      `\ud800${MARKER}`,
      `${MARKER}\udfff`,
      `x\ud83d`,
      '🙂',
      'Résumé 日本語 🙂',
      `\u202e${MARKER}`,
      '\u200b',
      '\ufeff',
      'NaN',
      'Infinity',
      '-Infinity',
      '1e999',
      '-0',
      '0x10',
      '9'.repeat(400),
      'true',
      'null',
      'undefined',
      `<script>alert(1)</script>${MARKER}`,
      `' OR 1=1 --${MARKER}`,
      '%00',
      '%s%n%x',
      '${jndi:ldap://example.test/a}',
      '{{7*7}}',
      '../../../../etc/passwd',
      'a'.repeat(201),
      'a'.repeat(8_001),
      MARKER.repeat(1_000),
      '00000000-0000-0000-0000-000000000000',
      'ffffffff-ffff-ffff-ffff-ffffffffffff',
      '00000000-0000-0000-0000-00000000000g',
      '+099999-01-01T00:00:00.000Z',
      '2024-02-30T00:00:00.000Z',
      'a@b',
      '@',
      `${'x'.repeat(300)}@example.test`,
    ),
    fc.constantFrom(...allIds(pool), ...pool.emails, 'a').map((s) => s.toUpperCase()),
    fc.uuid(),
    fc.string({ unit: 'binary', maxLength: 40 }).map((s) => s + MARKER),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    // Past the 100 KB JSON limit: a 413, however the rest of the body looks.
    fc.constant('x'.repeat(120_000)),
  );

/** A value of the wrong kind for wherever it lands. */
const hostileValues = (pool: FuzzPool): fc.Arbitrary<JsonNode> =>
  fc.oneof(
    hostileStrings(pool),
    fc.constantFrom<JsonNode>(
      0,
      -1,
      1.5,
      1e308,
      -1e308,
      Number.MAX_SAFE_INTEGER,
      new RawJson('9007199254740993'),
      new RawJson('1e400'),
      new RawJson('-0'),
      new RawJson(`1${'0'.repeat(400)}`),
      new RawJson('0.0000000000000000000000000000001e-400'),
      true,
      false,
      null,
      [],
      new JsonObject([]),
      [MARKER],
      [[[]]],
      new JsonObject([['__proto__', new JsonObject([['role', 'admin']])]]),
      new JsonObject([['constructor', new JsonObject([['prototype', new JsonObject([['admin', true]])]])]]),
      new JsonObject([['toString', MARKER]]),
      Array.from({ length: 5_000 }, (_, i) => i),
    ),
    fc.integer({ min: 20, max: 40 }).map((depth) => nested(depth, MARKER)),
    fc.jsonValue({ maxDepth: 3 }).map(fromPlain),
  );

/** Keys no DTO declares: prototype keys, odd characters, near-misses of real ones. */
const hostileKeys = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', '', ' ', 'a.b', 'a[0]', '$where', 'id', 'role', 'userId', 'isAdmin', 'x\u0000y', '\ud800', 'ünïcödé', 'k'.repeat(1_000)),
  fc.string({ maxLength: 12 }),
);

/** Values shaped like the schema, with a hostile value in place of any part of it now and then. */
export function shapedValue(schema: Schema, pool: FuzzPool, depth = 0, name = ''): fc.Arbitrary<JsonNode> {
  const proper = properValue(schema, pool, depth, name);
  return fc.oneof({ arbitrary: proper, weight: 9 }, { arbitrary: hostileValues(pool), weight: 1 });
}

function properValue(schema: Schema, pool: FuzzPool, depth: number, name: string): fc.Arbitrary<JsonNode> {
  const variants = schema.oneOf ?? schema.anyOf;
  if (variants?.length) return fc.oneof(...variants.map((s) => shapedValue(s, pool, depth + 1, name)));
  if (schema.allOf?.length) return shapedValue(Object.assign({}, ...schema.allOf), pool, depth + 1, name);
  if (schema.enum?.length) return fc.oneof(fc.constantFrom(...(schema.enum as JsonNode[])), fc.constantFrom(...schema.enum.map((v) => String(v).toUpperCase())));
  switch (schema.type) {
    case 'object':
      return objectValue(schema, pool, depth);
    case 'array':
      return fc.array(shapedValue(schema.items ?? {}, pool, depth + 1, name), { maxLength: 4 });
    case 'string':
      return stringValue(schema, pool, name);
    case 'number':
    case 'integer':
      return numberValue(schema);
    case 'boolean':
      return fc.oneof(fc.boolean(), fc.constantFrom<JsonNode>('true', 1, 0));
    default:
      return fc.jsonValue({ maxDepth: 2 }).map(fromPlain);
  }
}

function objectValue(schema: Schema, pool: FuzzPool, depth: number): fc.Arbitrary<JsonNode> {
  const required = new Set(schema.required ?? []);
  const properties = Object.entries(schema.properties ?? {});
  const fields = properties.map(([name, property]) =>
    fc
      .tuple(fc.integer({ min: 0, max: 9 }), depth > 6 ? fc.constant<JsonNode>(null) : shapedValue(property, pool, depth + 1, name))
      // A required field is almost always sent, an optional one about half the time.
      .map(([roll, value]) => (roll < (required.has(name) ? 9 : 5) ? ([[name, valueFor(name, value)]] as Array<[string, JsonNode]>) : [])),
  );
  const extras = fc.oneof(
    { arbitrary: fc.constant<Array<[string, JsonNode]>>([]), weight: 5 },
    { arbitrary: fc.array(fc.tuple(hostileKeys, hostileValues(pool)), { minLength: 1, maxLength: 2 }), weight: 1 },
  );
  const repeat = fc.oneof({ arbitrary: fc.constant(false), weight: 9 }, { arbitrary: fc.constant(true), weight: 1 });
  return fc.tuple(fc.tuple(...fields), extras, repeat, hostileValues(pool)).map(([chosen, extra, repeated, other]) => {
    const entries = [...chosen.flat(), ...extra];
    // The same key twice: JSON.parse keeps the last, so the first may slip past a check.
    if (repeated && entries.length > 0) entries.push([entries[0][0], other]);
    return new JsonObject(entries);
  });
}

/** The session's own refresh token where the schema asks for one, so the real path runs too. */
function valueFor(name: string, value: JsonNode): JsonNode {
  if (name === 'refreshToken' && typeof value === 'string' && value.startsWith('session:')) return new SessionValue(value === 'session:other' ? 'otherRefreshToken' : 'refreshToken');
  return value;
}

function stringValue(schema: Schema, pool: FuzzPool, name: string): fc.Arbitrary<JsonNode> {
  if (schema.format === 'uuid')
    return fc.oneof(
      { arbitrary: fc.constantFrom(...idsFor(pool, [name])), weight: 4 },
      { arbitrary: fc.constantFrom(...allIds(pool)), weight: 1 },
      { arbitrary: fc.uuid(), weight: 2 },
      { arbitrary: hostileStrings(pool), weight: 1 },
    );
  if (schema.format === 'binary') return fc.string({ maxLength: 20 });
  const lengths = [schema.minLength, schema.maxLength].filter((n): n is number => n !== undefined).flatMap((n) => [Math.max(0, n - 1), n, n + 1]);
  return fc.oneof(
    { arbitrary: fc.string({ unit: 'grapheme', minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 60, 60) }), weight: 4 },
    { arbitrary: fc.constantFrom(...pool.emails, pool.password, 'session:own', 'session:other', `${MARKER}@example.test`), weight: 3 },
    ...(lengths.length ? [{ arbitrary: fc.constantFrom(...lengths).map((n) => 'a'.repeat(n)), weight: 1 }] : []),
  );
}

function numberValue(schema: Schema): fc.Arbitrary<JsonNode> {
  const edges = [schema.minimum, schema.maximum].filter((n): n is number => n !== undefined).flatMap((n) => [n - 1, n, n + 1]);
  return fc.oneof(fc.integer({ min: schema.minimum ?? -1_000, max: schema.maximum ?? 1_000 }), fc.constantFrom(0, ...edges), fc.double({ noDefaultInfinity: true, noNaN: true }));
}

/** Any JSON at all, scalars at the top included. */
export const arbitraryJson = fc.jsonValue({ maxDepth: 5 }).map(fromPlain);
