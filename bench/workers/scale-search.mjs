// The scale suite's searches at one corpus size, through the retrieval service chat uses
// (ChunkSearch, booted from dist/ as in retrieval-queries.mjs) with the cache off: each test
// query at chat's limit of 8 and at 100 (scored), then each leg alone at chat's limit, and the
// full-text leg's plan (EXPLAIN (ANALYZE, BUFFERS)) for a few fixed queries.
// Input: argv[2] JSON {departmentId, queries: [{id, text}], explainIds: [id]}; writes argv[3]
// JSON {chat, scoring, fullText, vectors: [{id, ms, fileIds?}], plans: [{id, text, plan}]}.
import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MikroORM, RequestContext } from '@mikro-orm/core';

const require = createRequire(import.meta.url);
const dist = path.resolve(import.meta.dirname, '..', '..', 'dist', 'libs');
const { AppConfigModule, PlatformModule, PreparedQueries } = require(path.join(dist, 'platform/src'));
const { LlmModule } = require(path.join(dist, 'llm/src'));
const { RetrievalModule, ChunkSearch, accessScopeOf } = require(path.join(dist, 'retrieval/src'));
const { FullTextLeg, VectorLeg } = require(path.join(dist, 'retrieval/src/search/search.ports.js'));
const { bm25SearchSql } = require(path.join(dist, 'retrieval/src/search/bm25-search.sql.js'));
const { COLUMNS, EXPANSION, SHORTLIST_PER_RESULT } = require(path.join(dist, 'retrieval/src/search/postgres-chunk-text.js'));
const { expandQuery } = require(path.join(dist, 'retrieval/src/domain/query-expansion.js'));
const { chunkAccessWhere } = require(path.join(dist, 'retrieval/src/search/chunk-access.sql.js'));
const { BM25 } = require(path.join(dist, 'retrieval/src/domain/bm25.js'));

const CHAT_LIMIT = 8;
const SCORING_LIMIT = 100;
const LEG_LIMIT = 3 * CHAT_LIMIT; // what the search asks each leg for at chat's limit
const VECTOR_NEIGHBOURS = 2 * LEG_LIMIT; // the vector leg's unfiltered overfetch

class ScaleSearchModule {}
Module({ imports: [AppConfigModule.forRoot(), PlatformModule, LlmModule, RetrievalModule] })(ScaleSearchModule);

const input = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const app = await NestFactory.createApplicationContext(ScaleSearchModule, { logger: ['error', 'warn'] });
const orm = app.get(MikroORM);
const search = app.get(ChunkSearch);
const fullText = app.get(FullTextLeg);
const vectors = app.get(VectorLeg);
const scope = accessScopeOf({ departmentId: input.departmentId });

async function timed(work) {
  const started = process.hrtime.bigint();
  const value = await RequestContext.create(orm.em, work);
  return { value, ms: Number(process.hrtime.bigint() - started) / 1e6 };
}

const output = { chat: [], scoring: [], fullText: [], vectors: [], plans: [] };
for (const query of input.queries) {
  const { ms } = await timed(() => search.search({ query: query.text, scope, limit: CHAT_LIMIT }));
  output.chat.push({ id: query.id, ms });
}
for (const query of input.queries) {
  const { value, ms } = await timed(() => search.search({ query: query.text, scope, limit: SCORING_LIMIT }));
  output.scoring.push({ id: query.id, ms, fileIds: value.map((chunk) => chunk.fileId) });
}
for (const query of input.queries) {
  output.fullText.push({ id: query.id, ms: (await timed(() => fullText.search(query.text, scope, LEG_LIMIT))).ms });
  // Embedding the query and ranking, as the search does for its unfiltered overfetch.
  output.vectors.push({ id: query.id, ms: (await timed(async () => (await vectors.prepare(query.text)).nearest(VECTOR_NEIGHBOURS))).ms });
}

// The full-text leg's statement as the leg runs it at chat's limit, with its expansion and shortlist.
const access = chunkAccessWhere(scope);
const sql = bm25SearchSql(COLUMNS, access.sql);
const queries = app.get(PreparedQueries);
for (const id of input.explainIds) {
  const text = input.queries.find((q) => q.id === id)?.text;
  if (!text) continue;
  const expansion = expandQuery(text, EXPANSION);
  const params = [text, expansion.words, expansion.weights, BM25.k1, BM25.b, LEG_LIMIT * SHORTLIST_PER_RESULT, ...access.params, LEG_LIMIT];
  const rows = await RequestContext.create(orm.em, () => queries.rows(`explain (analyze, buffers) ${sql}`, params, { planEachCall: true }));
  output.plans.push({ id, text, plan: rows.map((row) => row['QUERY PLAN']).join('\n') });
}

writeFileSync(process.argv[3], JSON.stringify(output));
await app.close();
process.stdout.write(`${JSON.stringify({ queries: input.queries.length })}\n`);
