import { Migration } from '@mikro-orm/migrations';

export class Migration20261125000100_org extends Migration {
  override up(): void {
    this.addSql(`
      create table departments (
        id uuid primary key,
        name text not null,
        parent_id uuid null references departments (id) on delete restrict,
        created_at timestamptz not null
      );`);
    this.addSql(`create unique index departments_parent_name_unique on departments (parent_id, lower(name)) nulls not distinct;`);
    this.addSql(`
      create table users (
        id uuid primary key,
        email text not null,
        password_hash text not null,
        display_name text not null,
        role text not null check (role in ('admin', 'member')),
        department_id uuid not null references departments (id) on delete restrict,
        disabled_at timestamptz null,
        created_at timestamptz not null,
        updated_at timestamptz not null
      );`);
    this.addSql(`create unique index users_email_unique on users (email);`);
    this.addSql(`create index users_created_at_id on users (created_at, id);`);
    this.addSql(`
      create table refresh_tokens (
        id uuid primary key,
        family_id uuid not null,
        user_id uuid not null references users (id) on delete cascade,
        secret_hash text not null,
        expires_at timestamptz not null,
        created_at timestamptz not null,
        rotated_at timestamptz null,
        revoked_at timestamptz null
      );`);
    this.addSql(`create index refresh_tokens_family on refresh_tokens (family_id);`);
    this.addSql(`create index refresh_tokens_user on refresh_tokens (user_id);`);
  }

  override down(): void {
    this.addSql('drop table refresh_tokens;');
    this.addSql('drop table users;');
    this.addSql('drop table departments;');
  }
}
