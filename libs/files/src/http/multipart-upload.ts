import busboy from 'busboy';
import type { Request } from 'express';
import type { Readable } from 'node:stream';
import { MalformedUpload } from '../domain/files-errors';
import type { IncomingFile } from '../commands/upload-file/upload-file.command';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VISIBILITIES = ['department', 'organization'] as const;

export interface MultipartUpload extends IncomingFile {
  /** Stops reading the request: what the client still sends is discarded, never buffered. */
  discardRest(): void;
}

/**
 * Reads a multipart upload up to the start of its `file` part and hands that part on as a
 * stream. Fields must come before the file (as with S3 POST uploads): a field sent after the
 * bytes could only be honoured by holding the bytes back.
 */
export function readMultipartUpload(request: Request): Promise<MultipartUpload> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      // Browsers send a file name as raw UTF-8 in the part's header; busboy reads it as Latin-1
      // unless told, which turns "Übersicht" into "Ãbersicht".
      parser = busboy({ headers: request.headers, defParamCharset: 'utf8', limits: { files: 1, fields: 10, fieldSize: 1024 } });
    } catch {
      return reject(new MalformedUpload('body', 'must be multipart/form-data with a "file" part'));
    }
    const fields: { departmentId?: string; visibility?: IncomingFile['visibility'] } = {};
    let problem: MalformedUpload | null = null;
    let fileSeen = false;
    const discardRest = () => {
      request.unpipe(parser);
      request.resume();
    };
    parser.on('field', (name, value) => {
      if (name === 'departmentId') {
        if (UUID.test(value)) fields.departmentId = value;
        else problem ??= new MalformedUpload('departmentId', 'must be a UUID');
      } else if (name === 'visibility') {
        if ((VISIBILITIES as readonly string[]).includes(value)) fields.visibility = value as IncomingFile['visibility'];
        else problem ??= new MalformedUpload('visibility', `must be one of ${VISIBILITIES.join(', ')}`);
      } else {
        problem ??= new MalformedUpload(name, 'is not a field this endpoint accepts');
      }
    });
    parser.on('file', (name, stream: Readable, info) => {
      fileSeen = true;
      if (name !== 'file') problem ??= new MalformedUpload(name, 'is not a field this endpoint accepts; send the document as "file"');
      if (problem) {
        stream.resume();
        discardRest();
        return reject(problem);
      }
      resolve({ ...fields, filename: info.filename ?? '', content: stream, discardRest });
    });
    parser.on('error', (error: Error) => reject(new MalformedUpload('body', error.message)));
    // Only a body that ended without its file part is refused here; the error is not built otherwise.
    parser.on('close', () => {
      if (!fileSeen) reject(problem ?? new MalformedUpload('file', 'is required'));
    });
    request.pipe(parser);
  });
}
