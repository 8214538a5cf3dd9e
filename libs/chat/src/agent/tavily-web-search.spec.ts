import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TavilyWebSearch, WebSearchFailed } from './tavily-web-search';

describe('TavilyWebSearch', () => {
  let server: Server;
  let baseUrl: string;
  let received: { url?: string; body?: unknown };
  let reply: { status: number; body: unknown };

  beforeAll(async () => {
    server = createServer(async (request: IncomingMessage, response) => {
      let raw = '';
      for await (const part of request) raw += part;
      received = { url: request.url, body: JSON.parse(raw) };
      response.writeHead(reply.status, { 'content-type': 'application/json' }).end(JSON.stringify(reply.body));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));
  beforeEach(() => {
    received = {};
  });

  it('posts the key, query and result count to /search and maps the results', async () => {
    reply = { status: 200, body: { results: [{ title: 'T', url: 'https://a.example', content: 'C', score: 0.4, extra: 1 }] } };
    const results = await new TavilyWebSearch({ apiKey: 'k', baseUrl, maxResults: 3 }).search('rates today');
    expect(received).toEqual({ url: '/search', body: { api_key: 'k', query: 'rates today', max_results: 3 } });
    expect(results).toEqual([{ title: 'T', url: 'https://a.example', content: 'C', score: 0.4 }]);
  });

  it('names the URL when a result has no title', async () => {
    reply = { status: 200, body: { results: [{ url: 'https://b.example', content: 'C' }] } };
    const [result] = await new TavilyWebSearch({ apiKey: 'k', baseUrl }).search('q');
    expect(result).toEqual({ title: 'https://b.example', url: 'https://b.example', content: 'C', score: 0 });
  });

  it('throws WebSearchFailed with the status when the service refuses', async () => {
    reply = { status: 401, body: { detail: 'bad key' } };
    await expect(new TavilyWebSearch({ apiKey: 'k', baseUrl }).search('q')).rejects.toMatchObject({ name: 'WebSearchFailed', status: 401 });
  });

  it('throws WebSearchFailed on an unexpected answer shape', async () => {
    reply = { status: 200, body: { hits: [] } };
    await expect(new TavilyWebSearch({ apiKey: 'k', baseUrl }).search('q')).rejects.toBeInstanceOf(WebSearchFailed);
  });

  it('cancels the request when the signal aborts', async () => {
    reply = { status: 200, body: { results: [] } };
    await expect(new TavilyWebSearch({ apiKey: 'k', baseUrl }).search('q', AbortSignal.abort())).rejects.toThrow();
  });
});
