import { Migration } from '@mikro-orm/migrations';

const applyPostings = (deleteOldPostings: string) => `
  create or replace function chunk_terms_apply() returns trigger language plpgsql as $$
  begin
    -- Each branch reads only the transition tables its event has. An update may change the
    -- text, so its chunks' postings are replaced, never added to.
    if tg_op = 'TRUNCATE' then
      truncate chunk_terms;
      return null;
    end if;
    if tg_op in ('UPDATE', 'DELETE') then
      ${deleteOldPostings}
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
      insert into chunk_terms (lexeme, chunk_id, tf, chunk_length)
      select t.lexeme, n.id, cardinality(t.positions), n.tsv_length from new_rows n, unnest(n.tsv) t;
    end if;
    return null;
  end $$;`;

/**
 * Old postings are deleted by their primary key, (lexeme, chunk) from the old rows' tsvectors:
 * by chunk id alone nothing is indexed, so every update or delete of chunks scanned the whole
 * postings table (~80 ms at SciFact's 660k postings, growing with the corpus). An ingest's
 * upsert fires the update and delete triggers with no rows, which now skip at once.
 */
export class Migration20261126000300_chunk_postings_delete_by_key extends Migration {
  override up(): void {
    this.addSql(
      applyPostings(`
      if exists (select from old_rows) then
        delete from chunk_terms p
         using old_rows o, unnest(o.tsv) t
         where p.chunk_id = o.id and p.lexeme = t.lexeme collate "C";
      end if;`),
    );
  }

  override down(): void {
    this.addSql(applyPostings('delete from chunk_terms where chunk_id in (select id from old_rows);'));
  }
}
