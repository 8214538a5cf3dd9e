import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { AppConfig, PreparedQueries } from '@app/platform';
import { vectorMetadataOf, type IndexedChunk, type IndexedFile } from '../domain/indexed-chunk';
import type { VectorSpaceInfo } from '../domain/vector-space';
import { ChromaCollections, isNotFound, VECTOR_WRITE_BATCH } from './chroma-collections';
import type { ChromaRecord } from './chroma-records-endpoint';
import { ChunkIndex, CorpusVersion, VectorSpaces, type PublishOutcome, type SpaceVectors } from './indexing.ports';

interface PublishRow {
  published: number;
  live: number | null;
  missing: Array<{ id: string; collection: string; model_id: string; dimension: number; state: VectorSpaceInfo['state'] }>;
}

/**
 * Generations of a file's chunks in Chroma and PostgreSQL. Neither store is read without the
 * other: search hydrates and checks every hit in PostgreSQL under the access rule, which admits
 * a chunk only while its generation is its file's live one. So writing a generation changes
 * nothing a search sees, and publishing it (one statement) switches both legs at once. Whatever
 * a crash leaves half-done, the retry writes the same ids again.
 */
@Injectable()
export class PostgresChromaChunkIndex extends ChunkIndex {
  // The spaces to write to, read once: publishing checks them against the registry, and a
  // stale list costs a retry, never a file missing from a space.
  private targetList: Promise<VectorSpaceInfo[]> | null = null;
  private readonly base: string;

  constructor(
    private readonly em: EntityManager,
    private readonly sql: PreparedQueries,
    private readonly chroma: ChromaCollections,
    private readonly spaces: VectorSpaces,
    private readonly corpusVersion: CorpusVersion,
    config: AppConfig,
  ) {
    super();
    this.base = config.get('CHROMA_COLLECTION');
  }

  targets(): Promise<VectorSpaceInfo[]> {
    this.targetList ??= this.spaces.active().catch((error: unknown) => {
      this.targetList = null;
      throw error;
    });
    return this.targetList;
  }

  async writeGeneration(file: IndexedFile, generation: number, chunks: IndexedChunk[], vectors: SpaceVectors, { rows = true } = {}): Promise<string[]> {
    const spaces = new Map((await this.targets()).map((space) => [space.id, space]));
    const written: string[] = [];
    const writes = [...vectors].map(async ([spaceId, spaceVectors]) => {
      const space = spaces.get(spaceId);
      if (!space) throw new Error(`vectors for unknown space ${spaceId}`);
      try {
        await this.upsert(space, file, generation, chunks, spaceVectors);
        written.push(spaceId);
      } catch (error) {
        if (!isNotFound(error)) throw error;
        this.targetList = null; // a re-embed retired or dropped it: read the spaces again
        if ((await this.spaces.active()).some((active) => active.id === spaceId)) {
          throw new Error(`The vector collection "${space.collection}" is missing from Chroma; a re-embed (POST /api/v1/files/reembed) rebuilds it from the stored chunks`, {
            cause: error,
          });
        }
      }
    });
    const trimmed = rows
      ? this.sql.rows<{ removed: string[] }>(REPLACE_GENERATION_CHUNKS, [JSON.stringify(chunks.map((chunk) => toRow(file, generation, chunk))), file.id, generation, chunks.length])
      : Promise.resolve([{ removed: [] as string[] }]);
    const [[{ removed }]] = await Promise.all([trimmed, ...writes]);
    // Extra vectors exist only where extra rows did: chunk ids are deterministic, so an attempt
    // that crashed between the two stores wrote the same ids the retry writes. A first ingest
    // therefore skips the Chroma delete.
    if (removed.length > 0) await this.deleteVectors(removed);
    return written;
  }

  async publishGeneration(fileId: string, generation: number, spaceIds: readonly string[], chunkCount: number): Promise<PublishOutcome> {
    const ids = [...spaceIds];
    const [row] = await this.sql.rows<PublishRow>(PUBLISH_GENERATION, [fileId, generation, chunkCount, ids, this.base, ids, generation, fileId, generation, fileId]);
    if (row.published === 0) {
      if (row.missing.length > 0) {
        this.targetList = null;
        return { status: 'spaces_changed', missing: row.missing.map((s) => ({ id: s.id, collection: s.collection, modelId: s.model_id, dimension: s.dimension, state: s.state })) };
      }
      return row.live === generation ? { status: 'published' } : { status: 'superseded' };
    }
    await this.corpusVersion.bump();
    if (generation > 0) await this.purgeOlderGenerations(fileId, generation);
    return { status: 'published' };
  }

  async discardGeneration(fileId: string, generation: number): Promise<void> {
    const ids = (
      await this.em.getConnection().execute<Array<{ id: string }>>(
        `select c.id from chunks c join files f on f.id = c.file_id
          where c.file_id = ? and c.generation = ? and f.live_generation is distinct from c.generation`,
        [fileId, generation],
      )
    ).map((row) => row.id);
    if (ids.length === 0) return;
    await this.deleteVectors(ids);
    await this.em.getConnection().execute('delete from chunks where id in (?)', [ids], 'run');
  }

  async deleteFileChunks(fileId: string): Promise<void> {
    await this.em.getConnection().execute('delete from chunks where file_id = ?', [fileId], 'run');
    for (const space of await this.spaces.active()) await this.ignoringDropped(() => this.chroma.deleteWhere(space.collection, { fileId: { $eq: fileId } }));
    await this.corpusVersion.bump();
  }

