// The HTTP baseline: a bare NestJS app whose one route runs the same SQL as the product's
// GET /conversations through `pg`, as the same named prepared statement, for a fixed user — no
// guards, interceptors, validation, logging, metrics, rate limits or CQRS bus. What the product
// costs on top is read against it.
// Plain ESM, so decorators are applied as functions.
import 'reflect-metadata';
import { Controller, Get, Inject, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import pg from 'pg';

const POOL = Symbol('pg pool');
const PAGE = 20;
const LIST_SQL = `select c.id, c.title, c.created_at, c.updated_at,
        (select count(*) from messages m where m.conversation_id = c.id) as message_count
   from conversations c
  where c.user_id = $1
  order by c.updated_at desc, c.id desc
  limit $2`;

class ConversationsController {
  constructor(pool) {
    this.pool = pool;
  }

  async list() {
    const { rows } = await this.pool.query({ name: 'list-conversations', text: LIST_SQL, values: [process.env.BASELINE_USER_ID, PAGE + 1] });
    const items = rows.slice(0, PAGE).map((row) => ({
      id: row.id,
      title: row.title,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      messageCount: Number(row.message_count),
    }));
    const last = rows.length > PAGE ? items[PAGE - 1] : null;
    const nextCursor = last ? Buffer.from(JSON.stringify({ at: last.updatedAt, id: last.id })).toString('base64url') : null;
    return { items, nextCursor };
  }
}
Inject(POOL)(ConversationsController, undefined, 0);
Get()(ConversationsController.prototype, 'list', Object.getOwnPropertyDescriptor(ConversationsController.prototype, 'list'));
Controller('conversations')(ConversationsController);

class BaselineModule {}
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DATABASE_POOL_MAX ?? 10) });
Module({ controllers: [ConversationsController], providers: [{ provide: POOL, useValue: pool }] })(BaselineModule);

const app = await NestFactory.create(BaselineModule, { logger: ['error'] });
app.setGlobalPrefix('api/v1');
app.enableShutdownHooks();
await app.listen(Number(process.env.PORT), '127.0.0.1');
