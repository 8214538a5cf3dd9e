import { Migration } from '@mikro-orm/migrations';

/**
 * An inverted index for BM25: one posting per lexeme of each chunk, with the lexeme's count in
 * the chunk and the chunk's length, so a search reads only its own words' postings instead of
 * scanning and unnesting every matching tsvector. Statement-level triggers keep it exact.
 * Nothing matches `tsv @@` any more, so the GIN index over the tsvectors goes.
 */
export class Migration20261126000200_chunk_postings extends Migration {
  override up(): void {
    // Collation "C" compares bytes, which is all a lexeme lookup needs and cheaper than the
    // locale's rules; the included columns let a search read postings from the index alone.
    this.addSql(`
      create table chunk_terms (
        lexeme text collate "C" not null,
        chunk_id uuid not null,
        tf smallint not null,
        chunk_length int not null,
        primary key (lexeme, chunk_id) include (tf, chunk_length)
      );`);
    this.addSql(`
      create function chunk_terms_apply() returns trigger language plpgsql as $$
      begin
        -- Each branch reads only the transition tables its event has. An update may change the
        -- text, so its chunks' postings are replaced, never added to.
        if tg_op = 'TRUNCATE' then
          truncate chunk_terms;
          return null;
        end if;
        -- Old postings go by their primary key, (lexeme, chunk) from the old tsvectors: nothing
        -- indexes chunk ids alone. An ingest's upsert fires these triggers with no old rows.
        if tg_op in ('UPDATE', 'DELETE') then
          if exists (select from old_rows) then
            delete from chunk_terms p
             using old_rows o, unnest(o.tsv) t
             where p.chunk_id = o.id and p.lexeme = t.lexeme collate "C";
          end if;
        end if;
        if tg_op in ('INSERT', 'UPDATE') then
          insert into chunk_terms (lexeme, chunk_id, tf, chunk_length)
          select t.lexeme, n.id, cardinality(t.positions), n.tsv_length from new_rows n, unnest(n.tsv) t;
        end if;
        return null;
      end $$;`);
    this.addSql(`
      create trigger chunk_terms_insert after insert on chunks referencing new table as new_rows
      for each statement execute function chunk_terms_apply();`);
    this.addSql(`
      create trigger chunk_terms_update after update on chunks referencing old table as old_rows new table as new_rows
      for each statement execute function chunk_terms_apply();`);
    this.addSql(`
      create trigger chunk_terms_delete after delete on chunks referencing old table as old_rows
      for each statement execute function chunk_terms_apply();`);
    this.addSql(`create trigger chunk_terms_truncate after truncate on chunks for each statement execute function chunk_terms_apply();`);
    // After the triggers: creating them waits for writers and holds new ones off until commit,
    // so the backfill sees every row and no row gets its postings twice.
    this.addSql(`
      insert into chunk_terms (lexeme, chunk_id, tf, chunk_length)
      select t.lexeme, c.id, cardinality(t.positions), c.tsv_length from chunks c, unnest(c.tsv) t;`);
    this.addSql('drop index chunks_tsv;');
  }

  override down(): void {
    this.addSql('create index chunks_tsv on chunks using gin (tsv);');
    this.addSql('drop trigger chunk_terms_truncate on chunks;');
    this.addSql('drop trigger chunk_terms_delete on chunks;');
    this.addSql('drop trigger chunk_terms_update on chunks;');
    this.addSql('drop trigger chunk_terms_insert on chunks;');
    this.addSql('drop function chunk_terms_apply();');
    this.addSql('drop table chunk_terms;');
  }
}
