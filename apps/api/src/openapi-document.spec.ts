import type { OpenAPIObject } from '@nestjs/swagger';
import { openApiDocumentWithoutServices } from './openapi-document';

type Json = Record<string, unknown>;
const methods = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options'] as const;
const errorRef = '#/components/schemas/ErrorResponse';

/** Every way an operation falls short of a client's needs, as `METHOD path: problem`. */
function problemsOf(document: OpenAPIObject): string[] {
  const problems: string[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of methods) {
      const operation = (item as Json)[method] as Json | undefined;
      if (!operation) continue;
      const problem = (text: string) => problems.push(`${method.toUpperCase()} ${path}: ${text}`);
      const responses = Object.entries((operation.responses ?? {}) as Record<string, Json>);
      const successes = responses.filter(([status]) => /^2\d\d$/.test(status));
      // A browser route (single sign-on) succeeds by sending the browser on: a 3xx that says where.
      const redirects = responses.filter(([status]) => /^3\d\d$/.test(status));
      const errors = responses.filter(([status]) => /^[45]\d\d$/.test(status));
      for (const [status, response] of redirects) if (!('Location' in ((response.headers ?? {}) as Json))) problem(`${status} without a Location header`);
      if (!successes.length && !redirects.length) problem('no 2xx response');
      for (const [status, response] of successes) {
        const content = (response.content ?? {}) as Record<string, { schema?: Json }>;
        if (status === '204') {
          if (Object.keys(content).length) problem('204 with a body');
        } else if (!Object.values(content).some(({ schema }) => schema && Object.keys(schema).length)) {
          problem(`${status} without a response schema`);
        }
      }
      if (!errors.length) problem('no error responses');
      for (const [status, response] of errors) {
        const schema = ((response.content ?? {}) as Record<string, { schema?: Json }>)['application/json']?.schema;
        if (schema?.$ref !== errorRef) problem(`${status} is not the error shape`);
      }
      const takesInput = operation.requestBody !== undefined || ((operation.parameters ?? []) as Json[]).length > 0;
      if (takesInput && !errors.some(([status]) => status === '400')) problem('takes input but declares no 400');
      const secured = ((operation.security ?? []) as Json[]).some((requirement) => 'bearer' in requirement);
      if (secured && !errors.some(([status]) => status === '401')) problem('needs a token but declares no 401');
      for (const name of path.match(/(?<=\{)[^}]+(?=\})/g) ?? []) {
        const declared = ((operation.parameters ?? []) as Json[]).some((parameter) => parameter.in === 'path' && parameter.name === name);
        if (!declared) problem(`path parameter ${name} not declared`);
      }
    }
  }
  const schemas = (document.components?.schemas ?? {}) as Json;
  for (const ref of JSON.stringify(document).match(/"#\/components\/schemas\/[^"]+"/g) ?? []) {
    const name = ref.slice('"#/components/schemas/'.length, -1);
    if (!(name in schemas)) problems.push(`unresolved ${ref}`);
  }
  return [...new Set(problems)];
}

describe('the OpenAPI document', () => {
  let document: OpenAPIObject;
  beforeAll(async () => {
    document = await openApiDocumentWithoutServices();
  });

  it('describes every route', () => {
    expect(Object.keys(document.paths).length).toBeGreaterThanOrEqual(20);
  });

  it('gives every operation a 2xx response with a schema (204 excepted) and its error responses in the error shape', () => {
    expect(problemsOf(document)).toEqual([]);
  });

  it('notices an operation that lacks any of them', () => {
    const broken = structuredClone(document) as unknown as { paths: Record<string, Record<string, { responses: Record<string, Json> }>> };
    delete broken.paths['/api/v1/me'].get.responses['200'].content;
    delete broken.paths['/api/v1/me'].get.responses['401'];
    broken.paths['/api/v1/files/{id}'].get.responses['404'] = { description: 'bare' };
    delete broken.paths['/api/v1/conversations'].get.responses['200'];
    delete broken.paths['/api/v1/auth/login'].post.responses['400'];
    delete broken.paths['/api/v1/auth/oidc/login'].get.responses['302'].headers;
    expect(problemsOf(broken as unknown as OpenAPIObject)).toEqual(
      expect.arrayContaining([
        'GET /api/v1/me: 200 without a response schema',
        'GET /api/v1/me: needs a token but declares no 401',
        'GET /api/v1/files/{id}: 404 is not the error shape',
        'GET /api/v1/conversations: no 2xx response',
        'POST /api/v1/auth/login: takes input but declares no 400',
        'GET /api/v1/auth/oidc/login: 302 without a Location header',
      ]),
    );
  });

  it('declares the payload of every SSE event as a component', () => {
    const schemas = Object.keys(document.components?.schemas ?? {});
    expect(schemas).toEqual(expect.arrayContaining(['ChatMetaEvent', 'ChatStatusEvent', 'ChatTokenEvent', 'ChatCitationsEvent', 'ChatDoneEvent', 'ChatErrorEvent', 'FileView']));
    const paths = document.paths as unknown as Record<string, Record<string, { responses: Record<string, { content: Record<string, { schema: { oneOf: Json[] } }> }> }>>;
    const chat = paths['/api/v1/chat'].post.responses['200'].content;
    const events = chat['text/event-stream'].schema.oneOf.map((variant) => ((variant.properties as Json).event as { enum: string[] }).enum[0]);
    expect(events).toEqual(['meta', 'status', 'token', 'citations', 'done', 'error']);
    const file = paths['/api/v1/files/{id}/events'].get.responses['200'].content;
    expect(file['text/event-stream'].schema.oneOf).toHaveLength(2);
  });

  it('describes the multipart upload body', () => {
    const body = document.paths['/api/v1/files'].post?.requestBody as { content: Record<string, { schema: { properties: Json; required: string[] } }> };
    expect(Object.keys(body.content['multipart/form-data'].schema.properties)).toEqual(['departmentId', 'visibility', 'file']);
    expect(body.content['multipart/form-data'].schema.required).toEqual(['file']);
  });
});
