import type { INestApplicationContext } from '@nestjs/common';
import { MikroORM, RequestContext } from '@mikro-orm/core';
import { EmbeddingModels } from '@app/llm';
import { ChunkIndex, type IndexedChunk, type IndexedFile, type PublishOutcome } from '@app/retrieval';

/**
 * Indexes chunks as ingestion does, without parsing: embeds them for every space a new
 * generation goes to (by `vectorOf`, or each space's model over the text), writes the
 * generation and publishes it.
 */
export async function indexGeneration(
  app: INestApplicationContext,
  file: IndexedFile,
  chunks: IndexedChunk[],
  { generation = 0, vectorOf, publish = true }: { generation?: number; vectorOf?: (chunk: IndexedChunk) => number[]; publish?: boolean } = {},
): Promise<{ written: string[]; outcome: PublishOutcome | null }> {
  return RequestContext.create(app.get(MikroORM).em, async () => {
    const index = app.get(ChunkIndex);
    const models = app.get(EmbeddingModels);
    const vectors = new Map<string, number[][]>();
    for (const space of await index.targets()) {
      vectors.set(space.id, vectorOf ? chunks.map(vectorOf) : await models.forModelId(space.modelId).embedDocuments(chunks.map((chunk) => chunk.text)));
    }
    const written = await index.writeGeneration(file, generation, chunks, vectors);
    if (!publish) return { written, outcome: null };
    let outcome = await index.publishGeneration(file.id, generation, written, chunks.length);
    // A space being built appeared: write there too, as ingestion does.
    while (outcome.status === 'spaces_changed') {
      const more = new Map<string, number[][]>();
      for (const space of outcome.missing) {
        more.set(space.id, vectorOf ? chunks.map(vectorOf) : await models.forModelId(space.modelId).embedDocuments(chunks.map((chunk) => chunk.text)));
      }
      written.push(...(await index.writeGeneration(file, generation, chunks, more, { rows: false })));
      outcome = await index.publishGeneration(file.id, generation, written, chunks.length);
    }
    return { written, outcome };
  });
}
