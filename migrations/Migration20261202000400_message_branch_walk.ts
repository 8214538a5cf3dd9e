import { Migration } from '@mikro-orm/migrations';

/**
 * Indexes for walking a conversation's branch one message at a time instead of reading the whole
 * conversation: `messages_branch_step` finds a message's shown child (and its siblings) with
 * one index probe, `messages_latest_chosen` the version chosen last, where the shown branch's
 * end is found. A branch page then costs the same in a conversation of ten messages or of ten
 * thousand.
 */
export class Migration20261202000400_message_branch_walk extends Migration {
  override up(): void {
    this.addSql(`create index messages_branch_step on messages (conversation_id, parent_id, selected_at desc, created_at desc, id desc);`);
    this.addSql(`create index messages_latest_chosen on messages (conversation_id, selected_at desc, created_at desc, id desc);`);
  }

  override down(): void {
    this.addSql(`drop index messages_latest_chosen;`);
    this.addSql(`drop index messages_branch_step;`);
  }
}
