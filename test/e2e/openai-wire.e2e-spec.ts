import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import request from 'supertest';
import { FakeOpenAiServer, type ChatReply } from './support/fake-openai-server';
import { SseReader } from './support/sse-client';
import { createSession, startApi, type TestUser } from './support/test-app';
import { startWorker } from './support/test-worker';
import { waitFor } from './support/eventually';

const waitForWire = (what: string, check: () => boolean) => waitFor(what, check, { intervalMs: 20 });

// The OpenAI-compatible providers against an in-process server speaking the wire protocol:
// what the product sends, and what it makes of streams, usage, errors, cuts, stalls and stops.
jest.setTimeout(120_000);

const tag = randomUUID().slice(0, 8);
const QUESTION = 'How do I restart the ingestion worker safely?';

async function listeningApi(env: Record<string, string>): Promise<{ app: INestApplication; url: string }> {
  const app = await startApi(env);
  await app.listen(0, '127.0.0.1');
  return { app, url: `${await app.getUrl()}/api/v1` };
}

describe('OpenAI-compatible providers on the wire', () => {
  let fake: FakeOpenAiServer;

  beforeAll(async () => {
    fake = await FakeOpenAiServer.start();
  });
  afterAll(async () => {
    await fake?.stop();
  });

  describe('chat completions (CHAT_MODEL=openai:…, through initChatModel)', () => {
    let api: { app: INestApplication; url: string };
    let member: TestUser;

    beforeAll(async () => {
      api = await listeningApi({
        CHAT_MODEL: 'openai:fake-chat-model',
        OPENAI_BASE_URL: fake.url,
        OPENAI_API_KEY: 'test-key',
        OPENAI_MAX_RETRIES: '1',
        OPENAI_TIMEOUT_MS: '1500',
        CHROMA_COLLECTION: `wire_chat_${tag}`,
      });
      member = await createSession(api.app, 'member');
    });
    afterAll(async () => {
      await api?.app.close();
    });

    const script = (replies: (n: number) => ChatReply) => {
      const before = fake.chatRequests(true).length;
      fake.streamReply = (n) => replies(n - before);
      return () => fake.chatRequests(true).slice(before);
    };
    const ask = () => SseReader.post(`${api.url}/chat`, member.auth, { message: QUESTION });
    const stored = async (stream: SseReader) => {
      const { conversationId, assistantMessageId } = stream.events[0].data;
      const conversation = (await request(api.app.getHttpServer()).get(`/api/v1/conversations/${conversationId}`).set(member.auth).expect(200)).body;
      return conversation.messages.find((message: { id: string }) => message.id === assistantMessageId);
    };

    it('streams a completion as token events, ends with the usage it reported, and stores the answer', async () => {
      const sent = script(() => ({ kind: 'stream', tokens: ['Send', ' SIGTERM;', ' it', ' finishes', ' its', ' jobs.'], usage: { prompt_tokens: 42, completion_tokens: 6, total_tokens: 48 } }));
      const stream = await ask();
      await stream.all();
      expect(stream.names().join(' ')).toMatch(/^meta( status)+( token)+ citations done$/);
      expect(stream.text()).toBe('Send SIGTERM; it finishes its jobs.');
      expect(stream.events.at(-1)!.data).toEqual({
        assistantMessageId: stream.events[0].data.assistantMessageId,
        finishReason: 'stop',
        usage: { inputTokens: 42, outputTokens: 6, totalTokens: 48 },
      });
      expect(await stored(stream)).toMatchObject({ status: 'complete', content: 'Send SIGTERM; it finishes its jobs.' });

      const [upstream] = sent();
      expect(sent()).toHaveLength(1);
      expect(upstream.headers.authorization).toBe('Bearer test-key');
      expect(upstream.body).toMatchObject({ model: 'fake-chat-model', stream: true, stream_options: { include_usage: true } });
      expect(JSON.stringify(upstream.body.messages)).toContain(QUESTION);
      // The agent's own decisions went to the same endpoint, unstreamed.
      expect(fake.chatRequests(false).length).toBeGreaterThan(0);
    });

    it('retries a 429 after its Retry-After and then answers', async () => {
      const sent = script((n) => (n === 0 ? { kind: 'error', status: 429, headers: { 'retry-after': '1' } } : { kind: 'stream', tokens: ['Answered', ' after', ' waiting.'] }));
      const stream = await ask();
      await stream.all();
      expect(stream.names().at(-1)).toBe('done');
      expect(stream.text()).toBe('Answered after waiting.');
      const [limited, retried] = sent();
      expect(sent()).toHaveLength(2);
      expect(retried.receivedAt - limited.receivedAt).toBeGreaterThanOrEqual(950);
    });

    it('gives up on a provider that keeps answering 429, with a model_rate_limited error event after a bounded number of tries', async () => {
      const sent = script(() => ({ kind: 'error', status: 429, headers: { 'retry-after': '1' }, message: 'Rate limit reached for fake-chat-model in organization org-secret' }));
      const stream = await ask();
      await stream.all();
      expect(stream.events.at(-1)).toMatchObject({ event: 'error', data: { code: 'model_rate_limited', requestId: expect.any(String) } });
      expect(JSON.stringify(stream.events.at(-1))).not.toContain('org-secret');
      expect(sent()).toHaveLength(2); // the first try and OPENAI_MAX_RETRIES=1
      expect(await stored(stream)).toMatchObject({ status: 'failed' });
    });

    it('retries a 500 once, then reports answer_generation_failed and stores the answer failed', async () => {
      const sent = script(() => ({ kind: 'error', status: 500 }));
      const stream = await ask();
      await stream.all();
      expect(stream.events.at(-1)).toMatchObject({ event: 'error', data: { code: 'answer_generation_failed' } });
      expect(stream.names()).not.toContain('done');
      expect(sent()).toHaveLength(2);
      expect(await stored(stream)).toMatchObject({ status: 'failed', content: '' });
    });

    it('keeps the partial answer of a stream cut halfway, stores it failed and sends an error event', async () => {
      script(() => ({ kind: 'stream', tokens: ['The', ' first', ' half', ' and', ' the', ' rest'], after: { tokens: 3, then: 'destroy' } }));
      const stream = await ask();
      await stream.all();
      expect(stream.text()).toBe('The first half');
      expect(stream.events.at(-1)).toMatchObject({ event: 'error', data: { code: 'answer_generation_failed' } });
      expect(await stored(stream)).toMatchObject({ status: 'failed', content: 'The first half' });
    });

    it('does not take a stream that ends cleanly without a finish_reason for a complete answer', async () => {
      script(() => ({ kind: 'stream', tokens: ['Cut', ' by', ' a', ' proxy'], finishReason: null }));
      const stream = await ask();
      await stream.all();
      expect(stream.events.at(-1)).toMatchObject({ event: 'error', data: { code: 'answer_generation_failed', message: expect.stringContaining('finish_reason') } });
      expect(await stored(stream)).toMatchObject({ status: 'failed', content: 'Cut by a proxy' });
    });

    it('stops waiting for a first byte that does not come within OPENAI_TIMEOUT_MS, closing the request, and reports it', async () => {
      const sent = script(() => ({ kind: 'stream', tokens: ['Too', ' late'], headerDelayMs: 60_000 }));
      const stream = await ask();
      // Well before the fake would answer: the timeout (1.5 s) and one retry end it.
      await stream.all(20_000);
      // (The client says "Request timed out."; under Jest's module sandbox the same abort reads as "Connection error.")
      expect(stream.events.at(-1)).toMatchObject({ event: 'error', data: { code: 'answer_generation_failed' } });
      await waitForWire('the upstream requests closed', () => sent().length === 2 && sent().every((upstream) => upstream.closedByClient));
    });

    it('ends a stream that opens and then sends nothing within OPENAI_TIMEOUT_MS, closing the request, and keeps what came', async () => {
      const sent = script(() => ({ kind: 'stream', tokens: ['Started', ' then', ' stalled'], after: { tokens: 1, then: 'hold' } }));
      const stream = await ask();
      await stream.all(20_000);
      expect(stream.text()).toBe('Started');
      expect(stream.events.at(-1)).toMatchObject({ event: 'error', data: { code: 'answer_generation_failed', message: expect.stringContaining('sent nothing for 1500 ms') } });
      await waitForWire('the upstream request closed', () => sent()[0]?.closedByClient === true);
      expect(await stored(stream)).toMatchObject({ status: 'failed', content: 'Started' });
    });

    it('aborts the upstream request on a stop, keeps the partial answer and ends with done: stopped', async () => {
      const sent = script(() => ({ kind: 'stream', tokens: ['Half', ' an', ' answer', ' then', ' silence'], after: { tokens: 2, then: 'hold' } }));
      const stream = await ask();
      await stream.until('token');
      await waitForWire('both held tokens streamed', () => stream.text() === 'Half an');
      const { assistantMessageId } = stream.events[0].data;
      await request(api.app.getHttpServer()).post(`/api/v1/chat/${assistantMessageId}/stop`).set(member.auth).expect(202);
      await stream.all();
      expect(stream.events.at(-1)).toMatchObject({ event: 'done', data: { finishReason: 'stopped' } });
      await waitForWire('the fake saw its request closed', () => sent()[0]?.closedByClient === true);
      expect(await stored(stream)).toMatchObject({ status: 'interrupted', content: 'Half an' });
    });
  });

  describe('embeddings (EMBEDDING_PROVIDER=openai), through ingestion and the search', () => {
    const upload = async (api: { app: INestApplication }, admin: TestUser, text: string) => {
      const http = request(api.app.getHttpServer());
      const { body } = await http.post('/api/v1/files').set(admin.auth).attach('file', Buffer.from(text), `runbook-${randomUUID()}.md`).expect(202);
      const deadline = Date.now() + 60_000;
      for (;;) {
        const file = (await http.get(`/api/v1/files/${body.id}`).set(admin.auth).expect(200)).body;
        if (file.status === 'ready' || file.status === 'failed') return file;
        if (Date.now() > deadline) throw new Error(`file still ${file.status}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };

    // One API and one worker per way of asking, one after the other: they share the test queue.
    async function ingestAndAsk(mode: Record<string, string>) {
      const env = {
        EMBEDDING_PROVIDER: 'openai',
        // Another server than the chat model's, as with vLLM or llama.cpp (the chat model is local here).
        OPENAI_EMBEDDING_BASE_URL: fake.url,
        OPENAI_BASE_URL: 'http://127.0.0.1:9/v1',
        OPENAI_EMBEDDING_MODEL: 'fake-embedding-model',
        CHROMA_COLLECTION: `wire_embed_${tag}_${mode.EMBEDDING_DIMENSION}`,
        STORAGE_DIR: path.join(process.env.TEST_DATA_DIR ?? '/tmp', `wire-blobs-${tag}`),
        ...mode,
      };
      const api = await listeningApi(env);
      let worker: INestApplicationContext | undefined;
      try {
        worker = await startWorker(env);
        const admin = await createSession(api.app, 'admin');
        const before = fake.embeddingRequests().length;
        const file = await upload(api, admin, '# Worker runbook\n\nRestart the ingestion worker with SIGTERM; it finishes its running jobs first.\n');
        const stream = await SseReader.post(`${api.url}/chat`, admin.auth, { message: QUESTION });
        await stream.all();
        return { file, stream, requests: fake.embeddingRequests().slice(before) };
      } finally {
        await worker?.close();
        await api.app.close();
      }
    }

    it('asks for EMBEDDING_DIMENSION with `dimensions`, indexes the file and finds it for a question', async () => {
      const { file, stream, requests } = await ingestAndAsk({ EMBEDDING_DIMENSION: '24' });
      expect(file).toMatchObject({ status: 'ready', chunkCount: expect.any(Number) });
      expect(requests.length).toBeGreaterThanOrEqual(2); // the chunks, then the question
      for (const sent of requests) expect(sent.body).toMatchObject({ model: 'fake-embedding-model', dimensions: 24 });
      expect(requests.some((sent) => JSON.stringify(sent.body.input).includes('SIGTERM'))).toBe(true);
      const citations = stream.events.find((event) => event.event === 'citations')!.data.citations;
      expect(citations.map((citation: { fileId: string }) => citation.fileId)).toContain(file.id);
    });

    it('sends no `dimensions` with OPENAI_EMBEDDING_SEND_DIMENSIONS=false, taking the model’s own size', async () => {
      const { file, stream, requests } = await ingestAndAsk({ EMBEDDING_DIMENSION: String(fake.nativeDimension), OPENAI_EMBEDDING_SEND_DIMENSIONS: 'false' });
      expect(file.status).toBe('ready');
      expect(requests.length).toBeGreaterThanOrEqual(2);
      for (const sent of requests) expect(sent.body.dimensions).toBeUndefined();
      expect(stream.names().at(-1)).toBe('done');
    });

    it('fails the file, naming both sizes, when the model answers another dimension than EMBEDDING_DIMENSION', async () => {
      const { file } = await ingestAndAsk({ EMBEDDING_DIMENSION: '40', OPENAI_EMBEDDING_SEND_DIMENSIONS: 'false', INGEST_ATTEMPTS: '1' });
      expect(file.status).toBe('failed');
      expect(file.error.message).toMatch(/returned 16 dimensions, expected 40/);
    });
  });
});
