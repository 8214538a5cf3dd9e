import { Migration } from '@mikro-orm/migrations';

export class Migration20261125000300_conversations extends Migration {
  override up(): void {
    this.addSql(`
      create table conversations (
        id uuid primary key,
        user_id uuid not null references users (id) on delete cascade,
        title text null check (char_length(title) between 1 and 200),
        created_at timestamptz not null,
        updated_at timestamptz not null
      );`);
    this.addSql(`create index conversations_user_activity on conversations (user_id, updated_at desc, id desc);`);
    this.addSql(`
      create table messages (
        id uuid primary key,
        conversation_id uuid not null references conversations (id) on delete cascade,
        role text not null check (role in ('user', 'assistant')),
        content text not null,
        citations jsonb not null default '[]',
        status text not null check (status in ('streaming', 'complete', 'interrupted', 'failed')),
        finish_reason text null,
        usage jsonb null,
        error_code text null,
        created_at timestamptz not null,
        updated_at timestamptz not null
      );`);
    this.addSql(`create index messages_conversation_created on messages (conversation_id, created_at, id);`);
    // The start-up sweep looks only for unfinished answers; a partial index keeps that cheap.
    this.addSql(`create index messages_streaming on messages (id) where status = 'streaming';`);
    this.addSql(`
      create table message_feedback (
        message_id uuid not null references messages (id) on delete cascade,
        user_id uuid not null references users (id) on delete cascade,
        rating text not null check (rating in ('up', 'down')),
        comment text null,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        primary key (message_id, user_id)
      );`);
  }

  override down(): void {
    this.addSql('drop table message_feedback;');
    this.addSql('drop table messages;');
    this.addSql('drop table conversations;');
  }
}
