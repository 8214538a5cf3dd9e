import { randomUUID } from 'node:crypto';
import { STATUS_CODES, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';

// What Node itself would answer, per parser error; everything else it answers 400.
const byCode: Record<string, { status: number; code: string; message: string }> = {
  HPE_HEADER_OVERFLOW: { status: 431, code: 'headers_too_large', message: 'The request line and headers are larger than the server accepts' },
  HPE_CHUNK_EXTENSIONS_OVERFLOW: { status: 413, code: 'payload_too_large', message: 'The chunk extensions are larger than the server accepts' },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, code: 'request_timeout', message: 'The request did not arrive in time' },
};
const malformed = { status: 400, code: 'malformed_request', message: 'The request is not valid HTTP' };

/**
 * Requests Node's HTTP parser refuses (headers over its limit, malformed request lines or
 * headers, a timeout) never reach Express; Node answers them with a bare status line. Answer
 * them in the error shape with a request id instead, so every error a client can see has one.
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
    const body = JSON.stringify({ statusCode: status, error: STATUS_CODES[status], code, message, requestId });
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
        'Content-Type: application/json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        `x-request-id: ${requestId}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    );
  });
}