  async countFileChunks(fileId: string): Promise<{ rows: number; vectors: number }> {
    const [{ count }] = await this.em.getConnection().execute<Array<{ count: string }>>('select count(*) from chunks where file_id = ?', [fileId]);
    const live = await this.spaces.live();
    return { rows: Number(count), vectors: (await this.chroma.idsWhere(live.collection, { fileId: { $eq: fileId } })).length };
  }

  private upsert(space: VectorSpaceInfo, file: IndexedFile, generation: number, chunks: IndexedChunk[], vectors: readonly number[][]): Promise<unknown> {
    const records: ChromaRecord[] = chunks.map((chunk, i) => ({
      id: chunk.id,
      embedding: vectors[i],
      metadata: vectorMetadataOf(file, chunk, generation),
    }));
    const batches: Array<Promise<void>> = [];
    for (let start = 0; start < records.length; start += VECTOR_WRITE_BATCH) batches.push(this.chroma.upsert(space.collection, records.slice(start, start + VECTOR_WRITE_BATCH)));
    return Promise.all(batches);
  }

  /**
   * Older generations go once a newer one is live: vectors first (in every space, read afresh,
   * since one being built may hold them), then the rows, so a crash between the two leaves rows
   * whose ids the next purge finds again.
   */
  private async purgeOlderGenerations(fileId: string, generation: number): Promise<void> {
    const connection = this.em.getConnection();
    const ids = (await connection.execute<Array<{ id: string }>>('select id from chunks where file_id = ? and generation < ?', [fileId, generation])).map((row) => row.id);
    if (ids.length > 0) {
      await this.deleteVectors(ids);
      await connection.execute('delete from chunks where file_id = ? and generation < ?', [fileId, generation], 'run');
    }
    await connection.execute('delete from vector_space_files where file_id = ? and generation < ?', [fileId, generation], 'run');
  }

  private async deleteVectors(ids: readonly string[]): Promise<void> {
    for (const space of await this.spaces.active()) await this.ignoringDropped(() => this.chroma.deleteIds(space.collection, ids));
  }

  private async ignoringDropped(work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }
}

function toRow(file: IndexedFile, generation: number, chunk: IndexedChunk) {
  return {
    id: chunk.id,
    file_id: file.id,
    department_id: file.departmentId,
    visibility: file.visibility,
    conversation_id: file.conversationId ?? null,
    chunk_index: chunk.index,
    page: chunk.page,
    heading_path: chunk.headingPath,
    text: chunk.text,
    generation,
  };
}

// One statement, so one round trip and atomic without a transaction: one parameter carries
// every row as JSON, whatever the file's size, and the generation's chunks past the new count
// go (their ids come back, for their vectors).
const REPLACE_GENERATION_CHUNKS = `
  with upserted as (
    insert into chunks (id, file_id, department_id, visibility, conversation_id, chunk_index, page, heading_path, text, generation)
    select r.id, r.file_id, r.department_id, r.visibility, r.conversation_id, r.chunk_index, r.page,
           array(select jsonb_array_elements_text(r.heading_path)), r.text, r.generation
    from jsonb_to_recordset(?::jsonb) as r(
      id uuid, file_id uuid, department_id uuid, visibility text, conversation_id uuid, chunk_index int, page int, heading_path jsonb, text text, generation int
    )
    on conflict (id) do update set
      department_id = excluded.department_id,
      visibility = excluded.visibility,
      conversation_id = excluded.conversation_id,
      chunk_index = excluded.chunk_index,
      page = excluded.page,
      heading_path = excluded.heading_path,
      text = excluded.text
    returning 1
  ), removed as (
    delete from chunks where file_id = ? and generation = ? and chunk_index >= ? returning id
  )
  select coalesce((select array_agg(id) from removed), '{}') as removed, (select count(*) from upserted)::int as upserted`;

// The switch, as one statement. It records the generation as held by the spaces being built
// that it was written to (a re-embed then skips it), and moves the file's live generation only
// if no space is live or building that it was not written to: a re-embed started meanwhile
// sends the caller to write there first, so no file goes live in one space and not the other.
// Generations only move forward, and never for a deleted file. `live` is read from the
// statement's snapshot, i.e. before the update.
const PUBLISH_GENERATION = `
  with recorded as (
    insert into vector_space_files (space_id, file_id, generation, chunk_count)
    select s.id, ?::uuid, ?::int, ?::int from vector_spaces s where s.id = any(?::uuid[]) and s.state = 'building'
    on conflict (space_id, file_id, generation) do update set chunk_count = excluded.chunk_count
    returning 1
  ), missing as (
    select s.id, s.collection, s.model_id, s.dimension, s.state from vector_spaces s
     where s.base = ? and s.state in ('live', 'building') and s.id <> all(?::uuid[])
  ), published as (
    update files set live_generation = ?::int
     where id = ?::uuid and deleted_at is null and (live_generation is null or live_generation < ?::int)
       and not exists (select from missing)
    returning 1
  )
  select (select count(*) from published)::int as published,
         (select live_generation from files where id = ?::uuid) as live,
         coalesce((select json_agg(missing) from missing), '[]'::json) as missing,
         (select count(*) from recorded)::int as recorded`;
