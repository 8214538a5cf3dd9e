// The web app's request and response types, generated from the API's OpenAPI document with
// openapi-typescript. The generator script and the test that keeps the committed file current
// both render through here, so they cannot disagree about the output.
import path from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';

export const apiTypesFile = path.resolve(import.meta.dirname, '..', '..', 'apps', 'web', 'src', 'lib', 'api', 'schema.d.ts');

const banner = `/**
 * Generated from the API's OpenAPI document (/api/v1/docs-json) by openapi-typescript.
 * Do not edit: run \`npm run generate:api-types\` after changing a route, DTO or view.
 */

`;

/** The TypeScript declarations for an OpenAPI document (a parsed object). */
export async function renderApiTypes(document) {
  // A copy: openapi-typescript annotates the object it is given.
  const ast = await openapiTS(JSON.parse(JSON.stringify(document)), { alphabetize: true });
  return banner + astToString(ast);
}
