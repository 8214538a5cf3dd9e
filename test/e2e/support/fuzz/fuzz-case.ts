import fc from 'fast-check';
import { authorizationFor, authVariants, type AuthVariant, type TokenOwner, type TokenSettings } from './auth-headers';
import { bodiesFor, writeBody, type BodyEnvelope } from './bodies';
import type { WireRequest } from './exchange';
import { SessionValue, writeJson, type FuzzPool } from './json-values';
import { writeMultipart } from './multipart-forms';
import type { Operation } from './operations';
import { extraHeaders, pathFor, queryFor, type HeaderValue } from './request-parts';

export type FuzzActor = 'anonymous' | 'member' | 'admin';

/** What the sessions hold when a case is sent. */
export interface SessionTokens {
  /** The actor's own token owner (for `anonymous`, a member's: its mangled and forged tokens). */
  ownerFor(actor: FuzzActor): TokenOwner;
  refreshTokenFor(actor: FuzzActor, which: SessionValue['name']): string;
}

/** One generated request, kept symbolic until it is sent; printed as the request it becomes. */
export class FuzzCase {
  constructor(
    readonly operation: Operation,
    readonly actor: FuzzActor,
    readonly auth: AuthVariant,
    readonly target: string,
    readonly headers: Array<[string, HeaderValue]>,
    readonly body: BodyEnvelope,
    readonly framing: WireRequest['framing'],
    readonly omitHost: boolean,
  ) {}

  toWire(tokens: SessionTokens, settings: TokenSettings): WireRequest {
    const resolve = (value: SessionValue) => tokens.refreshTokenFor(this.actor, value.name);
    const { bytes, headers: bodyHeaders } = writeBody(this.body, resolve);
    const headers: Record<string, string | string[]> = {};
    const add = (name: string, value: string | string[]) => {
      const existing = headers[name];
      headers[name] = existing === undefined ? value : [...[existing].flat(), ...[value].flat()];
    };
    const authorization = authorizationFor(this.auth, tokens.ownerFor(this.actor), settings);
    if (authorization !== undefined) add('authorization', authorization);
    for (const [name, value] of bodyHeaders) add(name, value);
    for (const [name, value] of this.headers) add(name, value instanceof SessionValue ? `refresh_token=${resolve(value)}` : value);
    return { method: this.operation.method, target: this.target, headers, body: bytes, framing: bytes === null ? 'length' : this.framing, omitHost: this.omitHost };
  }

  [fc.toStringMethod](): string {
    const auth =
      this.auth.kind === 'forged'
        ? `forged token (${this.auth.recipe.name})`
        : this.auth.kind === 'mangled'
          ? `own token, ${this.auth.how}`
          : this.auth.kind === 'raw'
            ? JSON.stringify(this.auth.value.slice(0, 120))
            : this.auth.kind;
    const headers = this.headers.map(([name, value]) => `${name}: ${value instanceof SessionValue ? `<${value.name}>` : JSON.stringify(value).slice(0, 120)}`);
    return [
      `${this.operation.method} ${this.target.slice(0, 600)} as ${this.actor}`,
      `  authorization: ${auth}`,
      ...headers.map((h) => `  ${h}`),
      `  body: ${describeBody(this.body)}`,
      ...(this.framing !== 'length' ? [`  framing: ${this.framing}`] : []),
      ...(this.omitHost ? ['  no Host header'] : []),
    ].join('\n');
  }
}

function describeBody(envelope: BodyEnvelope): string {
  const { spec } = envelope;
  const framing = `content-type ${JSON.stringify(envelope.contentType)}${envelope.utf16 ? ' (UTF-16)' : ''}${envelope.encoding !== 'none' ? `, encoding ${envelope.encoding}` : ''}`;
  const cut = (text: string) => (text.length > 600 ? `${JSON.stringify(text.slice(0, 600))}… (${text.length} characters)` : JSON.stringify(text));
  switch (spec.kind) {
    case 'none':
      return `none (${framing})`;
    case 'json':
      return `${cut(writeJson(spec.value, (v) => `<${v.name}>`))} (${framing})`;
    case 'raw':
    case 'form':
      return `${cut(spec.text)} (${framing})`;
    case 'bytes':
      return `${spec.bytes.length} random bytes (${framing})`;
    case 'multipart':
      return `multipart ${cut(writeMultipart(spec.form).toString('latin1'))} (${framing})`;
  }
}

export function fuzzCases(operation: Operation, pool: FuzzPool, maxUploadBytes: number): fc.Arbitrary<FuzzCase> {
  const actor = fc.oneof({ arbitrary: fc.constant<FuzzActor>('anonymous'), weight: 1 }, { arbitrary: fc.constantFrom<FuzzActor>('member', 'admin'), weight: 4 });
  return fc
    .tuple(
      actor.chain((a) => fc.tuple(fc.constant(a), authVariants(a))),
      pathFor(operation, pool),
      queryFor(operation, pool),
      extraHeaders(),
      bodiesFor(operation, pool, maxUploadBytes),
      fc.oneof({ arbitrary: fc.constant<WireRequest['framing']>('length'), weight: 20 }, { arbitrary: fc.constantFrom<WireRequest['framing']>('chunked', 'abort'), weight: 1 }),
      fc.oneof({ arbitrary: fc.constant(false), weight: 40 }, { arbitrary: fc.constant(true), weight: 1 }),
    )
    .map(([[who, auth], path, query, headers, body, framing, omitHost]) => new FuzzCase(operation, who, auth, path + query, headers, body, framing, omitHost));
}
