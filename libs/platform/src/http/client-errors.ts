import { randomUUID } from 'node:crypto';
import { STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { NextFunction, Request, Response } from 'express';
import { requestIdFor } from '../logging/request-id';
import { MissingHost } from './platform-errors';

// What Node itself would answer, per parser error; everything else it answers 400.
const byCode: Record<string, { status: number; code: string; message: string }> = {
  HPE_HEADER_OVERFLOW: { status: 431, code: 'headers_too_large', message: 'The request line and headers are larger than the server accepts' },
  HPE_CHUNK_EXTENSIONS_OVERFLOW: { status: 413, code: 'payload_too_large', message: 'The chunk extensions are larger than the server accepts' },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, code: 'request_timeout', message: 'The request did not arrive in time' },
};
const malformed = { status: 400, code: 'malformed_request', message: 'The request is not valid HTTP' };

const errorBody = (status: number, code: string, message: string, requestId: string) => JSON.stringify({ statusCode: status, error: STATUS_CODES[status], code, message, requestId });

/**
 * Requests Node answers itself, before Express sees them, with a bare status line: those its HTTP
 * parser refuses (headers over its limit, malformed request lines or headers, a timeout) and
 * those with an `Expect` other than `100-continue`. Answer them in the error shape with a request
 * id instead, so every error a client can see has one. (A missing Host is left to
 * `refuseRequestsWithoutHost`, where Express can answer it.)
 */
export function answerClientErrorsInShape(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex & { _httpMessage?: ServerResponse | null }) => {
    // Nothing can be written to a connection that is gone or has a response under way; the test
    // is Node's own (a kept-alive socket has carried earlier responses, so bytes written say nothing).
    if (error.code === 'ECONNRESET' || !socket.writable || socket._httpMessage?.headersSent) {
      socket.destroy();
      return;
    }
    const { status, code, message } = byCode[error.code ?? ''] ?? malformed;
    const requestId = randomUUID();
    const body = errorBody(status, code, message, requestId);
    const head =
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      `x-request-id: ${requestId}\r\n` +
      'Connection: close\r\n\r\n';
    // Closed once written: Node keeps the connection half-open after the client ends its side,
    // and nothing more will be read from it.
    const answer = () => socket.end(head + body, () => socket.destroy());
    const pending = socket._httpMessage;
    // A request whose body the parser will never finish (the client ended its side mid-body, or
    // the chunked framing broke) would keep its handler waiting and the connection open: the
    // answer goes now, and closing the connection tells the handler the request was aborted.
    if (pending && !pending.req.complete) answer();
    // Bytes that are not HTTP after a request still being answered (a GET whose body has no
    // framing, a pipelined request): answers go in order, so that request gets its own first.
    else if (pending && !pending.writableFinished) pending.once('finish', answer);
    else answer();
  });
  // With a listener here Node no longer answers an unmet expectation itself; the body the client
  // held back is never read, so the connection closes.
  server.on('checkExpectation', (request: IncomingMessage, response: ServerResponse) => {
    const body = errorBody(417, 'expectation_failed', 'Only "Expect: 100-continue" is supported', requestIdFor(request, response));
    response.writeHead(417, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body), Connection: 'close' });
    response.end(body);
  });
  // Node would answer an HTTP/1.1 request without Host with a bare 400 (RFC 9112 requires the
  // 400); the middleware below answers it in the shape instead. Node reads this setting per
  // request; it is typed only as a createServer option.
  (server as Server & { requireHostHeader: boolean }).requireHostHeader = false;
}

/** The 400 RFC 9112 requires for an HTTP/1.1 request without a Host header, in the error shape. */
export function refuseRequestsWithoutHost(request: Request, _response: Response, next: NextFunction): void {
  next(request.httpVersion === '1.1' && request.headers.host === undefined ? new MissingHost() : undefined);
}
