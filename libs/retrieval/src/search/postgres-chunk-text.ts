import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { AccessScope } from '../domain/access-scope';
import type { RetrievedChunk } from '../domain/retrieved-chunk';
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
    // A question's words are OR-ed: requiring all of them (plainto_tsquery's AND) finds
    // almost nothing for natural questions; ts_rank still favours chunks matching more words.
    const rows = await this.em.getConnection().execute<ChunkRow[]>(
      `with q as (select nullif(replace(plainto_tsquery('english', ?)::text, '&', '|'), '')::tsquery as query)
       select ${COLUMNS}, ts_rank(c.tsv, q.query) as score
         from q, chunks c join files f on f.id = c.file_id
        where q.query is not null and c.tsv @@ q.query and ${access.sql}
        order by score desc, c.id
        limit ?`,
      [query, ...access.params, limit],
    );
    return rows.map(toChunk);
  }

  async findReadable(chunkIds: readonly string[], scope: AccessScope): Promise<RetrievedChunk[]> {
    if (chunkIds.length === 0) return [];
    const access = chunkAccessWhere(scope);
    const rows = await this.em.getConnection().execute<ChunkRow[]>(
      `select ${COLUMNS} from chunks c join files f on f.id = c.file_id
        where c.id = any(array[?]::uuid[]) and ${access.sql}`,
      [[...chunkIds], ...access.params],
    );
    return rows.map(toChunk);
  }
}
