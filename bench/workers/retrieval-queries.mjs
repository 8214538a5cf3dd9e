// Runs queries through the retrieval service chat uses (ChunkSearch from the compiled
// retrieval module, with its cache), as a reader of one department, timing each call.
// Input: argv[2] JSON {departmentId, runs: [{name, limit, queries: [{id, text}]}]};
// writes argv[3] JSON {[name]: [{id, fileIds, ms}]}; prints one JSON line when done.
import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MikroORM, RequestContext } from '@mikro-orm/core';

const require = createRequire(import.meta.url);
const dist = path.resolve(import.meta.dirname, '..', '..', 'dist', 'libs');
const { AppConfigModule, PlatformModule } = require(path.join(dist, 'platform/src'));
const { LlmModule } = require(path.join(dist, 'llm/src'));
const { RetrievalModule, ChunkSearch, accessScopeOf } = require(path.join(dist, 'retrieval/src'));

class RetrievalBenchModule {}
Module({ imports: [AppConfigModule.forRoot(), PlatformModule, LlmModule, RetrievalModule] })(RetrievalBenchModule);

const input = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const app = await NestFactory.createApplicationContext(RetrievalBenchModule, { logger: ['error', 'warn'] });
const orm = app.get(MikroORM);
const search = app.get(ChunkSearch);
const scope = accessScopeOf({ departmentId: input.departmentId });

const output = {};
for (const run of input.runs) {
  output[run.name] = [];
  for (const query of run.queries) {
    const started = process.hrtime.bigint();
    const chunks = await RequestContext.create(orm.em, () => search.search({ query: query.text, scope, limit: run.limit }));
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    output[run.name].push({ id: query.id, fileIds: chunks.map((chunk) => chunk.fileId), ms });
  }
}
writeFileSync(process.argv[3], JSON.stringify(output));
await app.close();
process.stdout.write(`${JSON.stringify({ runs: input.runs.map((run) => run.name) })}\n`);
