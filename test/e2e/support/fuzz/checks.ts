import { STATUS_CODES, type IncomingHttpHeaders } from 'node:http';
import type { Exchange } from './exchange';
import { MARKER } from './json-values';
import type { Operation } from './operations';

const SNAKE_CASE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;
const ACCEPTED_REQUEST_ID = /^[\w.:-]{1,128}$/;
const GENERATED_REQUEST_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const STACK_TRACE = /\bat [\w$.<>[\] ]+ \(?[^\s()]+:\d+:\d+\)?|node_modules\/|\/(?:work|home|root|usr)\/\S+\.[jt]s\b/;
const ERROR_KEYS = new Set(['statusCode', 'error', 'code', 'message', 'requestId', 'details']);

/**
 * Errors any request may meet before its route runs (body parsing, the HTTP parser, limits),
 * which no operation lists among its own.
 */
const EDGE_ERRORS: ReadonlyMap<number, ReadonlySet<string>> = new Map([
  [400, new Set(['malformed_json', 'body_too_deep', 'bad_request', 'malformed_request', 'missing_host', 'validation_failed', 'request_aborted'])],
  [404, new Set(['route_not_found'])],
  [408, new Set(['request_timeout'])],
  [413, new Set(['payload_too_large'])],
  [415, new Set(['unsupported_charset', 'unsupported_content_encoding'])],
  [417, new Set(['expectation_failed'])],
  [429, new Set(['rate_limited'])],
  [431, new Set(['headers_too_large'])],
]);

/** The codes of errors Node's HTTP parser raises (client-errors.ts), before any header is read. */
const PARSER_ERRORS = new Set(['malformed_request', 'headers_too_large']);

/** The `code` of an error body, or undefined. */
export function errorCodeOf(text: string): string | undefined {
  try {
    const code = (JSON.parse(text) as { code?: unknown } | null)?.code;
    return typeof code === 'string' ? code : undefined;
  } catch {
    return undefined;
  }
}

/** The x-request-id the client sent, as the server reads it (Node joins a repeated header with ", "). */
export function sentRequestId(headers: Record<string, string | string[]>): string | undefined {
  const value = headers['x-request-id'];
  return Array.isArray(value) ? value.join(', ') : value;
}

// Routes a browser navigates to (single sign-on): a refusal asked for as HTML is a page naming its
// code and request id (docs/api-notes.md); asked for anything else, the error shape.
const BROWSER_ROUTES = /^\/api\/v1\/auth\/oidc\//;

/** Everything wrong with one answer; empty when it keeps the contract. */
export function problemsWith(operation: Operation, sentId: string | undefined, answer: Exchange, sentAccept?: string): string[] {
  if (answer.outcome === 'aborted') return [];
  if (answer.outcome === 'no-answer') return [answer.reason];
  const problems: string[] = [];
  const { status, headers, text } = answer;
  if (status >= 500) problems.push(`answered ${status}`);

  const requestId = headers['x-request-id'];
  // A request Node's parser refuses is answered before its headers are read: its id is generated.
  const echoes = sentId !== undefined && ACCEPTED_REQUEST_ID.test(sentId) && !(status >= 400 && PARSER_ERRORS.has(errorCodeOf(text) ?? ''));
  if (typeof requestId !== 'string') problems.push('no x-request-id header');
  else if (echoes ? requestId !== sentId : !GENERATED_REQUEST_ID.test(requestId)) {
    problems.push(`x-request-id ${JSON.stringify(requestId)} for a request that sent ${JSON.stringify(sentId)}`);
  }
  if (STACK_TRACE.test(text)) problems.push('the body carries a stack trace or a server path');

  const page = BROWSER_ROUTES.test(operation.path) && /^text\/html/.test(sentAccept ?? '') && String(headers['content-type'] ?? '').startsWith('text/html');
  if (status >= 400 && page) problems.push(...refusalPageProblems(status, text, requestId));
  else if (status >= 400) problems.push(...errorBodyProblems(operation, status, headers, text, requestId));
  if (answer.events) problems.push(...eventProblems(operation, answer.events, requestId));
  return problems;
}

