import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { PreparedQueries } from '@app/platform';
import { NO_PAGE, type IndexedChunk, type IndexedFile } from '../domain/indexed-chunk';
import { ChunkIndex, CorpusVersion } from './indexing.ports';
import { ChromaVectorCollection, VECTOR_WRITE_BATCH } from './chroma-vector-collection';

/**
 * Chunks go to Chroma and PostgreSQL at once. Neither store is read without the other: search
 * hydrates every hit from PostgreSQL under the access rule, which shows a file's chunks only
 * once its row says `ready`, after both writes. Whatever a crash leaves half-done, the retry
 * writes the same ids again.
 */
@Injectable()
export class PostgresChromaChunkIndex extends ChunkIndex {
  constructor(
    private readonly em: EntityManager,
    private readonly queries: PreparedQueries,
    private readonly vectors: ChromaVectorCollection,
    private readonly corpusVersion: CorpusVersion,
  ) {
    super();
  }

  async replaceFileChunks(file: IndexedFile, chunks: IndexedChunk[]): Promise<void> {
    const writes: Array<Promise<void>> = [];
    for (let start = 0; start < chunks.length; start += VECTOR_WRITE_BATCH) {
      const batch = chunks.slice(start, start + VECTOR_WRITE_BATCH);
      writes.push(
        this.vectors.upsert(
          batch.map((chunk) => ({
            id: chunk.id,
            embedding: chunk.vector,
            metadata: { fileId: file.id, departmentId: file.departmentId, visibility: file.visibility, page: chunk.page ?? NO_PAGE, chunkIndex: chunk.index },
          })),
        ),
      );
    }
    const rows = this.queries.rows<{ removed: number }>(REPLACE_FILE_CHUNKS, [JSON.stringify(chunks.map((chunk) => toRow(file, chunk))), file.id, chunks.length]);
    const [[{ removed }]] = await Promise.all([rows, ...writes]);
    // Extra vectors exist only where extra rows did: chunk ids are deterministic, so an attempt
    // that crashed between the two stores wrote the same ids the retry writes. A first ingest
    // therefore skips the Chroma delete, which is a request per file.
    if (removed > 0) {
      await this.withCollection((collection) =>
        collection.delete({ where: { $and: [{ fileId: { $eq: file.id } }, { chunkIndex: { $gte: chunks.length } }] } }),
      );
    }
    await this.corpusVersion.bump();
  }

  async deleteFileChunks(fileId: string): Promise<void> {
    await this.em.getConnection().execute('delete from chunks where file_id = ?', [fileId], 'run');
    await this.withCollection((collection) => collection.delete({ where: { fileId: { $eq: fileId } } }));
    await this.corpusVersion.bump();
  }

  async countFileChunks(fileId: string): Promise<{ rows: number; vectors: number }> {
    const [{ count }] = await this.em.getConnection().execute<Array<{ count: string }>>('select count(*) from chunks where file_id = ?', [fileId]);
    const vectors = await this.withCollection(async (collection) => (await collection.get({ where: { fileId: { $eq: fileId } }, include: [] })).ids.length);
    return { rows: Number(count), vectors };
  }

  private async withCollection<T>(work: (collection: Awaited<ReturnType<ChromaVectorCollection['open']>>) => Promise<T>): Promise<T> {
    try {
      return await work(await this.vectors.open());
    } catch (error) {
      this.vectors.forget(); // the collection may have been recreated by a re-embed elsewhere
      throw error;
    }
  }
}

function toRow(file: IndexedFile, chunk: IndexedChunk) {
  return {
    id: chunk.id,
    file_id: file.id,
    department_id: file.departmentId,
    visibility: file.visibility,
    chunk_index: chunk.index,
    page: chunk.page,
    heading_path: chunk.headingPath,
    text: chunk.text,
  };
}

// One statement, so one round trip and atomic without a transaction: one parameter carries
// every row as JSON, whatever the file's size, and the chunks past the new count go.
const REPLACE_FILE_CHUNKS = `
  with upserted as (
    insert into chunks (id, file_id, department_id, visibility, chunk_index, page, heading_path, text)
    select r.id, r.file_id, r.department_id, r.visibility, r.chunk_index, r.page,
           array(select jsonb_array_elements_text(r.heading_path)), r.text
    from jsonb_to_recordset(?::jsonb) as r(
      id uuid, file_id uuid, department_id uuid, visibility text, chunk_index int, page int, heading_path jsonb, text text
    )
    on conflict (id) do update set
      department_id = excluded.department_id,
      visibility = excluded.visibility,
      chunk_index = excluded.chunk_index,
      page = excluded.page,
      heading_path = excluded.heading_path,
      text = excluded.text
    returning 1
  ), removed as (
    delete from chunks where file_id = ? and chunk_index >= ? returning 1
  )
  select (select count(*) from removed)::int as removed, (select count(*) from upserted)::int as upserted`;
