import { InMemoryAccessDirectory } from '@app/testing/access';
import { ProcessDraining, type Actor } from '@app/platform';
import { InMemoryConversations } from '@app/testing/conversations';
import { Conversation, ConversationNotFound } from '@app/conversations';
import { AnswerGenerationFailed } from '../../domain/answer-generation-failed.error';
import { AttachmentNotFound, ChatRateLimited, ServerShuttingDown, TooManyStreams } from '../../domain/chat-errors';
import { ChatSettings } from '../../chat.settings';
import type { ChatMetrics } from '../../chat.ports';
import { RunningAnswers } from '../../streams/running-answers';
import type { ChatEvent } from './chat-events';
import { setTimeout as sleep } from 'node:timers/promises';
import { InMemoryAttachments, InMemoryStopSignals, InMemoryStreamSlots, namesOf, NoMetrics, readEvents, ScriptedAgent, streamWords } from '../../testing';
import { SendMessage } from './send-message.command';
import { ConversationAttachmentScope } from './conversation-attachment-scope';
import { SendMessageHandler } from './send-message.handler';

const alice: Actor = { userId: 'alice', role: 'member', departmentId: 'd1' };
const bob: Actor = { userId: 'bob', role: 'admin', departmentId: 'd1' };
const WORDS = ['Sixteen', ' weeks', ' [1].'];

