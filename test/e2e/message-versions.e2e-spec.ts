import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { BaseMessage } from '@langchain/core/messages';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { ApiModule } from '../../apps/api/src/api.module';
import { configureHttpApp } from '@app/platform';
import { RecordingChatModel } from '@app/testing/chat';
import { SseReader } from './support/sse-client';
import { createSession, useTestEnvironment, type TestUser } from './support/test-app';

// Regenerate and edit-and-resend: every version kept as a sibling, the conversation showing one
// branch, and the model given that branch only (asserted on what the scripted model received).
jest.setTimeout(90_000);

describe('message versions (regenerate, edit and resend, switching)', () => {
  let app: INestApplication;
  let url: string;
  let member: TestUser;
  let stranger: TestUser;
  const model = new RecordingChatModel({ responses: ['First answer.', 'Second answer.', 'Regenerated answer.', 'Answer to the edit.', 'Answer after switching.'] });

  beforeAll(async () => {
    useTestEnvironment({ CHROMA_COLLECTION: `versions_${randomUUID().slice(0, 8)}` });
    const moduleRef = await Test.createTestingModule({ imports: [ApiModule.forRoot()] })
      .overrideProvider(BaseChatModel)
      .useValue(model)
      .compile();
    app = configureHttpApp(moduleRef.createNestApplication({ bufferLogs: true }));
    await app.listen(0, '127.0.0.1');
    url = `${await app.getUrl()}/api/v1`;
    member = await createSession(app, 'member');
    stranger = await createSession(app, 'member');
  });
  afterAll(async () => {
    await app?.close();
  });

  const http = () => request(app.getHttpServer());
  const conversationOf = async (id: string, user = member) => (await http().get(`/api/v1/conversations/${id}`).set(user.auth).expect(200)).body;
  const shown = (conversation: { messages: { content: string; siblingIndex: number; siblingCount: number }[] }) => conversation.messages.map((m) => `${m.content} ${m.siblingIndex}/${m.siblingCount}`);
  /** Streams one answer to its end; returns its meta and what the model was given for it. */
  async function answered(path: string, body: object) {
    const calls = model.calls.length;
    const stream = await SseReader.post(`${url}${path}`, member.auth, body);
    await stream.all();
    expect(stream.names().at(-1)).toBe('done');
    const given: BaseMessage[] = model.calls.slice(calls).at(-1)!;
    return { meta: stream.events[0].data, given: given.map((message) => message.text) };
  }

  it('keeps every version and gives the model only the branch it answers on', async () => {
    const first = await answered('/chat', { message: 'What is the leave policy?' });
    const conversationId = first.meta.conversationId;
    const second = await answered('/chat', { conversationId, message: 'And for part-time staff?' });
    // The next question follows the shown branch: its history is the first turn.
    expect(second.given.join('\n')).toContain('What is the leave policy?');

    // Regenerate the second answer: a sibling, the question answered again with the same history.
    const regenerated = await answered(`/chat/${second.meta.assistantMessageId}/regenerate`, {});
    expect(regenerated.meta).toMatchObject({ conversationId, userMessageId: second.meta.userMessageId });
    expect(regenerated.meta.assistantMessageId).not.toBe(second.meta.assistantMessageId);
    expect(regenerated.given.join('\n')).toContain('First answer.');
    expect(regenerated.given.join('\n')).not.toContain('Second answer.');
    expect(regenerated.given.at(-1)).toContain('And for part-time staff?');
    let conversation = await conversationOf(conversationId);
    expect(shown(conversation)).toEqual(['What is the leave policy? 1/1', 'First answer. 1/1', 'And for part-time staff? 1/1', 'Regenerated answer. 2/2']);
    expect(conversation.messages[3].siblingIds).toEqual([second.meta.assistantMessageId, regenerated.meta.assistantMessageId]);

    // Edit the second question: a new branch from the first answer, the old one kept.
    const edited = await answered(`/chat/${second.meta.userMessageId}/edit`, { message: 'And for contractors?' });
    expect(edited.given.at(-1)).toContain('And for contractors?');
    const history = edited.given.slice(1, -1).join('\n');
    expect(history).toContain('First answer.');
    expect(history).not.toMatch(/part-time|Second answer|Regenerated answer/);
    conversation = await conversationOf(conversationId);
    expect(shown(conversation)).toEqual(['What is the leave policy? 1/1', 'First answer. 1/1', 'And for contractors? 2/2', 'Answer to the edit. 1/1']);

    // Switch back to the first version of the question: its branch, with the answer chosen last.
    const switched = (await http().post(`/api/v1/conversations/${conversationId}/messages/${second.meta.userMessageId}/show`).set(member.auth).expect(200)).body;
    expect(shown(switched)).toEqual(['What is the leave policy? 1/1', 'First answer. 1/1', 'And for part-time staff? 1/2', 'Regenerated answer. 2/2']);
    // And the next question follows it: nothing of the contractors branch reaches the model.
    const after = await answered('/chat', { conversationId, message: 'Thanks, anything else?' });
    const afterHistory = after.given.slice(1, -1).join('\n');
    expect(afterHistory).toContain('Regenerated answer.');
    expect(afterHistory).not.toMatch(/contractors|Answer to the edit|Second answer/);
    expect((await conversationOf(conversationId)).messages).toHaveLength(6);
  });

  it('refuses other people’s messages, the wrong kind of message, and a switch across conversations, in the error shape', async () => {
    const mine = await answered('/chat', { message: 'Who approves leave?' });
    const other = await answered('/chat', { message: 'Unrelated question' });
    const expectError = async (call: request.Test, status: number, code: string) => expect((await call.expect(status)).body).toMatchObject({ statusCode: status, code });

    await expectError(http().post(`/api/v1/chat/${mine.meta.assistantMessageId}/regenerate`).set(stranger.auth).send({}), 404, 'message_not_found');
    await expectError(http().post(`/api/v1/chat/${mine.meta.userMessageId}/edit`).set(stranger.auth).send({ message: 'mine now' }), 404, 'message_not_found');
    await expectError(http().post(`/api/v1/chat/${mine.meta.userMessageId}/regenerate`).set(member.auth).send({}), 404, 'message_not_found');
    await expectError(http().post(`/api/v1/chat/${mine.meta.assistantMessageId}/edit`).set(member.auth).send({ message: 'x' }), 404, 'message_not_found');
    await expectError(http().post(`/api/v1/chat/${mine.meta.userMessageId}/edit`).set(member.auth).send({ message: '   ' }), 400, 'validation_failed');
    await expectError(http().post(`/api/v1/chat/not-a-uuid/regenerate`).set(member.auth).send({}), 400, 'validation_failed');
    await expectError(http().post(`/api/v1/conversations/${mine.meta.conversationId}/messages/${other.meta.userMessageId}/show`).set(member.auth), 404, 'message_not_found');
    await expectError(http().post(`/api/v1/conversations/${mine.meta.conversationId}/messages/${mine.meta.userMessageId}/show`).set(stranger.auth), 404, 'conversation_not_found');
    // Nothing was added by the refusals.
    expect((await conversationOf(mine.meta.conversationId)).messages).toHaveLength(2);
  });
});
