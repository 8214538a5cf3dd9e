import { Migration } from '@mikro-orm/migrations';

/**
 * A third role, `department_admin`, who administers their own department's subtree; and the
 * single sign-on identity a user signs in with (the provider's issuer and subject), unique per
 * provider. The parent index serves the walks down the tree that access decisions make.
 */
export class Migration20261201001000_department_admins_and_sso extends Migration {
  override up(): void {
    this.addSql('alter table users drop constraint users_role_check;');
    this.addSql(`alter table users add constraint users_role_check check (role in ('admin', 'department_admin', 'member'));`);
    this.addSql('alter table users add column sso_issuer text null, add column sso_subject text null;');
    this.addSql('alter table users add constraint users_sso_identity_whole check ((sso_issuer is null) = (sso_subject is null));');
    this.addSql('create unique index users_sso_identity_unique on users (sso_issuer, sso_subject) where sso_subject is not null;');
    this.addSql('create index departments_parent on departments (parent_id);');
  }

  override down(): void {
    this.addSql('drop index departments_parent;');
    this.addSql('drop index users_sso_identity_unique;');
    this.addSql('alter table users drop constraint users_sso_identity_whole;');
    this.addSql('alter table users drop column sso_subject, drop column sso_issuer;');
    this.addSql(`update users set role = 'member' where role = 'department_admin';`);
    this.addSql('alter table users drop constraint users_role_check;');
    this.addSql(`alter table users add constraint users_role_check check (role in ('admin', 'member'));`);
  }
}
