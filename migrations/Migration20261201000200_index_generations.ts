import { Migration } from '@mikro-orm/migrations';

/**
 * Index generations, so a reindex never takes a file out of search. Each ingestion of a file
 * writes its chunks under a new generation, which search ignores until one statement moves the
 * file's `live_generation` to it; the older generation is purged after. Search admits a chunk
 * only when its generation is its file's live one, whatever the file's status, so a file being
 * reindexed (queued, processing, or failed) keeps answering with the chunks it had.
 */
export class Migration20261201000200_index_generations extends Migration {
  override up(): void {
    // Null until a first ingestion publishes one: such a file has nothing to serve.
    this.addSql(`alter table files add column live_generation int null check (live_generation >= 0);`);
    this.addSql(`alter table chunks add column generation int not null default 0 check (generation >= 0);`);
    // What search served until now: the chunks of ready files.
    this.addSql(`update files set live_generation = 0 where status = 'ready';`);
    // A generation's chunks are written, trimmed and purged by file and generation.
    this.addSql(`create index chunks_file_generation on chunks (file_id, generation, chunk_index);`);
    this.addSql(`drop index chunks_file_id;`);
  }

  override down(): void {
    this.addSql(`create index chunks_file_id on chunks (file_id, chunk_index);`);
    this.addSql(`drop index chunks_file_generation;`);
    // Only the live generation's chunks stay, as they were before generations.
    this.addSql(`delete from chunks c using files f where f.id = c.file_id and c.generation is distinct from f.live_generation;`);
    this.addSql(`alter table chunks drop column generation;`);
    this.addSql(`alter table files drop column live_generation;`);
  }
}
