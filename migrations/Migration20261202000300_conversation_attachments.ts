import { Migration } from '@mikro-orm/migrations';

/**
 * Attachments (issue 21): a person's own documents on one of their conversations, stored and
 * ingested as files with `conversation` visibility. The file and its chunks name the conversation
 * (the chunks' copy, like department and visibility, lets the access condition use an index); no
 * foreign key to it, since a conversation's deletion goes through the file deletion path (soft
 * delete, then the purge job), which must still find its files. An attachment is nobody's
 * duplicate: the department's one-live-copy rule covers the corpus only. A question records the
 * attachments it was asked with.
 */
export class Migration20261202000300_conversation_attachments extends Migration {
  override up(): void {
    this.addSql(`alter table files add column conversation_id uuid null;`);
    this.addSql(`alter table files drop constraint files_visibility_check;`);
    this.addSql(`
      alter table files add constraint files_visibility_check check (
        (visibility in ('department', 'organization') and conversation_id is null) or (visibility = 'conversation' and conversation_id is not null)
      );`);
    this.addSql(`drop index files_department_sha256_live;`);
    this.addSql(`create unique index files_department_sha256_live on files (department_id, sha256) where deleted_at is null and conversation_id is null;`);
    this.addSql(`create index files_conversation_live on files (conversation_id) where deleted_at is null and conversation_id is not null;`);
    this.addSql(`create index files_attachments_by_owner on files (uploaded_by) where deleted_at is null and visibility = 'conversation';`);

    this.addSql(`alter table chunks add column conversation_id uuid null;`);
    this.addSql(`alter table chunks drop constraint chunks_visibility_check;`);
    this.addSql(`alter table chunks add constraint chunks_visibility_check check (visibility in ('department', 'organization', 'conversation'));`);

    this.addSql(`alter table messages add column attachment_ids jsonb not null default '[]';`);
  }

  override down(): void {
    this.addSql(`alter table messages drop column attachment_ids;`);
    this.addSql(`delete from chunks where visibility = 'conversation';`);
    this.addSql(`alter table chunks drop constraint chunks_visibility_check;`);
    this.addSql(`alter table chunks add constraint chunks_visibility_check check (visibility in ('department', 'organization'));`);
    this.addSql(`alter table chunks drop column conversation_id;`);
    this.addSql(`delete from files where visibility = 'conversation';`);
    this.addSql(`drop index files_attachments_by_owner;`);
    this.addSql(`drop index files_conversation_live;`);
    this.addSql(`drop index files_department_sha256_live;`);
    this.addSql(`create unique index files_department_sha256_live on files (department_id, sha256) where deleted_at is null;`);
    this.addSql(`alter table files drop constraint files_visibility_check;`);
    this.addSql(`alter table files add constraint files_visibility_check check (visibility in ('department', 'organization'));`);
    this.addSql(`alter table files drop column conversation_id;`);
  }
}
