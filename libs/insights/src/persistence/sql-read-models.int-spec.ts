import type { INestApplication } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { Conversation, ConversationRepository, Message, MessageRepository } from '@app/conversations';
import { CreateDepartment } from '@app/org';
import { PreparedQueries, type Actor } from '@app/platform';
import { createSession, inOrmContext, startApi, type TestUser } from '../../../../test/e2e/support/test-app';
import { FeedbackReadModel, UsageReadModel } from '../insights.ports';

const system: Actor = { userId: '00000000-0000-0000-0000-000000000000', role: 'admin', departmentId: '00000000-0000-0000-0000-000000000000' };
// A day no other suite writes to, so the figures are this file's own.
const DAY = '2031-05-05';
const at = (minute: number) => new Date(Date.parse(`${DAY}T08:00:00.000Z`) + minute * 60_000);

describe('admin report read models (PostgreSQL)', () => {
  let app: INestApplication;
  let root: string;
  let child: string;
  let sibling: string;
  const users: Record<'root' | 'child' | 'sibling', TestUser> = {} as never;
  const answers: Record<string, string> = {};

  beforeAll(async () => {
    app = await startApi();
    const commands = app.get(CommandBus);
    const department = (name: string, parentId: string | null) => inOrmContext(app, () => commands.execute(new CreateDepartment(system, `${name} ${randomUUID().slice(0, 6)}`, parentId)));
    root = (await department('Root', null)).id;
    child = (await department('Child', root)).id;
    sibling = (await department('Sibling', null)).id;
    users.root = await createSession(app, 'member', root);
    users.child = await createSession(app, 'member', child);
    users.sibling = await createSession(app, 'member', sibling);

    // One turn each, answered through the message repository as the chat does.
    for (const [index, who] of (['root', 'child', 'sibling'] as const).entries()) {
      const conversation = Conversation.startedBy(randomUUID(), users[who].id, `Question of ${who}`, at(index));
      const question = Message.fromUser(randomUUID(), conversation.id, `Question of ${who}`, at(index));
      const answer = Message.answerStarting(randomUUID(), conversation.id, at(index), question.id);
      answers[who] = answer.id;
      await inOrmContext(app, () => app.get(ConversationRepository).saveWithMessages(conversation, [question, answer]));
    }
    const messages = app.get(MessageRepository);
    await inOrmContext(app, () =>
      messages.finish(
        answers.root,
        { status: 'complete', ending: 'complete', content: 'Root answer', citations: [], finishReason: 'stop', usage: { inputTokens: 40, outputTokens: 5, totalTokens: 45 }, errorCode: null },
        at(1),
      ),
    );
    await inOrmContext(app, () =>
      messages.finish(answers.child, { status: 'interrupted', ending: 'stopped', content: 'Child', citations: [], finishReason: 'stopped', usage: null, errorCode: null }, at(2)),
    );
    await inOrmContext(app, () => messages.markInterrupted([answers.sibling], at(3)));
    const queries = app.get(PreparedQueries);
    for (const who of ['root', 'child', 'sibling'] as const) {
      await queries.rowCount(`insert into message_feedback (message_id, user_id, rating, comment, created_at, updated_at) values (?, ?, 'down', null, ?, ?)`, [
        answers[who],
        users[who].id,
        at(10),
        at(10),
      ]);
    }
  });
  afterAll(() => app?.close());

  const range = { start: new Date(`${DAY}T00:00:00.000Z`), endExclusive: new Date(Date.parse(`${DAY}T00:00:00.000Z`) + 86_400_000) };

  it('counts a department subtree: the root and the departments below it, not a sibling', async () => {
    const rows = await app.get(UsageReadModel).daily({ kind: 'subtree', rootDepartmentId: root }, range.start, range.endExclusive);
    expect(rows.map((row) => [row.day, row.department.id, row.conversations, row.answers, row.inputTokens, row.outputTokens, row.answersWithoutUsage])).toEqual(
      expect.arrayContaining([
        [DAY, root, 1, { complete: 1, stopped: 0, interrupted: 0, failed: 0 }, 40, 5, 0],
        [DAY, child, 1, { complete: 0, stopped: 1, interrupted: 0, failed: 0 }, 0, 0, 1],
      ]),
    );
    expect(rows).toHaveLength(2);
  });

  it('records the sweep of an orphaned answer as interrupted', async () => {
    const rows = await app.get(UsageReadModel).daily({ kind: 'organization' }, range.start, range.endExclusive);
    expect(rows.find((row) => row.department.id === sibling)?.answers).toEqual({ complete: 0, stopped: 0, interrupted: 1, failed: 0 });
  });

  it('lists feedback of the subtree only, with each answer’s own question', async () => {
    const items = await app.get(FeedbackReadModel).list({ scope: { kind: 'subtree', rootDepartmentId: root }, rating: 'down', range }, 10, null);
    expect(items.map((item) => [item.assistantMessageId, item.question, item.ending]).sort()).toEqual(
      [
        [answers.root, 'Question of root', 'complete'],
        [answers.child, 'Question of child', 'stopped'],
      ].sort(),
    );
    const everyone = await app.get(FeedbackReadModel).list({ scope: { kind: 'organization' }, rating: null, range }, 10, null);
    expect(everyone.map((item) => item.assistantMessageId)).toEqual(expect.arrayContaining([answers.root, answers.child, answers.sibling]));
  });

  it('gives a regenerated answer, and an answer to an edited question, the question each replies to', async () => {
    // Another day, so the figures above stay this file's first conversations alone.
    const day = '2031-05-06';
    const on = (minute: number) => new Date(Date.parse(`${day}T08:00:00.000Z`) + minute * 60_000);
    const queries = app.get(PreparedQueries);
    const conversationId = randomUUID();
    await queries.rowCount(`insert into conversations (id, user_id, title, created_at, updated_at) values (?, ?, 'Versions', ?, ?)`, [conversationId, users.root.id, on(0), on(0)]);
    const insert = async (role: 'user' | 'assistant', content: string, parentId: string | null, minute: number) => {
      const id = randomUUID();
      await queries.rowCount(
        `insert into messages (id, conversation_id, role, content, status, ending, created_at, updated_at, selected_at, parent_id) values (?, ?, ?, ?, 'complete', ?, ?, ?, ?, ?)`,
        [id, conversationId, role, content, role === 'assistant' ? 'complete' : null, on(minute), on(minute), on(minute), parentId],
      );
      return id;
    };
    // Asked, then edited (a sibling question with its own answer), then the first answer
    // regenerated: the regenerated answer is newer than the edited question beside it.
    const asked = await insert('user', 'The question as first asked', null, 0);
    await insert('assistant', 'The first answer', asked, 0);
    const edited = await insert('user', 'The question as edited', null, 1);
    const toEdited = await insert('assistant', 'The answer to the edit', edited, 1);
    const regenerated = await insert('assistant', 'The regenerated answer', asked, 2);
    for (const id of [toEdited, regenerated]) {
      await queries.rowCount(`insert into message_feedback (message_id, user_id, rating, comment, created_at, updated_at) values (?, ?, 'up', null, ?, ?)`, [id, users.root.id, on(3), on(3)]);
    }

    const dayRange = { start: new Date(`${day}T00:00:00.000Z`), endExclusive: new Date(`2031-05-07T00:00:00.000Z`) };
    const items = await app.get(FeedbackReadModel).list({ scope: { kind: 'organization' }, rating: 'up', range: dayRange }, 10, null);
    expect(Object.fromEntries(items.map((item) => [item.answer, item.question]))).toEqual({
      'The regenerated answer': 'The question as first asked',
      'The answer to the edit': 'The question as edited',
    });
  });
});
