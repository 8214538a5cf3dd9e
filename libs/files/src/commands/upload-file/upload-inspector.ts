import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

// Enough for the magic numbers of every accepted type and for telling text from binary.
const HEAD_BYTES = 64 * 1024;

/**
 * Sits between the request and storage: counts bytes and fails the stream as soon as the
 * limit is passed, hashes as the bytes go by, keeps the first bytes for sniffing, and checks
 * the whole stream is valid UTF-8 without binary bytes so a text file can be trusted as text.
 * Nothing beyond the head is ever held in memory.
 */
export class UploadInspector extends Transform {
  sizeBytes = 0;
  private readonly hash = createHash('sha256');
  private readonly headParts: Buffer[] = [];
  private headLength = 0;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private text = true;

  constructor(
    private readonly maxBytes: number,
    private readonly tooLarge: () => Error,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.sizeBytes += chunk.length;
    if (this.sizeBytes > this.maxBytes) return done(this.tooLarge());
    this.hash.update(chunk);
    if (this.headLength < HEAD_BYTES) {
      const part = chunk.subarray(0, HEAD_BYTES - this.headLength);
      this.headParts.push(part);
      this.headLength += part.length;
    }
    if (this.text) this.text = this.isTextChunk(chunk, false);
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    if (this.text) this.text = this.isTextChunk(Buffer.alloc(0), true);
    done();
  }

  get sha256(): string {
    return this.hash.copy().digest('hex');
  }

  get head(): Buffer {
    return Buffer.concat(this.headParts);
  }

  /** True when every byte seen was UTF-8 text; only meaningful once the stream has ended. */
  get isText(): boolean {
    return this.text && this.sizeBytes > 0;
  }

  private isTextChunk(chunk: Buffer, last: boolean): boolean {
    if (chunk.includes(0)) return false;
    try {
      const decoded = this.decoder.decode(chunk, { stream: !last });
      // The same rule as the sniffer: a few stray control characters are tolerated, many mean binary.
      // eslint-disable-next-line no-control-regex -- counting control characters is the point
      const controls = decoded.match(/[\u0001-\u0008\u000e-\u001a\u001c-\u001f\u007f]/g)?.length ?? 0;
      return controls <= decoded.length / 100;
    } catch {
      return false;
    }
  }
}
