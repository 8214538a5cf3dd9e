import busboy from 'busboy';
import type { Request } from 'express';
import { PassThrough, type Readable } from 'node:stream';
import type { IncomingFile } from '../commands/upload-file/upload-file.command';
import { InvalidUploadField, MalformedUpload } from '../domain/files-errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VISIBILITIES = ['department', 'organization'] as const;
const FIELD_MAX_BYTES = 1024;
const UNNAMED = '(unnamed part)';

export interface MultipartUpload extends IncomingFile {
  /** Stops reading the request: what the client still sends is discarded, never buffered. */
  discardRest(): void;
}

type Problem = InvalidUploadField | MalformedUpload;

/**
 * Reads a multipart upload up to the start of its `file` part and hands that part on as a
 * stream. Fields must come before the file (as with S3 POST uploads): a field sent after the
 * bytes could only be honoured by holding the bytes back.
 *
 * The bytes stream to storage while the rest of the body is still arriving, so the file's stream
 * only ends once the whole body has parsed cleanly with nothing after the file part; anything
 * wrong later (a field or second file after it, a body cut short, a client gone) fails that
 * stream instead, and whoever stores it drops what it wrote. Every error of the parser, the
 * request and the file part is handled here: none reaches the process as an unhandled event.
 * Without `placementFields` (an attachment, placed by its conversation) the file is the only part.
 */
export function readMultipartUpload(request: Request, { placementFields = true }: { placementFields?: boolean } = {}): Promise<MultipartUpload> {
  return new Promise((resolve, reject) => {
    const discardRest = () => {
      request.unpipe();
      request.resume();
    };
    let parser: busboy.Busboy;
    try {
      // Browsers send `filename="…"` in UTF-8, not the latin1 busboy assumes by default.
      parser = busboy({ headers: request.headers, defParamCharset: 'utf8', limits: { files: 1, fieldSize: FIELD_MAX_BYTES } });
    } catch {
      discardRest();
      return reject(new MalformedUpload('must be multipart/form-data with a boundary and a "file" part'));
    }

    const fields: { departmentId?: string; visibility?: IncomingFile['visibility'] } = {};
    const given = new Set<string>();
    // Set once the file part starts: from then on a problem fails the file's stream.
    let content: PassThrough | null = null;
    let settled = false;

    const fail = (problem: Problem) => {
      if (settled) return;
      settled = true;
      discardRest();
      if (content) content.destroy(problem);
      else reject(problem);
    };

    // A part without a name still gets one in the answer, so the client sees which part is wrong.
    parser.on('field', (rawName, value, info) => {
      const name = rawName || UNNAMED;
      if (content) return fail(new InvalidUploadField(name, 'must come before the file part'));
      if (given.has(name)) return fail(new InvalidUploadField(name, 'must be given once'));
      given.add(name);
      if (info.valueTruncated) return fail(new InvalidUploadField(name, `must be at most ${FIELD_MAX_BYTES} bytes`));
      if (!placementFields && (name === 'departmentId' || name === 'visibility')) {
        fail(new InvalidUploadField(name, 'is not a field this endpoint accepts'));
      } else if (name === 'departmentId') {
        if (!UUID.test(value)) return fail(new InvalidUploadField('departmentId', 'must be a UUID'));
        fields.departmentId = value;
      } else if (name === 'visibility') {
        if (!(VISIBILITIES as readonly string[]).includes(value)) return fail(new InvalidUploadField('visibility', `must be one of ${VISIBILITIES.join(', ')}`));
        fields.visibility = value as IncomingFile['visibility'];
      } else if (name === 'file') {
        fail(new InvalidUploadField('file', 'must be a file part, with a filename'));
      } else {
        fail(new InvalidUploadField(name, 'is not a field this endpoint accepts'));
      }
    });
    parser.on('file', (rawName, stream: Readable, info) => {
      const name = rawName || UNNAMED;
      // Consumed or not, the part's stream reports its errors here (busboy destroys it when the body ends early).
      stream.on('error', () => fail(new MalformedUpload('ended inside the file part')));
      if (settled || name !== 'file') {
        stream.resume();
        return fail(new InvalidUploadField(name, 'is not a field this endpoint accepts; send the document as "file"'));
      }
      content = new PassThrough();
      // Whoever reads the content sees its error by reading; this listener only keeps an error
      // raised before they start from being an unhandled event.
      content.on('error', () => undefined);
      stream.pipe(content, { end: false });
      resolve({ ...fields, filename: info.filename ?? '', content, discardRest });
    });
    parser.on('filesLimit', () => fail(new InvalidUploadField('file', 'must be the only file part')));
    parser.on('error', () => fail(new MalformedUpload('ended before its closing boundary, or a part is malformed')));
    // busboy finishes once the closing boundary and the end of the request have both been seen.
    parser.on('finish', () => {
      if (settled) return;
      settled = true;
      if (content) content.end();
      else reject(new InvalidUploadField('file', 'is required'));
    });
    request.on('close', () => {
      if (!request.complete) fail(new MalformedUpload('was cut short: the client closed the connection'));
    });
    request.pipe(parser);
  });
}
