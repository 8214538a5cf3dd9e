// The operations to fuzz, read from the app's own OpenAPI document: a route added to the app is
// fuzzed without touching the suite, and one the suite cannot generate requests for fails it.

export type Schema = {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  oneOf?: Schema[];
  allOf?: Schema[];
  anyOf?: Schema[];
  nullable?: boolean;
  default?: unknown;
};

export interface Parameter {
  name: string;
  required: boolean;
  schema: Schema;
}

export type BodyKind = 'json' | 'multipart';

export interface Operation {
  /** `POST /api/v1/chat`: how failures and the summary name it. */
  key: string;
  method: string;
  /** The OpenAPI template, `/api/v1/files/{id}`. */
  path: string;
  pathParams: Parameter[];
  queryParams: Parameter[];
  body: { kind: BodyKind; required: boolean; schema: Schema } | null;
  /** Whether the operation declares the bearer scheme (the others are public). */
  authenticated: boolean;
  /** The 2xx answer is an event stream, with these event names. */
  eventStream: { events: string[] } | null;
  /** Statuses the operation declares, and the error codes it names for each. */
  declared: Map<number, Set<string>>;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, RawOperation>>;
  components?: { schemas?: Record<string, Schema> };
}

interface RawOperation {
  parameters?: Array<{ name: string; in: string; required?: boolean; schema?: Schema }>;
  requestBody?: { required?: boolean; content: Record<string, { schema?: Schema }> };
  responses: Record<string, { description?: string; content?: Record<string, { schema?: Schema }> }>;
  security?: Array<Record<string, unknown>>;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/**
 * Paths the document may list that are not JSON operations, each with the reason. Nothing else
 * may be left out: an operation the suite cannot fuzz fails it (see `unfuzzable`).
 */
export const EXCLUDED_PATHS: ReadonlyArray<{ prefix: string; reason: string }> = [
  // The BullMQ dashboard: an HTML app with routes of its own, not a JSON operation of the contract.
  { prefix: '/api/v1/admin/queues', reason: 'the queue dashboard serves HTML, not the JSON contract' },
];

const isExcluded = (path: string) => EXCLUDED_PATHS.some(({ prefix }) => path === prefix || path.startsWith(`${prefix}/`));

export function operationsOf(document: OpenApiDocument): Operation[] {
  const resolve = schemaResolver(document);
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    if (isExcluded(path)) continue;
    for (const [method, raw] of Object.entries(item)) {
      if (!METHODS.includes(method)) continue;
      const parameters = raw.parameters ?? [];
      const param = (p: (typeof parameters)[number]): Parameter => ({ name: p.name, required: p.required ?? false, schema: resolve(p.schema ?? {}) });
      const [contentType, media] = Object.entries(raw.requestBody?.content ?? {})[0] ?? [];
      const success = Object.entries(raw.responses).find(([status]) => status.startsWith('2'))?.[1];
      const stream = success?.content?.['text/event-stream']?.schema;
      operations.push({
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        pathParams: parameters.filter((p) => p.in === 'path').map(param),
        queryParams: parameters.filter((p) => p.in === 'query').map(param),
        body: contentType === undefined ? null : { kind: bodyKindOf(contentType), required: raw.requestBody?.required ?? false, schema: resolve(media?.schema ?? {}) },
        authenticated: (raw.security ?? []).some((requirement) => 'bearer' in requirement),
        eventStream: stream ? { events: eventNamesOf(stream) } : null,
        declared: declaredResponses(raw.responses),
      });
    }
  }
  return operations;
}

/** What in an operation the generators do not cover; the suite fails on any. */
export function unfuzzable(document: OpenApiDocument): string[] {
  const problems: string[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    if (isExcluded(path)) continue;
    for (const [method, raw] of Object.entries(item)) {
      if (!METHODS.includes(method)) {
        if (method !== 'parameters' && method !== 'summary' && method !== 'description') problems.push(`${method.toUpperCase()} ${path}: no generator for the method`);
        continue;
      }
      const key = `${method.toUpperCase()} ${path}`;
      for (const p of raw.parameters ?? []) {
        if (p.in !== 'path' && p.in !== 'query') problems.push(`${key}: no generator for ${p.in} parameter ${p.name}`);
      }
      const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      const declaredPath = (raw.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
      for (const name of templated) if (!declaredPath.includes(name)) problems.push(`${key}: path parameter ${name} is not declared`);
      const types = Object.keys(raw.requestBody?.content ?? {});
      if (types.length > 1) problems.push(`${key}: several request content types (${types.join(', ')})`);
      for (const type of types) if (!isKnownBodyType(type)) problems.push(`${key}: no generator for ${type} bodies`);
    }
  }
  return problems;
}

const isKnownBodyType = (type: string) => type === 'application/json' || type === 'multipart/form-data';
const bodyKindOf = (type: string): BodyKind => (type === 'multipart/form-data' ? 'multipart' : 'json');

/** `$ref`s replaced by what they name, recursively (the document's schemas hold no cycles). */
function schemaResolver(document: OpenApiDocument) {
  const schemas = document.components?.schemas ?? {};
  const resolve = (schema: Schema, depth = 0): Schema => {
    if (depth > 20) return {};
    if (schema.$ref) return resolve(schemas[schema.$ref.replace('#/components/schemas/', '')] ?? {}, depth + 1);
    const out: Schema = { ...schema };
    if (schema.properties) out.properties = Object.fromEntries(Object.entries(schema.properties).map(([k, v]) => [k, resolve(v, depth + 1)]));
    if (schema.items) out.items = resolve(schema.items, depth + 1);
    for (const key of ['oneOf', 'allOf', 'anyOf'] as const) if (schema[key]) out[key] = schema[key]!.map((s) => resolve(s, depth + 1));
    return out;
  };
  return resolve;
}

function eventNamesOf(schema: Schema): string[] {
  return (schema.oneOf ?? [schema]).flatMap((variant) => (variant.properties?.event?.enum ?? []).map(String));
}

/** Each declared status with the codes its description names (`code`: `a`, `b`). */
function declaredResponses(responses: RawOperation['responses']): Map<number, Set<string>> {
  const declared = new Map<number, Set<string>>();
  for (const [status, response] of Object.entries(responses)) {
    const codes = /`code`: (.*)$/m.exec(response.description ?? '')?.[1] ?? '';
    declared.set(Number(status), new Set([...codes.matchAll(/`([a-z0-9_]+)`/g)].map((m) => m[1])));
  }
  return declared;
}