describe('SendMessageHandler', () => {
  let conversations: InMemoryConversations;
  let slots: InMemoryStreamSlots;
  let stops: InMemoryStopSignals;
  let running: RunningAnswers;
  let attachments: InMemoryAttachments;
  const settings = new ChatSettings({ flushEveryMs: 10, leaseRenewEveryMs: 1000, shutdownGraceMs: 50, attachmentWaitMs: 200, attachmentPollMs: 10 });

  beforeEach(() => {
    conversations = new InMemoryConversations();
    slots = new InMemoryStreamSlots();
    stops = new InMemoryStopSignals();
    running = new RunningAnswers(settings, new ProcessDraining());
    attachments = new InMemoryAttachments();
  });

  // d1 sits under hq, so its readers also read hq's department documents.
  const access = new InMemoryAccessDirectory([
    { id: 'hq', parentId: null },
    { id: 'd1', parentId: 'hq' },
  ]);
  const handlerWith = (agent: ScriptedAgent, metrics: ChatMetrics = new NoMetrics()) =>
    new SendMessageHandler(conversations, conversations.messages, slots, running, access, stops, agent, metrics, settings, new ConversationAttachmentScope(attachments.asService(), settings));
  const answerRow = (id: string) => conversations.messages.rows.find((m) => m.id === id)!;
  /** The run goes on after its reader leaves; this waits until it has written the row. */
  const settled = async (id: string) => {
    for (let i = 0; i < 200 && answerRow(id).status === 'streaming'; i++) await sleep(5);
    return answerRow(id);
  };

  it('saves the question and a streaming answer before anything streams, titled from the question', async () => {
    const agent = new ScriptedAgent((run) => streamWords(run, WORDS, 5));
    const turn = await handlerWith(agent).execute(new SendMessage(alice, null, '  How long is parental leave? '));
    expect(conversations.rows.get(turn.ids.conversationId)).toMatchObject({ userId: 'alice', title: 'How long is parental leave?' });
    expect(conversations.messages.rows.map((m) => [m.role, m.status])).toEqual([
      ['user', 'complete'],
      ['assistant', 'streaming'],
    ]);
    expect(slots.held.has(turn.ids.assistantMessageId)).toBe(true);
    await readEvents(turn.events);
  });

  it('times the first token and the answer from when the request reached the process', async () => {
    const timed: Record<string, number> = {};
    const metrics = Object.assign(new NoMetrics(), {
      firstToken: (seconds: number) => (timed.firstToken = seconds),
      answered: (_outcome: string, seconds: number) => (timed.answered = seconds),
    });
    const turn = await handlerWith(new ScriptedAgent((run) => streamWords(run, WORDS)), metrics).execute(new SendMessage(alice, null, 'q', {}, performance.now() - 250));
    await readEvents(turn.events);
    expect(timed.firstToken).toBeGreaterThanOrEqual(0.25);
    expect(timed.firstToken).toBeLessThan(5);
    expect(timed.answered).toBeGreaterThanOrEqual(timed.firstToken);
  });

  it('streams statuses, tokens, citations and done, and stores the complete answer', async () => {
    const turn = await handlerWith(new ScriptedAgent((run) => streamWords(run, WORDS))).execute(new SendMessage(alice, null, 'q'));
    const events = await readEvents(turn.events);
    expect(namesOf(events)).toEqual(['status', 'status', 'token', 'token', 'token', 'citations', 'done']);
    expect(events.at(-1)!.data).toEqual({ assistantMessageId: turn.ids.assistantMessageId, finishReason: 'stop' });
    expect(answerRow(turn.ids.assistantMessageId)).toMatchObject({ status: 'complete', content: 'Sixteen weeks [1].', citations: [expect.objectContaining({ n: 1 })] });
    expect(slots.held.size).toBe(0);
  });

  it('passes the reader’s scope, narrowed by the filters, and earlier turns to the agent', async () => {
    const agent = new ScriptedAgent((run) => streamWords(run, WORDS));
    const handler = handlerWith(agent);
    const first = await handler.execute(new SendMessage(alice, null, 'first question'));
    await readEvents(first.events);
    const second = await handler.execute(new SendMessage(alice, first.ids.conversationId, 'follow-up', { fileIds: ['F2', 'f1'] }));
    await readEvents(second.events);
    expect(agent.runs[1].scope).toEqual({ readerDepartmentIds: ['d1', 'hq'], fileIds: ['f1', 'f2'] });
    expect(agent.runs[1].history).toEqual([
      { role: 'user', content: 'first question' },
      { role: 'assistant', content: 'Sixteen weeks [1].' },
    ]);
  });

  describe('with attachments', () => {
    const started = async (handler: SendMessageHandler) => {
      const first = await handler.execute(new SendMessage(alice, null, 'first question'));
      await readEvents(first.events);
      return first.ids.conversationId;
    };

    it('reads the conversation’s attachments beside the corpus and records those asked with on the question', async () => {
      const agent = new ScriptedAgent((run) => streamWords(run, WORDS));
      const handler = handlerWith(agent);
      const conversationId = await started(handler);
      attachments.attach(conversationId, 'a1');
      const turn = await handler.execute(new SendMessage(alice, conversationId, 'what does it say?', {}, undefined, null, ['A1']));
      await readEvents(turn.events);
      expect(agent.runs[1].scope).toEqual({ readerDepartmentIds: ['d1', 'hq'], conversation: { id: conversationId, ownerId: 'alice' } });
      expect(conversations.messages.rows.find((m) => m.id === turn.ids.userMessageId)?.attachmentIds).toEqual(['a1']);
    });

    it('answers another’s conversation as one that does not exist, whatever attachment ids come with it, never reading its attachments', async () => {
      const handler = handlerWith(new ScriptedAgent((run) => streamWords(run, WORDS)));
      const conversationId = await started(handler);
      attachments.attach(conversationId, 'a1');
      attachments.listed.length = 0;
      for (const attachmentIds of [['a1'], ['missing'], []]) {
        await expect(handler.execute(new SendMessage(bob, conversationId, 'q', {}, undefined, null, attachmentIds))).rejects.toBeInstanceOf(ConversationNotFound);
      }
      expect(attachments.listed).toEqual([]);
      expect(slots.held.size).toBe(0);
    });

    it('refuses an attachment of another conversation, or none at all, before saving anything', async () => {
      const handler = handlerWith(new ScriptedAgent((run) => streamWords(run, WORDS)));
      const conversationId = await started(handler);
      attachments.attach('another-conversation', 'a2');
      const rows = conversations.messages.rows.length;
      await expect(handler.execute(new SendMessage(alice, conversationId, 'q', {}, undefined, null, ['a2']))).rejects.toBeInstanceOf(AttachmentNotFound);
      await expect(handler.execute(new SendMessage(alice, null, 'q', {}, undefined, null, ['a2']))).rejects.toBeInstanceOf(AttachmentNotFound);
      expect(conversations.messages.rows).toHaveLength(rows);
      expect(slots.held.size).toBe(0);
    });

    it('waits for one still being ingested, saying so, then answers from a fresh search', async () => {
      const agent = new ScriptedAgent((run) => streamWords(run, WORDS));
      const handler = handlerWith(agent);
      const conversationId = await started(handler);
      attachments.attach(conversationId, 'a3', 'processing');
      const turn = await handler.execute(new SendMessage(alice, conversationId, 'q', {}, undefined, null, ['a3']));
      setTimeout(() => attachments.ready('a3'), 30);
      const events = await readEvents(turn.events);
      expect(events.find((e) => e.event === 'status')).toEqual({ event: 'status', data: { step: 'reading_attachments', detail: 'Still reading a3.docx' } });
      expect(agent.runs[1].prefetched.queries).toEqual([]);
      expect(namesOf(events).at(-1)).toBe('done');
    });

    it('says it could not read one that is not ready within the wait, without asking the agent', async () => {
      const agent = new ScriptedAgent((run) => streamWords(run, WORDS));
      const handler = handlerWith(agent);
      const conversationId = await started(handler);
      attachments.attach(conversationId, 'a4', 'queued');
      const turn = await handler.execute(new SendMessage(alice, conversationId, 'q', {}, undefined, null, ['a4']));
      const events = await readEvents(turn.events);
      expect(agent.runs).toHaveLength(1);
      const text = events.flatMap((e) => (e.event === 'token' ? [e.data.text] : [])).join('');
      expect(text).toContain('I could not read "a4.docx" yet');
      expect((await settled(turn.ids.assistantMessageId)).content).toBe(text);
    });
  });

  it('answers not found for someone else’s conversation, admins included, and gives the slot back', async () => {
    await conversations.save(Conversation.start('c1', 'alice', 'Mine', new Date()));
    const handler = handlerWith(new ScriptedAgent((run) => streamWords(run, WORDS)));
    await expect(handler.execute(new SendMessage(bob, 'c1', 'q'))).rejects.toBeInstanceOf(ConversationNotFound);
    expect(slots.held.size).toBe(0);
    expect(conversations.messages.rows).toEqual([]);
  });

  it('refuses with the limit that was hit', async () => {
    const handler = handlerWith(new ScriptedAgent((run) => streamWords(run, WORDS)));
    slots.refusal = { granted: false, reason: 'too_many_streams', retryAfterSeconds: 5 };
    await expect(handler.execute(new SendMessage(alice, null, 'q'))).rejects.toBeInstanceOf(TooManyStreams);
    slots.refusal = { granted: false, reason: 'rate_limited', retryAfterSeconds: 12 };
    await expect(handler.execute(new SendMessage(alice, null, 'q'))).rejects.toMatchObject({ retryAfterSeconds: 12, constructor: ChatRateLimited });
    expect(conversations.messages.rows).toEqual([]);
  });

  it('starts the agent’s first searches once the slot is granted, never for a refused request, and hands them to its run', async () => {
    const agent = new ScriptedAgent((run) => streamWords(run, WORDS));
    slots.refusal = { granted: false, reason: 'rate_limited', retryAfterSeconds: 12 };
    await expect(handlerWith(agent).execute(new SendMessage(alice, null, 'refused question'))).rejects.toBeInstanceOf(ChatRateLimited);
    slots.refusal = null;
    const turn = await handlerWith(agent).execute(new SendMessage(alice, null, 'granted question', { fileIds: ['f1'] }));
    await readEvents(turn.events);
    expect(agent.prefetched.map((p) => [p.question, p.scope])).toEqual([['granted question', { readerDepartmentIds: ['d1', 'hq'], fileIds: ['f1'] }]]);
    expect(agent.runs[0].prefetched).toBe(agent.prefetched[0].searches);
  });

  it('keeps the partial answer as interrupted, stops the agent and gives the slot back when the reader goes away', async () => {
    const agent = new ScriptedAgent((run) => streamWords(run, ['a', 'b', 'c', 'd', 'e'], 5));
    const turn = await handlerWith(agent).execute(new SendMessage(alice, null, 'q'));
    const events = await readEvents(turn.events, (event) => event.event === 'token' && event.data.text === 'b');
    expect(namesOf(events)).not.toContain('done');
    expect(await settled(turn.ids.assistantMessageId)).toMatchObject({ status: 'interrupted', content: 'ab', finishReason: 'stopped' });
    expect(agent.runs[0].signal.aborted).toBe(true);
    expect(slots.held.size).toBe(0);
  });

  it('ends with done stopped when a stop request arrives, keeping the partial answer', async () => {
    const turn = await handlerWith(new ScriptedAgent((run) => streamWords(run, ['a', 'b', 'c', 'd', 'e'], 5))).execute(new SendMessage(alice, null, 'q'));
    const reading = readEvents(turn.events);
    await sleep(7);
    await stops.request(turn.ids.assistantMessageId);
    const events = await reading;
    expect(namesOf(events).slice(-2)).toEqual(['citations', 'done']);
    expect(events.at(-1)!.data).toMatchObject({ finishReason: 'stopped' });
    const row = answerRow(turn.ids.assistantMessageId);
    expect(row.status).toBe('interrupted');
    expect(row.content.length).toBeLessThan(5);
  });

  it('lets a running answer finish when the process shuts down within the grace period', async () => {
    // A grace period no loaded machine outlasts: shutdown waits only until the answer ends.
    running = new RunningAnswers(new ChatSettings({ ...settings, shutdownGraceMs: 60_000 }), new ProcessDraining());
    const turn = await handlerWith(new ScriptedAgent((run) => streamWords(run, ['a', 'b', 'c'], 5))).execute(new SendMessage(alice, null, 'q'));
    const answering = readEvents(turn.events);
    await running.beforeApplicationShutdown();
    expect(namesOf(await answering).slice(-2)).toEqual(['citations', 'done']);
    expect(answerRow(turn.ids.assistantMessageId)).toMatchObject({ status: 'complete', content: 'abc' });
  });

  it('ends an answer still running after the grace period as interrupted, with an error event, before shutdown goes on', async () => {
    const words = Array.from({ length: 100 }, (_, i) => `w${i} `);
    const turn = await handlerWith(new ScriptedAgent((run) => streamWords(run, words, 5))).execute(new SendMessage(alice, null, 'q'));
    const answering = readEvents(turn.events);
    await running.beforeApplicationShutdown();
    // Shutdown went on only once the row was written and the slot given back.
    const row = answerRow(turn.ids.assistantMessageId);
    expect(row.status).toBe('interrupted');
    expect(row.content.length).toBeGreaterThan(0);
    expect(slots.held.size).toBe(0);
    expect((await answering).at(-1)).toEqual({ event: 'error', data: { code: 'server_shutting_down', message: expect.any(String) } });
  });

  it('refuses new questions once shutting down, saving nothing', async () => {
    await running.beforeApplicationShutdown();
    const handler = handlerWith(new ScriptedAgent((run) => streamWords(run, WORDS)));
    await expect(handler.execute(new SendMessage(alice, null, 'q'))).rejects.toBeInstanceOf(ServerShuttingDown);
    expect(conversations.messages.rows).toEqual([]);
    expect(slots.held.size).toBe(0);
  });

  it('turns a model failure into an error event and a failed answer', async () => {
    const failing = new ScriptedAgent(async (run) => {
      run.onToken('Par');
      throw new AnswerGenerationFailed(new Error('upstream 500'));
    });
    const turn = await handlerWith(failing).execute(new SendMessage(alice, null, 'q'));
    const events = await readEvents(turn.events);
    expect(events.at(-1)).toEqual({ event: 'error', data: { code: 'answer_generation_failed', message: expect.stringContaining('upstream 500') } });
    expect(answerRow(turn.ids.assistantMessageId)).toMatchObject({ status: 'failed', content: 'Par', errorCode: 'answer_generation_failed' });
    expect(slots.held.size).toBe(0);
  });

  it('writes the answer so far to its row while it still streams', async () => {
    let seenWhileStreaming = '';
    const agent = new ScriptedAgent(async (run) => {
      run.onToken('partial');
      await sleep(40);
      seenWhileStreaming = conversations.messages.rows[1].content;
      return streamWords(run, []);
    });
    const turn = await handlerWith(agent).execute(new SendMessage(alice, null, 'q'));
    await readEvents(turn.events);
    expect(seenWhileStreaming).toBe('partial');
  });
});

