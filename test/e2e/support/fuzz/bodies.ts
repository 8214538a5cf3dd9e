import fc from 'fast-check';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { arbitraryJson, hostileStrings, MARKER, shapedValue, writeJson, type FuzzPool, type JsonNode, type ResolveSessionValue } from './json-values';
import { multipartContentType, multipartForms, writeMultipart, type MultipartForm } from './multipart-forms';
import type { Operation } from './operations';

type BodySpec =
  | { kind: 'none' }
  | { kind: 'json'; value: JsonNode }
  | { kind: 'raw'; text: string }
  | { kind: 'bytes'; bytes: Uint8Array }
  | { kind: 'form'; text: string }
  | { kind: 'multipart'; form: MultipartForm };

/** How the body travels: its Content-Type (undefined: none sent), charset and Content-Encoding. */
export interface BodyEnvelope {
  spec: BodySpec;
  contentType: string | undefined;
  utf16: boolean;
  encoding: 'none' | 'gzip' | 'deflate' | 'br' | 'gzip-declared-only' | 'x-unknown' | 'identity' | 'gzip-bomb' | 'gzip-twice';
}

/** JSON text that is not quite JSON, or is JSON of the wrong kind. */
const malformedJson = (pool: FuzzPool) =>
  fc.oneof(
    fc.constantFrom(
      '',
      ' ',
      '{',
      '}',
      '[',
      'nul',
      '{"a":1,}',
      "{'a':1}",
      '{"a":NaN}',
      '{"a":Infinity}',
      '{"a":1e400}',
      '\ufeff{}',
      '/*c*/{}',
      '"string"',
      '123',
      'true',
      'null',
      '[]',
      `{"message": "${MARKER}`,
      `${'['.repeat(5_000)}${']'.repeat(5_000)}`,
      `${'{"a":'.repeat(3_000)}1${'}'.repeat(3_000)}`,
      `{"a":"${'\\u0000'.repeat(10)}"}`,
      '{"a":"\\ud800"}',
      '{"a":"\\x41"}',
      `{"${MARKER}":1}`.repeat(2),
    ),
    hostileStrings(pool).map((s) => `{"message": ${JSON.stringify(s)}`),
    fc.string({ maxLength: 60 }).map((s) => s + MARKER),
  );

/** A body in application/x-www-form-urlencoded: flat, nested with brackets, deep, or with too many fields. */
const forms = fc.oneof(
  fc.constantFrom(
    `title=${MARKER}`,
    `message=hello&filters[fileIds][]=x&filters[fileIds][]=${MARKER}`,
    'a[]=1&a[]=2&a=3',
    '__proto__[admin]=true',
    'constructor[prototype][admin]=true',
    `title${'[a]'.repeat(40)}=1`,
    Array.from({ length: 1_100 }, (_, i) => `k${i}=1`).join('&'),
    'email=a%40b&password=%E0%A4%A',
    '=&&=',
    'message=%00',
  ),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 20 }), { maxKeys: 4 }).map((record) => new URLSearchParams(record).toString()),
);

const jsonContentTypes = fc.oneof(
  { arbitrary: fc.constant<string | undefined>('application/json'), weight: 20 },
  {
    arbitrary: fc.constantFrom<string | undefined>(
      undefined,
      'application/json; charset=utf-8',
      'application/json; charset=UTF-16',
      'application/json; charset=utf-16le',
      'application/json; charset=utf-32',
      'application/json; charset=latin1',
      'application/json; charset="utf-8"',
      'application/json; charset=',
      'application/json;;',
      'application/json; boundary=zz',
      'APPLICATION/JSON',
      'application/merge-patch+json',
      'application/vnd.api+json',
      'text/json',
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=zz',
      'multipart/form-data',
      '*/*',
      'garbage',
      '',
    ),
    weight: 3,
  },
);

const encodings = fc.oneof(
  { arbitrary: fc.constant<BodyEnvelope['encoding']>('none'), weight: 30 },
  { arbitrary: fc.constantFrom<BodyEnvelope['encoding']>('gzip', 'deflate', 'br', 'gzip-declared-only', 'x-unknown', 'identity', 'gzip-bomb', 'gzip-twice'), weight: 1 },
);

