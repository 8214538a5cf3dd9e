import { once } from 'node:events';
import { createServer, request, type ClientRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ChatEvent } from '../commands/send-message/chat-events';
import { EventChannel } from '../commands/send-message/event-channel';
import { SseChatStream } from './sse-chat-stream';

const IDS = { conversationId: 'c', userMessageId: 'u', assistantMessageId: 'a' };
const token = (text: string): ChatEvent => ({ event: 'token', data: { text } });
const immediate = () => new Promise((resolve) => setImmediate(resolve));
// An event pushed now is written in the turn after the reader picks it up.
const turn = async () => {
  await immediate();
  await immediate();
};

function eventsIn(body: string) {
  return body
    .split('\n\n')
    .filter(Boolean)
    .map((block) => Object.fromEntries(block.split('\n').map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1)])));
}

/**
 * Serves one answer whose events `drive` pushes, counting the body writes after the head; resolves
 * with the body as received. `drive` may abort the client's request to leave early.
 */
async function serve(drive: (events: EventChannel<ChatEvent>, client: () => ClientRequest) => Promise<void>, onCancel = () => undefined) {
  let writes = 0;
  let served: Promise<void> = Promise.resolve();
  let client!: ClientRequest;
  const server = createServer((req, res) => {
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    res.write = ((...args: unknown[]) => {
      writes += 1;
      return write(...args);
    }) as typeof res.write;
    const events = new EventChannel<ChatEvent>(onCancel);
    served = SseChatStream.serve(req, res, 'req-1', { ids: IDS, events });
    void turn()
      .then(() => (writes = 0)) // the head and meta are not what is counted
      .then(() => drive(events, () => client))
      .then(() => events.close());
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  try {
    client = request({ port: (server.address() as AddressInfo).port, method: 'POST', host: '127.0.0.1' });
    client.end();
    const [res] = (await once(client, 'response')) as [NodeJS.ReadableStream];
    let body = '';
    try {
      for await (const chunk of res) body += String(chunk);
    } catch {
      // the client left on purpose
    }
    await served;
    return { body, writes };
  } finally {
    server.close();
  }
}

describe('SseChatStream', () => {
  it('sends meta first, then the events of one event-loop turn in one write, each still an event of its own', async () => {
    const { body, writes } = await serve(async (events) => {
      events.push(token('Hello'));
      events.push(token(' world'));
      await turn();
    });
    expect(writes).toBe(1);
    expect(eventsIn(body)).toEqual([
      { id: '1', event: 'meta', data: JSON.stringify(IDS) },
      { id: '2', event: 'token', data: '{"text":"Hello"}' },
      { id: '3', event: 'token', data: '{"text":" world"}' },
    ]);
  });

  it('sends what is still pending when the events end, and an error with the request id', async () => {
    const { body } = await serve(async (events) => {
      events.push(token('last'));
      events.push({ event: 'error', data: { code: 'answer_failed', message: 'no' } });
    });
    expect(eventsIn(body).slice(1)).toEqual([
      { id: '2', event: 'token', data: '{"text":"last"}' },
      { id: '3', event: 'error', data: '{"code":"answer_failed","message":"no","requestId":"req-1"}' },
    ]);
  });

  it('writes events of later turns separately, in order', async () => {
    const { body, writes } = await serve(async (events) => {
      events.push(token('one'));
      await turn();
      events.push(token('two'));
      await turn();
    });
    expect(writes).toBe(2);
    expect(
      eventsIn(body)
        .slice(1)
        .map((event) => event.data),
    ).toEqual(['{"text":"one"}', '{"text":"two"}']);
  });

  it('leaves the events at once when the client goes away, while they are still waiting for the next one', async () => {
    let cancelled = 0;
    let resolveLeft!: () => void;
    const left = new Promise<void>((resolve) => (resolveLeft = resolve));
    await serve(
      async (events, client) => {
        events.push(token('one'));
        await turn();
        client().destroy();
        await left;
      },
      () => {
        cancelled += 1;
        resolveLeft();
      },
    );
    expect(cancelled).toBe(1);
  });

  describe('when idle', () => {
    beforeEach(() => jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask', 'hrtime', 'performance'] }));
    afterEach(() => jest.useRealTimers());

    it('sends a ping after 15 s without an event, counted from the last event', async () => {
      const { body } = await serve(async (events) => {
        events.push(token('a'));
        await turn();
        jest.advanceTimersByTime(10_000);
        events.push(token('b'));
        await turn();
        jest.advanceTimersByTime(14_000);
        await turn();
        events.push(token('c'));
        await turn();
        jest.advanceTimersByTime(15_000);
        await turn();
      });
      expect(body.replace(/^id:.*\n/gm, '').replace(/\n\n/g, '|')).toBe(
        `event:meta\ndata:${JSON.stringify(IDS)}|event:token\ndata:{"text":"a"}|event:token\ndata:{"text":"b"}|event:token\ndata:{"text":"c"}|:ping|`,
      );
    });
  });
});
