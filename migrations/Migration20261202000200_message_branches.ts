import { Migration } from '@mikro-orm/migrations';

/**
 * Messages as a tree, for regenerating an answer and editing a question: each message names the
 * one it follows (`parent_id`), so a regenerated answer or an edited question is a sibling of
 * the one it replaces and both stay. At each point the sibling chosen last (`selected_at`: when
 * written, or switched to) is shown. Until now every conversation was one line: each message
 * follows the one before it, in the order the API listed them.
 */
export class Migration20261202000200_message_branches extends Migration {
  override up(): void {
    this.addSql(`alter table messages add column parent_id uuid null references messages (id) on delete cascade;`);
    this.addSql(`alter table messages add column selected_at timestamptz null;`);
    this.addSql(`
      update messages m set parent_id = ordered.previous, selected_at = m.created_at
        from (select id, lag(id) over (partition by conversation_id order by created_at, role desc, id) as previous from messages) ordered
       where ordered.id = m.id;`);
    this.addSql(`alter table messages alter column selected_at set not null;`);
    // A branch is walked from a message to its children.
    this.addSql(`create index messages_parent on messages (parent_id);`);
  }

  override down(): void {
    // Every message stays: a conversation that had versions then lists them all in time order.
    this.addSql(`drop index messages_parent;`);
    this.addSql(`alter table messages drop column selected_at;`);
    this.addSql(`alter table messages drop column parent_id;`);
  }
}
