import { Migration } from '@mikro-orm/migrations';

export class Migration20261125000200_files extends Migration {
  override up(): void {
    this.addSql(`
      create table files (
        id uuid primary key,
        filename text not null,
        mime_type text not null,
        size_bytes bigint not null,
        sha256 text not null,
        department_id uuid not null references departments (id) on delete restrict,
        visibility text not null check (visibility in ('department', 'organization')),
        status text not null check (status in ('queued', 'processing', 'ready', 'failed')),
        stage text null check (stage in ('parsing', 'chunking', 'embedding', 'indexing')),
        progress real not null default 0,
        chunk_count int not null default 0,
        page_count int null,
        error_code text null,
        error_message text null,
        storage_key text not null,
        uploaded_by uuid not null,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        last_progress_at timestamptz null,
        ready_at timestamptz null,
        deleted_at timestamptz null
      );`);
    // One live copy of the same bytes per department; a file being purged no longer counts.
    this.addSql(`create unique index files_department_sha256_live on files (department_id, sha256) where deleted_at is null;`);
    this.addSql(`create index files_created_at_id on files (created_at, id);`);
    this.addSql(`create index files_status_live on files (status) where deleted_at is null;`);
    // array_to_string is only STABLE, and a generated column needs an IMMUTABLE expression; for
    // text[] it does not depend on any setting, so this wrapper may promise immutability.
    this.addSql(`
      create function chunk_heading_text(heading_path text[]) returns text
      language sql immutable parallel safe
      return coalesce(array_to_string(heading_path, ' '), '');`);
    this.addSql(`
      create table chunks (
        id uuid primary key,
        file_id uuid not null references files (id) on delete cascade,
        department_id uuid not null,
        visibility text not null check (visibility in ('department', 'organization')),
        chunk_index int not null,
        page int null,
        heading_path text[] not null default '{}',
        text text not null,
        tsv tsvector generated always as (
          to_tsvector('english', chunk_heading_text(heading_path) || ' ' || text)
        ) stored
      );`);
    this.addSql(`create index chunks_tsv on chunks using gin (tsv);`);
    this.addSql(`create index chunks_file_id on chunks (file_id, chunk_index);`);
    this.addSql(`create index chunks_department_visibility on chunks (department_id, visibility);`);
  }

  override down(): void {
    this.addSql('drop table chunks;');
    this.addSql('drop table files;');
    this.addSql('drop function chunk_heading_text(text[]);');
  }
}
