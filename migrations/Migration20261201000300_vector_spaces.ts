import { Migration } from '@mikro-orm/migrations';

/**
 * Vector spaces: the Chroma collections of chunk vectors, one per embedding model, recorded here
 * so every process agrees which one searches read (`live`) and which one a re-embed is filling
 * (`building`). `base` is the deployment's CHROMA_COLLECTION, so deployments (or test suites)
 * sharing a database keep their own spaces. A re-embed fills a new space beside the live one
 * from the chunks already here, then one transaction makes it live; the old one is retired and
 * its collection dropped.
 */
export class Migration20261201000300_vector_spaces extends Migration {
  override up(): void {
    this.addSql(`
      create table vector_spaces (
        id uuid primary key,
        base text not null,
        collection text not null unique,
        model_id text not null,
        dimension int not null check (dimension > 0),
        state text not null check (state in ('building', 'live', 'retired', 'failed')),
        -- 'adopted': the collection that existed before spaces were recorded; 'reembed': built by one.
        origin text not null check (origin in ('adopted', 'reembed')),
        total_chunks int not null default 0,
        done_chunks int not null default 0,
        error_code text null,
        error_message text null,
        created_at timestamptz not null,
        finished_at timestamptz null,
        dropped_at timestamptz null
      );`);
    this.addSql(`create unique index vector_spaces_one_live on vector_spaces (base) where state = 'live';`);
    this.addSql(`create unique index vector_spaces_one_building on vector_spaces (base) where state = 'building';`);
    this.addSql(`create index vector_spaces_base_created on vector_spaces (base, created_at desc);`);
    // Which file generations a space being built already holds, so a re-embed resumes where it
    // was and knows when it is complete; ingestion records what it writes into such a space too.
    this.addSql(`
      create table vector_space_files (
        space_id uuid not null references vector_spaces (id) on delete cascade,
        file_id uuid not null references files (id) on delete cascade,
        generation int not null,
        chunk_count int not null,
        primary key (space_id, file_id, generation)
      );`);
    this.addSql(`create index vector_space_files_file on vector_space_files (file_id);`);
  }

  override down(): void {
    this.addSql('drop table vector_space_files;');
    this.addSql('drop table vector_spaces;');
  }
}
