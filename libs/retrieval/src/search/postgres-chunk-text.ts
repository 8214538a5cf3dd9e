import { Injectable } from '@nestjs/common';
import { PreparedQueries } from '@app/platform';
import type { AccessScope } from '../domain/access-scope';
import { BM25 } from '../domain/bm25';
import { expandQuery, type QueryExpansion } from '../domain/query-expansion';
import { bm25SearchSql } from './bm25-search.sql';
import { chunkAccessWhere } from './chunk-access.sql';
import { ChunkStore, FullTextLeg, type StoredChunk } from './search.ports';

interface ChunkRow {
  id: string;
  file_id: string;
  filename: string;
  page: number | null;
  heading_path: string[];
  text: string;
  generation: number;
  score?: number;
}

const toChunk = (row: ChunkRow): StoredChunk => ({
  chunkId: row.id,
  fileId: row.file_id,
  filename: row.filename,
  page: row.page,
  headingPath: row.heading_path ?? [],
  text: row.text,
  score: Number(row.score ?? 0),
  generation: row.generation,
});

interface Bm25Row extends ChunkRow {
  shortlisted: string;
}

const COLUMNS = 'c.id, c.file_id, f.filename, c.page, c.heading_path, c.text, c.generation';
// The full-text leg sorts and checks this many of its best candidates per hit it returns.
const SHORTLIST_PER_RESULT = 8;
// Tuned on SciFact train and the answer suite's tuning questions (bench/README.md).
const EXPANSION = { weight: 0.3, maxWords: 12 };

/** The PostgreSQL side of retrieval: the ranked full-text leg and reading chunks by id. */
@Injectable()
export class PostgresChunkText implements FullTextLeg, ChunkStore {
  constructor(private readonly queries: PreparedQueries) {}

  async search(query: string, scope: AccessScope, limit: number): Promise<StoredChunk[]> {
    const shortlist = limit * SHORTLIST_PER_RESULT;
    const expansion = expandQuery(query, EXPANSION);
    const rows = await this.bm25(query, expansion, scope, limit, shortlist);
    // Fewer than `limit` left from a full shortlist: the access rule refused most of it (a reader
    // who sees a small part of the corpus), so hits may lie beyond it. No row at all says nothing.
    const cutShort = rows.length < limit && (rows.length === 0 || Number(rows[0].shortlisted) === shortlist);
    return (cutShort ? await this.bm25(query, expansion, scope, limit, null) : rows).map(toChunk);
  }

  private bm25(query: string, expansion: QueryExpansion, scope: AccessScope, limit: number, shortlist: number | null): Promise<Bm25Row[]> {
    const access = chunkAccessWhere(scope);
    const { k1, b } = BM25;
    const parameters = [query, expansion.words, expansion.weights, k1, b, shortlist, ...access.params, limit];
    return this.queries.rows<Bm25Row>(bm25SearchSql(COLUMNS, access.sql), parameters);
  }

  async findReadable(chunkIds: readonly string[], scope: AccessScope): Promise<StoredChunk[]> {
    return (await this.readable<ChunkRow>(COLUMNS, chunkIds, scope)).map(toChunk);
  }

  async readableIds(chunkIds: readonly string[], scope: AccessScope): Promise<string[]> {
    return (await this.readable<{ id: string }>('c.id', chunkIds, scope)).map((row) => row.id);
  }

  private async readable<Row extends object>(columns: string, chunkIds: readonly string[], scope: AccessScope): Promise<Row[]> {
    if (chunkIds.length === 0) return [];
    const access = chunkAccessWhere(scope);
    return this.queries.rows<Row>(
      `select ${columns} from chunks c join files f on f.id = c.file_id
        where c.id = any(?::uuid[]) and ${access.sql}`,
      [[...chunkIds], ...access.params],
    );
  }
}
