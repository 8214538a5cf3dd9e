import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import request from 'supertest';
import { FakeOpenAiServer, type ChatReply, type RecordedRequest } from './support/fake-openai-server';
import { SseReader } from './support/sse-client';
import { createSession, startApi, type TestUser } from './support/test-app';
import { startWorker } from './support/test-worker';

// CHAT_AGENT=react: LangChain's tool-calling agent, its model an OpenAI-compatible server that
// plays a script of tool calls, answering through the same SSE events, guard and storage.
jest.setTimeout(120_000);

const tag = randomUUID().slice(0, 8);
const settings = {
  CHAT_AGENT: 'react',
  CHAT_MODEL: 'openai:fake-tool-model',
  OPENAI_API_KEY: 'test-key',
  OPENAI_MAX_RETRIES: '0',
  CHROMA_COLLECTION: `react_${tag}`,
  STORAGE_DIR: path.join(process.env.TEST_DATA_DIR ?? '/tmp', `react-blobs-${tag}`),
};

type WireMessage = { role: string; content: string | null; tool_calls?: { function: { name: string; arguments: string } }[] };
const messagesOf = (recorded: RecordedRequest): WireMessage[] => recorded.body.messages;
const toolResultsOf = (recorded: RecordedRequest) =>
  messagesOf(recorded)
    .filter((message) => message.role === 'tool')
    .map((message) => String(message.content));

async function ingest(app: INestApplication, admin: TestUser, name: string, text: string, departmentId: string): Promise<string> {
  const http = request(app.getHttpServer());
  const { body } = await http.post('/api/v1/files').set(admin.auth).field('departmentId', departmentId).field('visibility', 'department').attach('file', Buffer.from(text), name).expect(202);
  const deadline = Date.now() + 60_000;
  for (;;) {
    const file = (await http.get(`/api/v1/files/${body.id}`).set(admin.auth).expect(200)).body;
    if (file.status === 'ready') return file.id;
    if (file.status === 'failed' || Date.now() > deadline) throw new Error(`${name} ended ${file.status}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the ReAct agent (CHAT_AGENT=react)', () => {
  let fake: FakeOpenAiServer;
  let app: INestApplication;
  let url: string;
  let worker: INestApplicationContext;
  let member: TestUser;
  let leaveFileId: string;

  beforeAll(async () => {
    fake = await FakeOpenAiServer.start();
    const env = { ...settings, OPENAI_BASE_URL: fake.url };
    app = await startApi(env);
    await app.listen(0, '127.0.0.1');
    url = `${await app.getUrl()}/api/v1`;
    worker = await startWorker(env);
    member = await createSession(app, 'member');
    const outsider = await createSession(app, 'member');
    const admin = await createSession(app, 'admin', member.departmentId);
    leaveFileId = await ingest(app, admin, `leave-${tag}.md`, '# Parental leave\n\nEmployees receive sixteen weeks of paid parental leave.\n', member.departmentId);
    await ingest(
      app,
      admin,
      `nightingale-${tag}.md`,
      '# Project Nightingale\n\nProject Nightingale has a confidential budget of 4.2 million euros for parental leave tooling.\n',
      outsider.departmentId,
    );
  });
  afterAll(async () => {
    await worker?.close();
    await app?.close();
    await fake?.stop();
  });

  const script = (turns: ChatReply[]) => {
    const before = fake.chatRequests(true).length;
    fake.streamReply = (n) => turns[n - before] ?? { kind: 'error', status: 500, message: 'the script has ended' };
    return () => fake.chatRequests(true).slice(before);
  };

  it('searches with its tool inside the member’s access only, then streams an answer that cites what it found', async () => {
    const sent = script([
      { kind: 'tool_calls', calls: [{ name: 'search_documents', arguments: { query: 'parental leave budget Nightingale' } }] },
      { kind: 'stream', tokens: ['Sixteen weeks', ' of paid leave', ' [1]', '[7].'], usage: { prompt_tokens: 50, completion_tokens: 6, total_tokens: 56 } },
    ]);
    const stream = await SseReader.post(`${url}/chat`, member.auth, { message: 'How long is parental leave, and what is the Nightingale budget?' });
    await stream.all();

    expect(stream.names().join(' ')).toMatch(/^meta status status( token)+ citations done$/);
    expect(stream.events.filter((event) => event.event === 'status').map((event) => event.data.step)).toEqual(['retrieving', 'generating']);
    expect(stream.text()).toBe('Sixteen weeks of paid leave [1].');
    const citations = stream.events.find((event) => event.event === 'citations')!.data.citations;
    expect(citations).toEqual([expect.objectContaining({ n: 1, fileId: leaveFileId })]);
    expect(stream.events.at(-1)!.data).toMatchObject({ finishReason: 'stop' });

    const [first, second] = sent();
    expect(first.body.tools.map((t: { function: { name: string } }) => t.function.name)).toEqual(['search_documents']);
    // What the search handed the model: the member's file, never the other department's.
    const [result] = toolResultsOf(second);
    expect(result).toMatch(/sixteen weeks/i);
    expect(result).not.toMatch(/Nightingale|4\.2 million/);

    const { conversationId, assistantMessageId } = stream.events[0].data;
    const conversation = (await request(app.getHttpServer()).get(`/api/v1/conversations/${conversationId}`).set(member.auth).expect(200)).body;
    expect(conversation.messages.find((message: { id: string }) => message.id === assistantMessageId)).toMatchObject({
      content: 'Sixteen weeks of paid leave [1].',
      status: 'complete',
      citations: [expect.objectContaining({ n: 1, fileId: leaveFileId })],
    });
  });

  it('gives the model the conversation so far, and ends with an error event when the model fails mid-way', async () => {
    const firstTurn = script([{ kind: 'stream', tokens: ['Hello!'] }]);
    const opening = await SseReader.post(`${url}/chat`, member.auth, { message: 'Hi there' });
    await opening.all();
    expect(firstTurn()).toHaveLength(1);
    const { conversationId } = opening.events[0].data;

    const sent = script([
      { kind: 'tool_calls', calls: [{ name: 'search_documents', arguments: { query: 'leave' } }] },
      { kind: 'error', status: 500 },
    ]);
    const stream = await SseReader.post(`${url}/chat`, member.auth, { conversationId, message: 'And parental leave?' });
    await stream.all();
    expect(stream.names().at(-1)).toBe('error');
    expect(stream.events.at(-1)!.data.code).toBe('answer_generation_failed');
    const history = messagesOf(sent()[0])
      .filter((message) => message.role !== 'system')
      .map((message) => [message.role, message.content]);
    expect(history).toEqual([
      ['user', 'Hi there'],
      ['assistant', 'Hello!'],
      ['user', 'And parental leave?'],
    ]);
  });
});
