// Searches as chat does (ChunkSearch from the compiled retrieval module, limit 8), one after
// another, as a reader of one department, until `maxMs` has passed or `stopFile` exists.
// Input: argv[2] JSON {departmentId, queries: [text], maxMs, stopFile?, readyFile?} (readyFile is
// written once the first search has answered, so the caller knows the loop runs); writes argv[3] JSON
// {samples: [{at, ms}]} (at: ms since the epoch when the search started); prints one JSON line.
import 'reflect-metadata';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MikroORM, RequestContext } from '@mikro-orm/core';

const require = createRequire(import.meta.url);
const dist = path.resolve(import.meta.dirname, '..', '..', 'dist', 'libs');
const { PlatformModule } = require(path.join(dist, 'platform/src'));
const { LlmModule } = require(path.join(dist, 'llm/src'));
const { RetrievalModule, ChunkSearch, accessScopeOf } = require(path.join(dist, 'retrieval/src'));

const CHAT_LIMIT = 8;

class SearchLoopModule {}
Module({ imports: [PlatformModule, LlmModule, RetrievalModule] })(SearchLoopModule);

const input = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const app = await NestFactory.createApplicationContext(SearchLoopModule, { logger: ['error', 'warn'] });
const orm = app.get(MikroORM);
const search = app.get(ChunkSearch);
const scope = accessScopeOf({ departmentId: input.departmentId });

const samples = [];
const deadline = Date.now() + input.maxMs;
for (let i = 0; Date.now() < deadline && !(input.stopFile && existsSync(input.stopFile)); i++) {
  const at = Date.now();
  const started = process.hrtime.bigint();
  await RequestContext.create(orm.em, () => search.search({ query: input.queries[i % input.queries.length], scope, limit: CHAT_LIMIT }));
  samples.push({ at, ms: Number(process.hrtime.bigint() - started) / 1e6 });
  if (i === 0 && input.readyFile) writeFileSync(input.readyFile, '');
}
writeFileSync(process.argv[3], JSON.stringify({ samples }));
await app.close();
process.stdout.write(`${JSON.stringify({ searches: samples.length })}\n`);