describe('SendMessageHandler, with nobody reading', () => {
  it('still ends the answer, writing its row and giving the slot back', async () => {
    const conversations = new InMemoryConversations();
    const slots = new InMemoryStreamSlots();
    const settings = new ChatSettings({ flushEveryMs: 10, leaseRenewEveryMs: 1000, shutdownGraceMs: 50 });
    const handler = new SendMessageHandler(
      conversations,
      conversations.messages,
      slots,
      new RunningAnswers(settings, new ProcessDraining()),
      new InMemoryAccessDirectory([{ id: 'd1', parentId: null }]),
      new InMemoryStopSignals(),
      new ScriptedAgent((run) => streamWords(run, WORDS)),
      new NoMetrics(),
      settings,
      new ConversationAttachmentScope(new InMemoryAttachments().asService(), settings),
    );
    const turn = await handler.execute(new SendMessage(alice, null, 'q'));
    for (let i = 0; i < 100 && slots.held.size > 0; i++) await sleep(5);
    expect(slots.held.size).toBe(0);
    expect(conversations.messages.rows.find((m) => m.id === turn.ids.assistantMessageId)).toMatchObject({ status: 'complete', content: 'Sixteen weeks [1].' });
    const late: ChatEvent[] = await readEvents(turn.events);
    expect(late.map((e) => e.event).slice(-2)).toEqual(['citations', 'done']);
  });
});