/** Bodies for an operation: what its schema describes, twisted, and what it does not expect at all. */
export function bodiesFor(operation: Operation, pool: FuzzPool, maxUploadBytes: number): fc.Arbitrary<BodyEnvelope> {
  const schema = operation.body?.schema ?? {};
  const none = fc.constant<BodySpec>({ kind: 'none' });
  const shaped = shapedValue(schema, pool).map((value): BodySpec => ({ kind: 'json', value }));
  const anyJson = arbitraryJson.map((value): BodySpec => ({ kind: 'json', value }));
  const malformed = malformedJson(pool).map((text): BodySpec => ({ kind: 'raw', text }));
  const bytes = fc.uint8Array({ maxLength: 300 }).map((b): BodySpec => ({ kind: 'bytes', bytes: b }));
  const form = forms.map((text): BodySpec => ({ kind: 'form', text }));
  const multipart = multipartForms(operation.body?.kind === 'multipart' ? schema : { type: 'object', properties: { file: { type: 'string', format: 'binary' } } }, pool, maxUploadBytes).map(
    (f): BodySpec => ({ kind: 'multipart', form: f }),
  );

  const json = (spec: fc.Arbitrary<BodySpec>) =>
    fc
      .tuple(spec, jsonContentTypes, fc.boolean(), encodings)
      .map(([s, contentType, utf16, encoding]): BodyEnvelope => ({ spec: s, contentType, utf16: utf16 && /utf-16/i.test(contentType ?? ''), encoding }));
  const asForm = fc.tuple(form, encodings).map(([s, encoding]): BodyEnvelope => ({ spec: s, contentType: 'application/x-www-form-urlencoded', utf16: false, encoding }));
  const asMultipart = fc
    .tuple(multipart, encodings)
    .map(([s, encoding]): BodyEnvelope => ({ spec: s, contentType: multipartContentType((s as { form: MultipartForm }).form), utf16: false, encoding }));

  if (operation.body?.kind === 'multipart') {
    return fc.oneof({ arbitrary: asMultipart, weight: 14 }, { arbitrary: json(fc.oneof(shaped, malformed, none)), weight: 1 }, { arbitrary: asForm, weight: 1 });
  }
  if (operation.body?.kind === 'json') {
    return fc.oneof(
      { arbitrary: json(shaped), weight: 14 },
      { arbitrary: json(anyJson), weight: 1 },
      { arbitrary: json(fc.oneof(malformed, bytes, none)), weight: 2 },
      { arbitrary: asForm, weight: 1 },
      { arbitrary: asMultipart, weight: 1 },
    );
  }
  // No body declared: mostly none, sometimes one anyway (a GET with a deep body still reaches the parser).
  return fc.oneof(
    { arbitrary: json(none).map((e) => ({ ...e, contentType: undefined, encoding: 'none' as const })), weight: 8 },
    { arbitrary: json(fc.oneof(anyJson, malformed, bytes)), weight: 2 },
    { arbitrary: asForm, weight: 1 },
  );
}

let bomb: Buffer | undefined;
const gzipBomb = () => (bomb ??= gzipSync(Buffer.alloc(20 * 1024 * 1024, 0x20)));

/** The bytes and headers of a body envelope. */
export function writeBody(envelope: BodyEnvelope, resolve: ResolveSessionValue): { bytes: Buffer | null; headers: Array<[string, string]> } {
  const { spec } = envelope;
  let bytes: Buffer | null;
  switch (spec.kind) {
    case 'none':
      bytes = null;
      break;
    case 'json':
      bytes = Buffer.from(writeJson(spec.value, resolve), envelope.utf16 ? 'utf16le' : 'utf8');
      break;
    case 'raw':
      bytes = Buffer.from(spec.text, envelope.utf16 ? 'utf16le' : 'utf8');
      break;
    case 'bytes':
      bytes = Buffer.from(spec.bytes);
      break;
    case 'form':
      bytes = Buffer.from(spec.text);
      break;
    case 'multipart':
      bytes = writeMultipart(spec.form);
      break;
  }
  const headers: Array<[string, string]> = [];
  if (envelope.contentType !== undefined) headers.push(['content-type', envelope.contentType]);
  if (bytes === null) return { bytes, headers };
  switch (envelope.encoding) {
    case 'none':
      break;
    case 'gzip':
      bytes = gzipSync(bytes);
      headers.push(['content-encoding', 'gzip']);
      break;
    case 'deflate':
      bytes = deflateSync(bytes);
      headers.push(['content-encoding', 'deflate']);
      break;
    case 'br':
      bytes = brotliCompressSync(bytes);
      headers.push(['content-encoding', 'br']);
      break;
    case 'gzip-declared-only':
      headers.push(['content-encoding', 'gzip']);
      break;
    case 'x-unknown':
      headers.push(['content-encoding', 'x-unknown']);
      break;
    case 'identity':
      headers.push(['content-encoding', 'identity']);
      break;
    case 'gzip-bomb':
      // A few KB on the wire that inflate past every body limit.
      bytes = gzipBomb();
      headers.push(['content-encoding', 'gzip']);
      break;
    case 'gzip-twice':
      bytes = gzipSync(gzipSync(bytes));
      headers.push(['content-encoding', 'gzip, gzip']);
      break;
  }
  return { bytes, headers };
}
