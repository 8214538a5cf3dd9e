import { Migration } from '@mikro-orm/migrations';

/**
 * The audit log. Entries are only ever inserted: a trigger refuses every update and delete, so
 * not even a bug in the application can rewrite history (a superuser's TRUNCATE still can).
 * `department_ids` says which departments an entry concerns; a department admin reads those that
 * overlap their subtree, through the GIN index.
 */
export class Migration20261201001100_audit_log extends Migration {
  override up(): void {
    this.addSql(`
      create table audit_entries (
        id uuid primary key,
        at timestamptz not null,
        actor_id uuid null,
        action text not null,
        target_type text not null,
        target_id text not null,
        request_id text null,
        detail jsonb not null default '{}',
        department_ids uuid[] not null default '{}'
      );`);
    this.addSql('create index audit_entries_at on audit_entries (at desc, id desc);');
    this.addSql('create index audit_entries_actor on audit_entries (actor_id, at desc);');
    this.addSql('create index audit_entries_action on audit_entries (action, at desc);');
    this.addSql('create index audit_entries_departments on audit_entries using gin (department_ids);');
    this.addSql(`
      create function audit_entries_are_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'audit entries cannot be changed or deleted';
      end $$;`);
    this.addSql(`
      create trigger audit_entries_append_only before update or delete on audit_entries
        for each row execute function audit_entries_are_append_only();`);
  }

  override down(): void {
    this.addSql('drop table audit_entries;');
    this.addSql('drop function audit_entries_are_append_only;');
  }
}
