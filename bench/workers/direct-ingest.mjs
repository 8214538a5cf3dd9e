// The ingestion baseline: the product's own compiled parse → chunk → embed → index code run in
// one process with no API, queue or file registry around it. Input: argv[2] a JSON file of
// {departmentId, concurrency, docs: [{fileId, filename, text}]}; output: one JSON line.
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MikroORM, RequestContext } from '@mikro-orm/core';

const require = createRequire(import.meta.url);
const dist = path.resolve(import.meta.dirname, '..', '..', 'dist', 'libs');
const { AppConfigModule, PlatformModule } = require(path.join(dist, 'platform/src'));
const { LlmModule, EmbeddingModels } = require(path.join(dist, 'llm/src'));
const { RetrievalModule, ChunkIndex } = require(path.join(dist, 'retrieval/src'));
// The ingest pipeline's steps are internal to its module (its index exports only what other
// modules use), so they are read from their own files.
const { parseDocument, sniffDocumentType } = require(path.join(dist, 'ingest/src/parsing'));
const { chunkDocument, chunkId } = require(path.join(dist, 'ingest/src/domain/chunk-document.js'));
const { embeddingInput } = require(path.join(dist, 'ingest/src/domain/embedding-input.js'));

const EMBEDDING_BATCH_SIZE = 64; // the worker's batch size

class DirectIngestModule {}
Module({ imports: [AppConfigModule.forRoot(), PlatformModule, LlmModule, RetrievalModule] })(DirectIngestModule);

const input = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const app = await NestFactory.createApplicationContext(DirectIngestModule, { logger: ['error', 'warn'] });
const orm = app.get(MikroORM);
const models = app.get(EmbeddingModels);
const index = app.get(ChunkIndex);

// The registry rows chunks refer to are set up untimed: the product's equivalent is the upload.
await orm.em.getConnection().execute(`insert into departments (id, name, parent_id, created_at) values (?, 'Bench', null, now()) on conflict do nothing`, [input.departmentId]);
await orm.em.getConnection().execute(
  `insert into files (id, filename, mime_type, size_bytes, sha256, department_id, visibility, status, storage_key, uploaded_by, created_at, updated_at)
   select f.id, f.filename, 'text/plain', 0, f.id::text, ?, 'organization', 'ready', f.id::text, ?, now(), now()
     from jsonb_to_recordset(?::jsonb) as f(id uuid, filename text)`,
  [input.departmentId, input.departmentId, JSON.stringify(input.docs.map((d) => ({ id: d.fileId, filename: d.filename })))],
);

// As the worker does: the first generation of each file, written to the live vector space and published.
async function ingest(doc) {
  const bytes = Buffer.from(doc.text, 'utf8');
  const type = await sniffDocumentType(bytes, doc.filename);
  const chunks = chunkDocument(await parseDocument(bytes, type)).map((chunk) => ({ ...chunk, id: chunkId(doc.fileId, chunk.index, 0) }));
  const vectors = new Map();
  for (const space of await index.targets()) {
    const model = models.forModelId(space.modelId);
    const spaceVectors = [];
    for (let start = 0; start < chunks.length; start += EMBEDDING_BATCH_SIZE) {
      const batch = chunks.slice(start, start + EMBEDDING_BATCH_SIZE);
      spaceVectors.push(...(await model.embedDocuments(batch.map(embeddingInput))));
    }
    vectors.set(space.id, spaceVectors);
  }
  const file = { id: doc.fileId, departmentId: input.departmentId, visibility: 'organization' };
  const written = await index.writeGeneration(file, 0, chunks, vectors);
  const outcome = await index.publishGeneration(doc.fileId, 0, written, chunks.length);
  if (outcome.status !== 'published') throw new Error(`${doc.filename}: ${outcome.status}`);
  return chunks.length;
}

let next = 0;
let chunkTotal = 0;
const started = process.hrtime.bigint();
await Promise.all(
  Array.from({ length: input.concurrency }, async () => {
    while (next < input.docs.length) {
      const doc = input.docs[next++];
      chunkTotal += await RequestContext.create(orm.em, () => ingest(doc));
    }
  }),
);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
await app.close();
process.stdout.write(`${JSON.stringify({ seconds, chunks: chunkTotal, docs: input.docs.length })}\n`);
