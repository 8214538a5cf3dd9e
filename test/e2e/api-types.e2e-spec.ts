import type { INestApplication } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import request from 'supertest';
import { openApiDocumentWithoutServices } from '../../apps/api/src/openapi-document';
import { apiTypesFile, renderApiTypes } from '../../scripts/lib/api-types.mjs';
import { startApi } from './support/test-app';

describe('the web app’s generated API types', () => {
  let app: INestApplication;
  let served: object;

  beforeAll(async () => {
    app = await startApi();
    served = (await request(app.getHttpServer()).get('/api/v1/docs-json').expect(200)).body;
  });
  afterAll(() => app.close());

  it('match what the running server’s /api/v1/docs-json generates (else run `npm run generate:api-types`)', async () => {
    const committed = readFileSync(apiTypesFile, 'utf8');
    expect(committed).toBe(await renderApiTypes(served));
  });

  it('come from the same document as the generator builds without services', async () => {
    expect(JSON.parse(JSON.stringify(await openApiDocumentWithoutServices()))).toEqual(served);
  });
});
