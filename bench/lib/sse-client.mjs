// Reads one SSE response (POST /chat) event by event, comments (`: ping`) included.
//
// node:http rather than fetch: the client shares the two cores with the product, and fetch's web
// streams cost several times the CPU per event, which the product's first tokens then wait for.
import http from 'node:http';
import { createParser } from 'eventsource-parser';

const agent = new http.Agent({ keepAlive: true });

export function postSse(url, { headers = {}, body, signal, onEvent = () => {}, onComment = () => {} }) {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        agent,
        signal,
        headers: { ...headers, 'content-type': 'application/json', accept: 'text/event-stream', 'content-length': Buffer.byteLength(payload) },
      },
      (response) => {
        response.setEncoding('utf8');
        response.on('error', reject);
        if (response.statusCode !== 200 || !response.headers['content-type']?.startsWith('text/event-stream')) {
          let text = '';
          response.on('data', (part) => (text += part));
          response.on('end', () => reject(new Error(`POST ${new URL(url).pathname} answered ${response.statusCode}: ${text.slice(0, 300)}`)));
          return;
        }
        const parser = createParser({ onEvent, onComment });
        response.on('data', (text) => parser.feed(text));
        response.on('end', resolve);
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}
