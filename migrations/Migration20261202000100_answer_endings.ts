import { Migration } from '@mikro-orm/migrations';

/**
 * How each answer ended (`complete`, `stopped`, `interrupted`, `failed`), for the usage report:
 * a status of `interrupted` covers both a stop the asker requested and an answer cut short by
 * the client leaving or the process ending. Null for questions and answers still streaming.
 * The indexes serve the admin reports, which read answers, conversations and feedback by time
 * across every conversation.
 */
export class Migration20261202000100_answer_endings extends Migration {
  override up(): void {
    this.addSql(`alter table messages add column ending text null check (ending in ('complete', 'stopped', 'interrupted', 'failed'));`);
    // Earlier answers cannot tell a requested stop from a client that left (both were stored
    // `interrupted` with finish reason `stopped`), so they count as interrupted, as stored.
    this.addSql(`update messages set ending = status where role = 'assistant' and status in ('complete', 'interrupted', 'failed');`);
    this.addSql(`create index messages_answers_created on messages (created_at) where role = 'assistant';`);
    this.addSql(`create index conversations_created on conversations (created_at);`);
    this.addSql(`create index message_feedback_updated on message_feedback (updated_at desc, message_id desc);`);
  }

  override down(): void {
    this.addSql('drop index message_feedback_updated;');
    this.addSql('drop index conversations_created;');
    this.addSql('drop index messages_answers_created;');
    this.addSql('alter table messages drop column ending;');
  }
}
