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

type BodyKind = 'json' | 'multipart';

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
 * Routes the app serves that its document leaves out on purpose. Each is fuzzed all the same, as
 * an operation with no parameters, body or declared errors of its own (so only the errors any
 * request may meet are allowed), unless it says why not. Any other route missing from the
 * document fails the suite (see `routesOutsideDocument`).
 */
export const UNDOCUMENTED_ROUTES: ReadonlyArray<{ method: string; path: string; fuzzed: boolean; reason: string }> = [
  { method: 'GET', path: '/api/v1/metrics', fuzzed: true, reason: 'the Prometheus scrape: plain text, outside the client contract' },
];

/** Path prefixes whose routes are not fuzzed at all, each with the reason. */
const NOT_FUZZED: ReadonlyArray<{ prefix: string; reason: string }> = [{ prefix: '/api/v1/docs', reason: "the OpenAPI document and Swagger UI's own files, served by @nestjs/swagger" }];

export const isNotFuzzed = (path: string) => NOT_FUZZED.some(({ prefix }) => path === prefix || path.startsWith(`${prefix}/`) || path.startsWith(`${prefix}-`));

/** A route as the app's router holds it, its parameters written as in OpenAPI (`/files/{id}`). */
export interface AppRoute {
  method: string;
  path: string;
}

interface RouterLayer {
  route?: { path: unknown; methods: Record<string, boolean> };
}

/**
 * The routes of an Express app (Nest registers each controller method as one). Layers that
 * answer every method are middleware mounted on a path (the not-found handler, the queue
 * dashboard), not operations.
 */
export function routesOf(express: { router?: { stack: RouterLayer[] } }): AppRoute[] {
  const routes: AppRoute[] = [];
  for (const layer of express.router?.stack ?? []) {
    if (!layer.route || typeof layer.route.path !== 'string') continue;
    const methods = Object.keys(layer.route.methods).filter((m) => layer.route!.methods[m]);
    if (methods.length !== 1) continue;
    routes.push({ method: methods[0].toUpperCase(), path: layer.route.path.replace(/:(\w+)/g, '{$1}') });
  }
  return routes;
}

/** The app's routes that neither its document nor `UNDOCUMENTED_ROUTES` nor `NOT_FUZZED` accounts for. */
export function routesOutsideDocument(routes: AppRoute[], document: OpenApiDocument): string[] {
  const documented = (route: AppRoute) => Boolean(document.paths[route.path]?.[route.method.toLowerCase()]);
  const listed = (route: AppRoute) => UNDOCUMENTED_ROUTES.some((u) => u.method === route.method && u.path === route.path);
  return routes.filter((r) => !documented(r) && !listed(r) && !isNotFuzzed(r.path)).map((r) => `${r.method} ${r.path}`);
}

/** The undocumented routes the suite fuzzes, as operations. */
export function undocumentedOperations(): Operation[] {
  return UNDOCUMENTED_ROUTES.filter((route) => route.fuzzed).map((route) => ({
    key: `${route.method} ${route.path}`,
    method: route.method,
    path: route.path,
    pathParams: [],
    queryParams: [],
    body: null,
    authenticated: false,
    eventStream: null,
    declared: new Map([[200, new Set<string>()]]),
  }));
}

export function operationsOf(document: OpenApiDocument): Operation[] {
  const resolve = schemaResolver(document);
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    if (isNotFuzzed(path)) continue;
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
    if (isNotFuzzed(path)) continue;
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
