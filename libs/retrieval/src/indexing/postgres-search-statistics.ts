import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { SearchStatistics } from './indexing.ports';

// The tables a search plans over. A fixed list: the names go into the ANALYZE statement as written.
const SEARCH_TABLES = ['chunk_terms', 'chunks', 'files'] as const;

/**
 * Stale means what autovacuum's default analyze rule means (more rows changed than 50 plus a
 * tenth of the table, or never analyzed); this only acts on it sooner than autovacuum's next
 * round. Without statistics PostgreSQL planned BM25's join to the chunk rows as a scan of every
 * ready file's chunks: ~5 s a query on SciFact until autovacuum came round, a minute later.
 */
@Injectable()
export class PostgresSearchStatistics extends SearchStatistics {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async refreshIfStale(): Promise<string[]> {
    const connection = this.em.getConnection();
    const stale = await connection.execute<Array<{ table: string }>>(
      `select relname as "table" from pg_stat_user_tables
        where schemaname = current_schema() and relname = any(array[?]::text[])
          and n_live_tup + n_mod_since_analyze > 0
          and (coalesce(last_analyze, last_autoanalyze) is null or n_mod_since_analyze > 50 + 0.1 * n_live_tup)`,
      [[...SEARCH_TABLES]],
    );
    const tables = SEARCH_TABLES.filter((table) => stale.some((row) => row.table === table));
    if (tables.length > 0) await connection.execute(`analyze (skip_locked) ${tables.join(', ')}`, [], 'run');
    return tables;
  }
}
