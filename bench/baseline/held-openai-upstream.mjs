// A stand-in OpenAI-compatible endpoint on loopback for the open-streams figure. The local
// model answers in milliseconds, so its streams close before they can be counted; this one
// streams a first token at once and then holds each generation open until released, the way a
// slow real model would. Non-streamed calls (the agent's routing, planning, evaluation) get an
// empty object, which the agent treats as a bad reply and decides deterministically instead.
import http from 'node:http';

const completion = (content) => ({
  id: 'bench',
  object: 'chat.completion',
  created: 0,
  model: 'bench-held',
  choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
});
const chunk = (delta, finishReason = null) => ({
  id: 'bench',
  object: 'chat.completion.chunk',
  created: 0,
  model: 'bench-held',
  choices: [{ index: 0, delta, finish_reason: finishReason }],
});

export function startHeldUpstream() {
  const held = new Set();
  const unexpected = [];
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (data) => (raw += data));
    req.on('end', () => {
      if (!req.url.endsWith('/chat/completions')) {
        unexpected.push(`${req.method} ${req.url}`);
        res.writeHead(404).end();
        return;
      }
      const body = JSON.parse(raw || '{}');
      if (!body.stream) {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(completion('{}')));
        return;
      }
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      res.write(`data: ${JSON.stringify(chunk({ role: 'assistant', content: 'Held' }))}\n\n`);
      held.add(res);
      res.on('close', () => held.delete(res));
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({
        url: `http://127.0.0.1:${server.address().port}/v1`,
        unexpected,
        get held() {
          return held.size;
        },
        async stop() {
          for (const res of held) res.end(`data: ${JSON.stringify(chunk({}, 'stop'))}\n\ndata: [DONE]\n\n`);
          server.closeAllConnections();
          await new Promise((done) => server.close(done));
        },
      });
    });
  });
}
