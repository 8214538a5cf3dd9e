import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { SearchTableMaintenance } from './indexing.ports';

// The tables a search reads. A fixed list: the names go into VACUUM and ANALYZE as written.
const SEARCH_TABLES = ['chunk_terms', 'chunks', 'files'] as const;

interface TableState {
  table: string;
  vacuumDue: boolean;
  analyzeDue: boolean;
}

/**
 * Autovacuum's default rules, acted on at once. After a bulk load, until autovacuum's next round
 * (a minute or more), PostgreSQL had no statistics for the new rows and planned BM25's join to
 * the chunk rows as a scan of every ready file's chunks (seconds a search), and, with no
 * page marked all-visible, every posting read from the index was fetched again from the table.
 */
@Injectable()
export class PostgresSearchTableMaintenance extends SearchTableMaintenance {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async catchUp({ vacuum }: { vacuum: boolean }): Promise<{ vacuumed: string[]; analyzed: string[] }> {
    const connection = this.em.getConnection();
    const states = await connection.execute<TableState[]>(
      `select relname as "table",
              n_ins_since_vacuum > 1000 + 0.2 * n_live_tup or n_dead_tup > 50 + 0.2 * n_live_tup as "vacuumDue",
              n_live_tup + n_mod_since_analyze > 0
                and (coalesce(last_analyze, last_autoanalyze) is null or n_mod_since_analyze > 50 + 0.1 * n_live_tup) as "analyzeDue"
         from pg_stat_user_tables
        where schemaname = current_schema() and relname = any(array[?]::text[])`,
      [[...SEARCH_TABLES]],
    );
    const due = (rule: 'vacuumDue' | 'analyzeDue') => SEARCH_TABLES.filter((table) => states.some((state) => state.table === table && state[rule]));
    const vacuumed = vacuum ? due('vacuumDue') : [];
    const analyzed = due('analyzeDue').filter((table) => !vacuumed.includes(table));
    // VACUUM cannot run inside a transaction; each statement here runs on its own.
    if (vacuumed.length > 0) await connection.execute(`vacuum (analyze, skip_locked) ${vacuumed.join(', ')}`, [], 'run');
    if (analyzed.length > 0) await connection.execute(`analyze (skip_locked) ${analyzed.join(', ')}`, [], 'run');
    return { vacuumed, analyzed };
  }
}