function refusalPageProblems(status: number, text: string, requestId: unknown): string[] {
  const problems: string[] = [];
  if (!text.includes(`${status} ${STATUS_CODES[status]}`)) problems.push(`the refusal page does not name ${status}`);
  if (!/ · code <code>[a-z0-9_]+<\/code>/.test(text)) problems.push('the refusal page names no error code');
  if (typeof requestId === 'string' && !text.includes(`request <code>${requestId.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)}</code>`))
    problems.push('the refusal page does not carry the request id');
  if (text.includes(MARKER)) problems.push('the refusal page quotes the request');
  return problems;
}

function errorBodyProblems(operation: Operation, status: number, headers: IncomingHttpHeaders, text: string, requestId: unknown): string[] {
  const problems: string[] = [];
  if (!String(headers['content-type'] ?? '').startsWith('application/json')) problems.push(`error with content-type ${JSON.stringify(headers['content-type'])}`);
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(text);
  } catch {
    return [...problems, `error body is not JSON: ${JSON.stringify(text.slice(0, 200))}`];
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return [...problems, 'error body is not an object'];
  for (const key of Object.keys(body)) if (!ERROR_KEYS.has(key)) problems.push(`error body has an extra key ${JSON.stringify(key)}`);
  if (body.statusCode !== status) problems.push(`statusCode ${JSON.stringify(body.statusCode)} on a ${status}`);
  if (body.error !== STATUS_CODES[status]) problems.push(`error ${JSON.stringify(body.error)} on a ${status}`);
  if (typeof body.code !== 'string' || !SNAKE_CASE.test(body.code)) problems.push(`code ${JSON.stringify(body.code)} is not snake_case`);
  if (typeof body.message !== 'string' || body.message.length === 0) problems.push('message missing or empty');
  if (body.requestId !== requestId) problems.push(`requestId ${JSON.stringify(body.requestId)} is not the x-request-id header ${JSON.stringify(requestId)}`);
  if ('details' in body) {
    const details = body.details;
    const wellFormed =
      Array.isArray(details) &&
      details.length > 0 &&
      details.every(
        (d) => d !== null && typeof d === 'object' && Object.keys(d).sort().join() === 'field,problem' && typeof d.field === 'string' && typeof d.problem === 'string' && d.problem.length > 0,
      );
    if (!wellFormed) problems.push(`details not a non-empty list of {field, problem}: ${JSON.stringify(details).slice(0, 200)}`);
  }
  // An unknown key is named back as the field it is (a form whose key is a whole JSON text, say);
  // anything else that carries the marker quotes the request.
  const namedKeys = Array.isArray(body.details) ? (body.details as Array<{ field?: unknown; problem?: unknown }>).filter((d) => d?.problem === `property ${String(d?.field)} should not exist`) : [];
  if (JSON.stringify({ ...body, details: Array.isArray(body.details) ? body.details.filter((d) => !namedKeys.includes(d)) : body.details }).includes(MARKER))
    problems.push('the error quotes the request');
  const declared = operation.declared.get(status);
  const edge = EDGE_ERRORS.get(status);
  const code = String(body.code);
  if (!declared && !edge) problems.push(`status ${status} is not declared for the operation`);
  else if (!(declared && (declared.size === 0 || declared.has(code))) && !edge?.has(code)) problems.push(`code ${code} is not declared for ${status}`);
  return problems;
}

function eventProblems(operation: Operation, events: Array<{ event: string; data: string }>, requestId: unknown): string[] {
  const problems: string[] = [];
  const known = new Set(operation.eventStream?.events ?? []);
  for (const { event, data } of events) {
    if (!known.has(event)) problems.push(`event ${JSON.stringify(event)} is not declared`);
    let parsed: Record<string, unknown>;
    try {
      parsed = JSON.parse(data);
    } catch {
      problems.push(`event ${event} data is not JSON`);
      continue;
    }
    if (event === 'error') {
      if (typeof parsed.code !== 'string' || !SNAKE_CASE.test(parsed.code)) problems.push(`error event code ${JSON.stringify(parsed.code)}`);
      if (typeof parsed.message !== 'string') problems.push('error event without a message');
      if (parsed.requestId !== requestId) problems.push('error event requestId is not the x-request-id header');
      if (data.includes(MARKER)) problems.push('the error event quotes the request');
    }
  }
  return problems;
}
