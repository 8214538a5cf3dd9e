import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the fake answers one chat completion request. */
export type ChatReply =
  /** A streamed answer: the tokens, then `finishReason` (null: none), then usage when asked for. */
  | {
      kind: 'stream';
      tokens: string[];
      finishReason?: string | null;
      usage?: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
      /** Waits this long before the status line, as a loaded server does. */
      headerDelayMs?: number;
      tokenDelayMs?: number;
      /** After this many tokens: `destroy` drops the connection, `hold` sends nothing more until the client goes. */
      after?: { tokens: number; then: 'destroy' | 'hold' };
    }
  /** A streamed turn that calls tools (each call's arguments as JSON), ending with finish_reason `tool_calls`. */
  | { kind: 'tool_calls'; calls: { name: string; arguments: Record<string, unknown> }[] }
  /** A whole (non-streamed) answer with this content. */
  | { kind: 'message'; content: string }
  | { kind: 'error'; status: number; headers?: Record<string, string>; message?: string };

export interface RecordedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  receivedAt: number;
  /** The client closed the connection before the fake had finished its answer. */
  closedByClient: boolean;
}

const NATIVE_DIMENSION = 16;

/** A deterministic unit vector for a text: words hashed into buckets. */
function vectorOf(text: string, dimension: number): number[] {
  const vector = new Array<number>(dimension).fill(0);
  for (const word of text.toLowerCase().split(/\W+/).filter(Boolean)) {
    let hash = 2166136261;
    for (const char of word) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
    vector[Math.abs(hash) % dimension] += 1;
  }
  const norm = Math.hypot(...vector) || 1;
  return vector.map((value) => value / norm);
}

/**
 * An in-process server that speaks the OpenAI wire protocol (chat completions, streamed or not,
 * and embeddings), scripted per test and recording every request, so the providers are tested
 * against the bytes a real endpoint sends. Non-streamed chat calls (the agent's routing,
 * planning, evaluation) get `{}` unless scripted: the agent then decides deterministically.
 */
export class FakeOpenAiServer {
  readonly requests: RecordedRequest[] = [];
  /** The reply to the n-th streamed chat request (0-based). */
  streamReply: (n: number) => ChatReply = () => ({ kind: 'stream', tokens: ['Hello', ' from', ' the', ' fake.'], usage: { prompt_tokens: 11, completion_tokens: 4, total_tokens: 15 } });
  messageReply: () => ChatReply = () => ({ kind: 'message', content: '{}' });
  /** The size of vectors when a request does not ask for `dimensions`. */
  nativeDimension = NATIVE_DIMENSION;
  private streams = 0;
  private readonly open = new Set<ServerResponse>();

  private constructor(private readonly server: ReturnType<typeof createServer>) {}

  static async start(): Promise<FakeOpenAiServer> {
    const server = createServer();
    const fake = new FakeOpenAiServer(server);
    server.on('request', (req, res) => {
      let raw = '';
      req.on('data', (data) => (raw += data));
      req.on('end', () => {
        const recorded: RecordedRequest = { path: req.url ?? '', headers: req.headers, body: JSON.parse(raw || '{}'), receivedAt: Date.now(), closedByClient: false };
        fake.requests.push(recorded);
        fake.open.add(res);
        res.on('close', () => {
          fake.open.delete(res);
          if (!res.writableFinished) recorded.closedByClient = true;
        });
        void fake.answer(recorded, res);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
  }

  chatRequests(stream: boolean): RecordedRequest[] {
    return this.requests.filter((request) => request.path.endsWith('/chat/completions') && Boolean(request.body.stream) === stream);
  }

  embeddingRequests(): RecordedRequest[] {
    return this.requests.filter((request) => request.path.endsWith('/embeddings'));
  }

  async stop(): Promise<void> {
    for (const res of this.open) res.destroy();
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private async answer(request: RecordedRequest, res: ServerResponse) {
    if (request.path.endsWith('/embeddings')) return this.embeddings(request, res);
    if (!request.path.endsWith('/chat/completions')) return void res.writeHead(404).end();
    const reply = request.body.stream ? this.streamReply(this.streams++) : this.messageReply();
    if (reply.kind === 'error') return sendError(res, reply);
    if (reply.kind === 'message') {
      return void res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          id: 'fake',
          object: 'chat.completion',
          created: 0,
          model: request.body.model,
          choices: [{ index: 0, message: { role: 'assistant', content: reply.content }, finish_reason: 'stop' }],
          usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
        }),
      );
    }
    if (reply.kind === 'stream' && reply.headerDelayMs) await sleep(reply.headerDelayMs);
    if (res.destroyed) return;
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    const chunk = (delta: object, finishReason: string | null = null) =>
      res.write(`data: ${JSON.stringify({ id: 'fake', object: 'chat.completion.chunk', created: 0, model: request.body.model, choices: [{ index: 0, delta, finish_reason: finishReason }] })}\n\n`);
    chunk({ role: 'assistant', content: '' });
    if (reply.kind === 'tool_calls') {
      // As OpenAI streams them: each call's id and name first, then its arguments in pieces.
      for (const [index, call] of reply.calls.entries()) {
        const args = JSON.stringify(call.arguments);
        const half = Math.ceil(args.length / 2);
        chunk({ tool_calls: [{ index, id: `call_${index}_${Date.now()}`, type: 'function', function: { name: call.name, arguments: '' } }] });
        chunk({ tool_calls: [{ index, function: { arguments: args.slice(0, half) } }] });
        chunk({ tool_calls: [{ index, function: { arguments: args.slice(half) } }] });
      }
      chunk({}, 'tool_calls');
      return void res.end('data: [DONE]\n\n');
    }
    for (const [index, token] of reply.tokens.entries()) {
      if (reply.after && index === reply.after.tokens) {
        // Let what was written reach the client first, as a connection lost mid-answer would.
        if (reply.after.then === 'destroy') setTimeout(() => res.destroy(), 100);
        return; // hold: the client decides when this ends
      }
      if (reply.tokenDelayMs) await sleep(reply.tokenDelayMs);
      if (res.destroyed) return;
      chunk({ content: token });
    }
    if (reply.finishReason !== null) chunk({}, reply.finishReason ?? 'stop');
    if (request.body.stream_options?.include_usage && reply.usage) {
      res.write(`data: ${JSON.stringify({ id: 'fake', object: 'chat.completion.chunk', created: 0, model: request.body.model, choices: [], usage: reply.usage })}\n\n`);
    }
    res.end('data: [DONE]\n\n');
  }

  private embeddings(request: RecordedRequest, res: ServerResponse) {
    const inputs: string[] = Array.isArray(request.body.input) ? request.body.input : [request.body.input];
    const dimension = request.body.dimensions ?? this.nativeDimension;
    const data = inputs.map((text, index) => {
      const vector = vectorOf(String(text), dimension);
      // The OpenAI client asks for base64 (little-endian float32) unless told otherwise.
      const embedding = request.body.encoding_format === 'base64' ? Buffer.from(new Float32Array(vector).buffer).toString('base64') : vector;
      return { object: 'embedding', index, embedding };
    });
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ object: 'list', data, model: request.body.model, usage: { prompt_tokens: inputs.length, total_tokens: inputs.length } }));
  }
}

function sendError(res: ServerResponse, reply: Extract<ChatReply, { kind: 'error' }>) {
  res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
  res.end(JSON.stringify({ error: { message: reply.message ?? `fake error ${reply.status}`, type: 'fake_error', code: null } }));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
