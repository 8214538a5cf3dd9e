import type { Actor } from '@app/platform';
import { Conversation, Message, MessageNotFound } from '@app/conversations';
import { InMemoryConversations } from '@app/testing/conversations';
import { GenerationNotRunning } from '../../domain/chat-errors';
import { InMemoryStopSignals } from '../../testing';
import { StopGeneration } from './stop-generation.command';
import { StopGenerationHandler } from './stop-generation.handler';

const alice: Actor = { userId: 'alice', role: 'member', departmentId: 'd1' };
const admin: Actor = { userId: 'root', role: 'admin', departmentId: 'd1' };

describe('StopGenerationHandler', () => {
  let conversations: InMemoryConversations;
  let stops: InMemoryStopSignals;
  let stopped: string[];

  beforeEach(async () => {
    conversations = new InMemoryConversations();
    stops = new InMemoryStopSignals();
    stopped = [];
    const now = new Date();
    await conversations.saveWithMessages(Conversation.start('c1', 'alice', null, now), [Message.fromUser('q1', 'c1', 'q', now), Message.answerStarting('a1', 'c1', now)]);
    stops.listen('a1', () => stopped.push('a1'));
  });

  const handler = () => new StopGenerationHandler(conversations.messages, stops);

  it('signals the stream of the owner’s running answer', async () => {
    await handler().execute(new StopGeneration(alice, 'a1'));
    expect(stopped).toEqual(['a1']);
  });

  it('answers not found to anyone else, and for a user message', async () => {
    await expect(handler().execute(new StopGeneration(admin, 'a1'))).rejects.toBeInstanceOf(MessageNotFound);
    await expect(handler().execute(new StopGeneration(alice, 'q1'))).rejects.toBeInstanceOf(MessageNotFound);
    expect(stopped).toEqual([]);
  });

  it('refuses to stop an answer that already ended', async () => {
    conversations.messages.rows[1].status = 'complete';
    await expect(handler().execute(new StopGeneration(alice, 'a1'))).rejects.toBeInstanceOf(GenerationNotRunning);
  });
});
