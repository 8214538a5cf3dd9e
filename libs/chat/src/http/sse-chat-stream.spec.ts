import { once } from 'node:events';
import { createServer, request, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SseChatStream } from './sse-chat-stream';

const IDS = { conversationId: 'c', userMessageId: 'u', assistantMessageId: 'a' };

function eventsIn(body: string) {
  return body
    .split('\n\n')
    .filter(Boolean)
    .map((block) => Object.fromEntries(block.split('\n').map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1)])));
}

/** Serves one SSE stream driven by `drive`, counting the body writes; resolves with the body as received. */
async function serve(drive: (stream: SseChatStream, res: ServerResponse) => Promise<void>) {
  let writes = 0;
  const server = createServer((req, res) => {
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    res.write = ((...args: unknown[]) => {
      writes += 1;
      return write(...args);
    }) as typeof res.write;
    void SseChatStream.open(req, res, 'req-1').then(async (stream) => {
      writes = 0; // the head is not an event
      await drive(stream, res);
      stream.end(res);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  try {
    const req = request({ port: (server.address() as AddressInfo).port, method: 'POST', host: '127.0.0.1' });
    req.end();
    const [res] = (await once(req, 'response')) as [NodeJS.ReadableStream];
    let body = '';
    for await (const chunk of res) body += String(chunk);
    return { body, writes };
  } finally {
    server.close();
  }
}

describe('SseChatStream', () => {
  it('sends the events of one event-loop turn in one write, each still an event of its own', async () => {
    const { body, writes } = await serve(async (stream) => {
      stream.meta(IDS);
      stream.token('Hello');
      stream.token(' world');
      await new Promise((resolve) => setImmediate(resolve));
    });
    expect(writes).toBe(1);
    expect(eventsIn(body)).toEqual([
      { id: '1', event: 'meta', data: JSON.stringify(IDS) },
      { id: '2', event: 'token', data: '{"text":"Hello"}' },
      { id: '3', event: 'token', data: '{"text":" world"}' },
    ]);
  });

  it('sends what is still pending when the stream ends', async () => {
    const { body } = await serve(async (stream) => {
      stream.token('last');
      stream.done({ assistantMessageId: 'a', finishReason: 'stop' });
    });
    expect(eventsIn(body)).toEqual([
      { id: '1', event: 'token', data: '{"text":"last"}' },
      { id: '2', event: 'done', data: '{"assistantMessageId":"a","finishReason":"stop"}' },
    ]);
  });

  it('writes events of later turns separately, in order', async () => {
    const { body, writes } = await serve(async (stream) => {
      stream.token('one');
      await new Promise((resolve) => setImmediate(resolve));
      stream.token('two');
      await new Promise((resolve) => setImmediate(resolve));
    });
    expect(writes).toBe(2);
    expect(eventsIn(body).map((event) => event.data)).toEqual(['{"text":"one"}', '{"text":"two"}']);
  });

  describe('when idle', () => {
    beforeEach(() => jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask', 'hrtime', 'performance'] }));
    afterEach(() => jest.useRealTimers());
    const turn = () => new Promise((resolve) => setImmediate(resolve));

    it('sends a ping after 15 s without an event, counted from the last event', async () => {
      const { body } = await serve(async (stream) => {
        stream.token('a');
        await turn();
        jest.advanceTimersByTime(10_000);
        stream.token('b');
        await turn();
        jest.advanceTimersByTime(14_000);
        await turn();
        stream.token('c');
        await turn();
        jest.advanceTimersByTime(15_000);
        await turn();
      });
      expect(body.replace(/^id:.*\n/gm, '').replace(/\n\n/g, '|')).toBe(
        'event:token\ndata:{"text":"a"}|event:token\ndata:{"text":"b"}|event:token\ndata:{"text":"c"}|:ping|',
      );
    });
  });
});
