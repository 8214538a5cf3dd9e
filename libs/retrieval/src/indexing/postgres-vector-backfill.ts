import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { vectorMetadataOf, type ChunkVisibility } from '../domain/indexed-chunk';
import type { VectorSpaceInfo } from '../domain/vector-space';
import { ChromaCollections, VECTOR_WRITE_BATCH } from './chroma-collections';
import type { ChromaRecord } from './chroma-records-endpoint';
import { isForeignKeyViolation } from './sql-errors';
import { VectorBackfill, type BackfillFile } from './indexing.ports';

const FIRST_ID = '00000000-0000-0000-0000-000000000000';

interface PendingRow {
  id: string;
  generation: number;
  department_id: string;
  visibility: ChunkVisibility;
  conversation_id: string | null;
  uploaded_by: string;
}

interface ChunkRow {
  id: string;
  file_id: string;
  chunk_index: number;
  page: number | null;
  heading_path: string[];
  text: string;
}

/**
 * Copies live generations into a space being built, from the chunk rows (never parsing again).
 * Progress lives in `vector_space_files`: a file generation is recorded only after its vectors
 * are written, so a re-embed stopped anywhere resumes with the first file not recorded, and a
 * batch written twice upserts the same ids.
 */
@Injectable()
export class PostgresVectorBackfill extends VectorBackfill {
  constructor(
    private readonly em: EntityManager,
    private readonly chroma: ChromaCollections,
  ) {
    super();
  }

  async pending(spaceId: string, afterFileId: string | null, maxChunks: number): Promise<BackfillFile[]> {
    const connection = this.em.getConnection();
    // Files in id order, as many as fit in maxChunks by their chunk counts (the first always does).
    const files = await connection.execute<PendingRow[]>(
      `with candidates as (
         select f.id, f.live_generation as generation, f.department_id, f.visibility, f.conversation_id, f.uploaded_by,
                sum(f.chunk_count) over (order by f.id rows unbounded preceding) - f.chunk_count as before
           from files f
          where f.live_generation is not null and f.deleted_at is null and f.id > ?
            and not exists (select from vector_space_files v where v.space_id = ? and v.file_id = f.id and v.generation = f.live_generation)
          order by f.id
          limit 1000
       )
       select id, generation, department_id, visibility, conversation_id, uploaded_by from candidates where before = 0 or before < ? order by id`,
      [afterFileId ?? FIRST_ID, spaceId, maxChunks],
    );
    if (files.length === 0) return [];
    const chunks = await connection.execute<ChunkRow[]>(
      `select c.id, c.file_id, c.chunk_index, c.page, c.heading_path, c.text
         from chunks c join unnest(array[?]::uuid[], array[?]::int[]) as g(file_id, generation) on c.file_id = g.file_id and c.generation = g.generation
        order by c.file_id, c.chunk_index`,
      [files.map((file) => file.id), files.map((file) => file.generation)],
    );
    const byFile = new Map<string, ChunkRow[]>();
    for (const chunk of chunks) byFile.set(chunk.file_id, [...(byFile.get(chunk.file_id) ?? []), chunk]);
    return files.map((file) => ({
      file: { id: file.id, departmentId: file.department_id, visibility: file.visibility, conversationId: file.conversation_id, ownerId: file.uploaded_by },
      generation: file.generation,
      chunks: (byFile.get(file.id) ?? []).map((chunk) => ({ id: chunk.id, index: chunk.chunk_index, page: chunk.page, headingPath: chunk.heading_path ?? [], text: chunk.text })),
    }));
  }

  async store(space: VectorSpaceInfo, files: BackfillFile[], vectors: ReadonlyArray<readonly number[][]>): Promise<void> {
    const records: ChromaRecord[] = files.flatMap(({ file, generation, chunks }, f) =>
      chunks.map((chunk, i) => ({
        id: chunk.id,
        embedding: vectors[f][i],
        metadata: vectorMetadataOf(file, chunk, generation),
      })),
    );
    const writes: Array<Promise<void>> = [];
    for (let start = 0; start < records.length; start += VECTOR_WRITE_BATCH) writes.push(this.chroma.upsert(space.collection, records.slice(start, start + VECTOR_WRITE_BATCH)));
    await Promise.all(writes);

    const recorded = new Set(await this.record(space.id, files));
    // Deleted or reindexed since it was read: its purge may have run before these vectors landed.
    const stale = files.filter(({ file }) => !recorded.has(file.id)).flatMap(({ chunks }) => chunks.map((chunk) => chunk.id));
    if (stale.length > 0) await this.chroma.deleteIds(space.collection, stale);
    await this.em.getConnection().execute(
      `update vector_spaces s set
         total_chunks = (select coalesce(sum(f.chunk_count), 0) from files f where f.live_generation is not null and f.deleted_at is null),
         done_chunks = (select coalesce(sum(v.chunk_count), 0) from vector_space_files v
                          join files f on f.id = v.file_id and f.live_generation = v.generation and f.deleted_at is null
                         where v.space_id = s.id)
       where s.id = ? and s.state = 'building'`,
      [space.id],
      'run',
    );
  }

  /** Records the files still live at the generation read; returns their ids. */
  private async record(spaceId: string, files: BackfillFile[]): Promise<string[]> {
    const rows = JSON.stringify(files.map(({ file, generation, chunks }) => ({ file_id: file.id, generation, chunk_count: chunks.length })));
    const insert = () =>
      this.em.getConnection().execute<Array<{ file_id: string }>>(
        `insert into vector_space_files (space_id, file_id, generation, chunk_count)
         select ?, x.file_id, x.generation, x.chunk_count
           from jsonb_to_recordset(?::jsonb) as x(file_id uuid, generation int, chunk_count int)
           join files f on f.id = x.file_id and f.live_generation = x.generation and f.deleted_at is null
         on conflict (space_id, file_id, generation) do update set chunk_count = excluded.chunk_count
         returning file_id`,
        [spaceId, rows],
      );
    try {
      return (await insert()).map((row) => row.file_id);
    } catch (error) {
      // A file purged between the join and the foreign key check: read again without it.
      if (!isForeignKeyViolation(error)) throw error;
      return (await insert()).map((row) => row.file_id);
    }
  }
}
