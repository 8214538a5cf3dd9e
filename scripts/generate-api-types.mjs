// `npm run generate:api-types`: builds the API, takes its OpenAPI document without starting
// PostgreSQL, Redis or Chroma (a preview app: no provider runs), and writes the web app's
// generated types to apps/web/src/lib/api/schema.d.ts.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { apiTypesFile, renderApiTypes } from './lib/api-types.mjs';

const root = path.resolve(import.meta.dirname, '..');
const swc = path.join(root, 'node_modules', '@swc', 'cli', 'bin', 'swc.js');
const build = spawnSync(process.execPath, [swc, 'apps', 'libs', '-d', 'dist', '--config-file', '.swcrc', '--quiet'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const { openApiDocumentWithoutServices } = createRequire(import.meta.url)(path.join(root, 'dist', 'apps', 'api', 'src', 'openapi-document.js'));
const document = await openApiDocumentWithoutServices();
mkdirSync(path.dirname(apiTypesFile), { recursive: true });
writeFileSync(apiTypesFile, await renderApiTypes(document));
console.log(`wrote ${path.relative(root, apiTypesFile)} (${Object.keys(document.paths).length} paths)`);
