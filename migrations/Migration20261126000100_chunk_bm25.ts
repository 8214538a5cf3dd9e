import { Migration } from '@mikro-orm/migrations';

/**
 * What BM25 needs beyond the tsvector: each chunk's length in indexed words (the positions of
 * its lexemes, so stopwords do not count) and the corpus's chunk count and total length.
 * Document frequencies are counted at query time from the GIN index, so they need no upkeep.
 */
export class Migration20261126000100_chunk_bm25 extends Migration {
  override up(): void {
    this.addSql(`
      create function tsvector_position_count(vector tsvector) returns int
      language sql immutable parallel safe
      return (select coalesce(sum(cardinality(positions)), 0)::int from unnest(vector));`);
    // A generated column cannot read another one, so the tsvector expression is repeated.
    this.addSql(`
      alter table chunks add column tsv_length int not null generated always as (
        tsvector_position_count(to_tsvector('english', chunk_heading_text(heading_path) || ' ' || text))
      ) stored;`);

    // One row, kept exact by statement-level triggers, so a search never scans the table for it.
    this.addSql(`
      create table chunk_text_stats (
        singleton boolean primary key default true check (singleton),
        chunk_count bigint not null,
        total_length bigint not null
      );`);
    this.addSql(`insert into chunk_text_stats (chunk_count, total_length) select count(*), coalesce(sum(tsv_length), 0) from chunks;`);
    this.addSql(`
      create function chunk_text_stats_apply() returns trigger language plpgsql as $$
      declare
        count_delta bigint := 0;
        length_delta bigint := 0;
      begin
        -- Each branch reads only the transition tables its event has.
        if tg_op = 'TRUNCATE' then
          update chunk_text_stats set chunk_count = 0, total_length = 0;
          return null;
        elsif tg_op = 'INSERT' then
          select count(*), coalesce(sum(tsv_length), 0) into count_delta, length_delta from new_rows;
        elsif tg_op = 'DELETE' then
          select -count(*), -coalesce(sum(tsv_length), 0) into count_delta, length_delta from old_rows;
        else
          select coalesce(sum(tsv_length), 0) - (select coalesce(sum(tsv_length), 0) from old_rows) into length_delta from new_rows;
        end if;
        if count_delta <> 0 or length_delta <> 0 then
          update chunk_text_stats set chunk_count = chunk_count + count_delta, total_length = total_length + length_delta;
        end if;
        return null;
      end $$;`);
    // A trigger with transition tables may name one event only, hence three of them.
    this.addSql(`
      create trigger chunk_text_stats_insert after insert on chunks referencing new table as new_rows
      for each statement execute function chunk_text_stats_apply();`);
    this.addSql(`
      create trigger chunk_text_stats_update after update on chunks referencing old table as old_rows new table as new_rows
      for each statement execute function chunk_text_stats_apply();`);
    this.addSql(`
      create trigger chunk_text_stats_delete after delete on chunks referencing old table as old_rows
      for each statement execute function chunk_text_stats_apply();`);
    this.addSql(`create trigger chunk_text_stats_truncate after truncate on chunks for each statement execute function chunk_text_stats_apply();`);
  }

  override down(): void {
    this.addSql('drop trigger chunk_text_stats_truncate on chunks;');
    this.addSql('drop trigger chunk_text_stats_delete on chunks;');
    this.addSql('drop trigger chunk_text_stats_update on chunks;');
    this.addSql('drop trigger chunk_text_stats_insert on chunks;');
    this.addSql('drop function chunk_text_stats_apply();');
    this.addSql('drop table chunk_text_stats;');
    this.addSql('alter table chunks drop column tsv_length;');
    this.addSql('drop function tsvector_position_count(tsvector);');
  }
}
