import http from 'node:http';

export interface FormPart {
  name: string;
  body: string | Buffer;
  /** Sent as `filename="…"` in UTF-8 bytes, as browsers do. */
  filename?: string;
  /** Sent as `filename*=UTF-8''…` (RFC 5987). */
  filenameStar?: string;
  contentType?: string;
}

/** A multipart/form-data body built byte by byte, so a test controls exactly what is sent. */
export function multipartBody(parts: FormPart[], boundary: string, { closed = true } = {}): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    let disposition = `form-data; name="${part.name}"`;
    if (part.filename !== undefined) disposition += `; filename="${part.filename}"`;
    if (part.filenameStar !== undefined) disposition += `; filename*=UTF-8''${encodeRfc5987(part.filenameStar)}`;
    const isFile = part.filename !== undefined || part.filenameStar !== undefined;
    const type = part.contentType ?? (isFile ? 'application/octet-stream' : undefined);
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${type ? `Content-Type: ${type}\r\n` : ''}\r\n`));
    chunks.push(Buffer.from(part.body));
    chunks.push(Buffer.from('\r\n'));
  }
  if (closed) chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

export function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- a test reads whatever the server sent
}

/** Sends exactly these bytes (with a Content-Length that matches them) and reads the answer. */
export function sendRaw(baseUrl: string, path: string, headers: Record<string, string>, body: Buffer, method = 'POST'): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = http.request(new URL(path, baseUrl), { method, headers: { ...headers, 'content-length': String(body.length) } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          parsed = undefined;
        }
        resolve({ status: response.statusCode ?? 0, headers: response.headers, text, body: parsed });
      });
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(body);
  });
}

/**
 * Announces `declaredLength` bytes, sends only `sent`, then drops the connection as a client that
 * goes away would. Resolves once the socket is closed.
 */
export function sendAndAbort(baseUrl: string, path: string, headers: Record<string, string>, sent: Buffer, declaredLength: number): Promise<void> {
  return new Promise((resolve) => {
    const request = http.request(new URL(path, baseUrl), { method: 'POST', headers: { ...headers, 'content-length': String(declaredLength) } });
    request.on('error', () => undefined); // the abort itself
    request.on('close', () => resolve());
    request.write(sent, () => setTimeout(() => request.destroy(), 200));
  });
}
