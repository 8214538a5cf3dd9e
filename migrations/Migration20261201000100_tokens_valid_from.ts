import { Migration } from '@mikro-orm/migrations';

/**
 * Access tokens issued before a user's `tokens_valid_from` are refused (sign-out everywhere,
 * password change, disable), and those of a session whose refresh tokens were revoked: the
 * index finds a user's recently revoked sessions without reading every token they ever had.
 */
export class Migration20261201000100_tokens_valid_from extends Migration {
  override up(): void {
    this.addSql('alter table users add column tokens_valid_from timestamptz null;');
    this.addSql('create index refresh_tokens_user_revoked on refresh_tokens (user_id, revoked_at) where revoked_at is not null;');
  }

  override down(): void {
    this.addSql('drop index refresh_tokens_user_revoked;');
    this.addSql('alter table users drop column tokens_valid_from;');
  }
}
