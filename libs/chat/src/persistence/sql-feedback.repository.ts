import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { FeedbackRepository, type Feedback } from '../chat.ports';

@Injectable()
export class SqlFeedbackRepository extends FeedbackRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async save({ messageId, userId, rating, comment, at }: Feedback): Promise<void> {
    await this.em.getConnection().execute(
      `insert into message_feedback (message_id, user_id, rating, comment, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?)
       on conflict (message_id, user_id) do update set rating = excluded.rating, comment = excluded.comment, updated_at = excluded.updated_at`,
      [messageId, userId, rating, comment, at, at],
    );
  }
}
