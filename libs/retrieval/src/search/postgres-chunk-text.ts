import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { AccessScope } from '../domain/access-scope';
import { BM25 } from '../domain/bm25';
import type { RetrievedChunk } from '../domain/retrieved-chunk';
import { bm25SearchSql } from './bm25-search.sql';
import { chunkAccessWhere } from './chunk-access.sql';
import { ChunkStore, FullTextLeg } from './search.ports';

interface ChunkRow {
  id: string;
  file_id: string;
  filename: string;
  page: number | null;
  heading_path: string[];
  text: string;
  score?: number;
}

const toChunk = (row: ChunkRow): RetrievedChunk => ({
  chunkId: row.id,
  fileId: row.file_id,
  filename: row.filename,
  page: row.page,
  headingPath: row.heading_path ?? [],
  text: row.text,
  score: Number(row.score ?? 0),
});

const COLUMNS = 'c.id, c.file_id, f.filename, c.page, c.heading_path, c.text';

/** The PostgreSQL side of retrieval: the ranked full-text leg and reading chunks by id. */
@Injectable()
export class PostgresChunkText implements FullTextLeg, ChunkStore {
  constructor(private readonly em: EntityManager) {}

  async search(query: string, scope: AccessScope, limit: number): Promise<RetrievedChunk[]> {
    const access = chunkAccessWhere(scope);
    const { k1, b } = BM25;
    const rows = await this.em.getConnection().execute<ChunkRow[]>(bm25SearchSql(COLUMNS, access.sql), [query, k1, b, ...access.params, limit]);
    return rows.map(toChunk);
  }

  async findReadable(chunkIds: readonly string[], scope: AccessScope): Promise<RetrievedChunk[]> {
    return (await this.readable<ChunkRow>(COLUMNS, chunkIds, scope)).map(toChunk);
  }

  async readableIds(chunkIds: readonly string[], scope: AccessScope): Promise<string[]> {
    return (await this.readable<{ id: string }>('c.id', chunkIds, scope)).map((row) => row.id);
  }

  private async readable<Row extends object>(columns: string, chunkIds: readonly string[], scope: AccessScope): Promise<Row[]> {
    if (chunkIds.length === 0) return [];
    const access = chunkAccessWhere(scope);
    return this.em.getConnection().execute<Row[]>(
      `select ${columns} from chunks c join files f on f.id = c.file_id
        where c.id = any(array[?]::uuid[]) and ${access.sql}`,
      [[...chunkIds], ...access.params],
    );
  }
}
