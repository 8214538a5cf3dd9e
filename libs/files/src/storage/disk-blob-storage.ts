import { Injectable } from '@nestjs/common';
import { createReadStream, createWriteStream, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppConfig } from '@app/platform';
import { BlobStorage } from '../files.ports';

const SAFE_KEY = /^[a-z0-9][a-z0-9-]{7,127}$/;
// Up to this size a blob is read and written with blocking calls: through the page cache that
// costs tens of microseconds, where the thread pool's open, read or write, close and rename each
// wait for a turn of a busy event loop (in the worker while a corpus ingests; in the API, handing
// those calls to the pool took a large share of its time during bulk uploads). Larger blobs
// stay asynchronous, and are streamed, never held whole.
const BLOCKING_IO_MAX_BYTES = 256 * 1024;

/**
 * Blobs as files under STORAGE_DIR, fanned out by the key's first two characters. A write goes
 * to a temporary name and is renamed into place once complete, so a reader never sees half a file.
 */
@Injectable()
export class DiskBlobStorage extends BlobStorage {
  private readonly root: string;
  /** Fan-out directories known to exist, so a write makes no mkdir call of its own. */
  private readonly directories = new Set<string>();

  constructor(config: AppConfig) {
    super();
    this.root = path.resolve(config.get('STORAGE_DIR'));
  }

  async write(key: string, content: Readable): Promise<void> {
    const target = this.pathOf(key);
    const partial = `${target}.partial`;
    await this.ensureDirectory(path.dirname(target));
    try {
      const stream = content[Symbol.asyncIterator]();
      const head = await readUpTo(stream, BLOCKING_IO_MAX_BYTES);
      if (head.complete) {
        writeFileSync(partial, Buffer.concat(head.chunks), { flag: 'wx' });
        renameSync(partial, target);
        return;
      }
      await pipeline(rejoined(head.chunks, stream), createWriteStream(partial, { flags: 'wx' }));
      await rename(partial, target);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
  }

  async read(key: string): Promise<Buffer> {
    const file = this.pathOf(key);
    return statSync(file).size <= BLOCKING_IO_MAX_BYTES ? readFileSync(file) : readFile(file);
  }

  async openStream(key: string): Promise<Readable> {
    const stream = createReadStream(this.pathOf(key));
    await new Promise<void>((resolve, reject) => stream.once('open', () => resolve()).once('error', reject));
    return stream;
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  private async ensureDirectory(directory: string) {
    if (this.directories.has(directory)) return;
    await mkdir(directory, { recursive: true });
    this.directories.add(directory);
  }

  private pathOf(key: string): string {
    if (!SAFE_KEY.test(key)) throw new Error(`Not a storage key: ${key}`);
    return path.join(this.root, key.slice(0, 2), key);
  }
}

/** The stream's first chunks, until they pass `maxBytes` (`complete: false`) or the stream ends. */
async function readUpTo(stream: AsyncIterator<Buffer>, maxBytes: number): Promise<{ chunks: Buffer[]; complete: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  while (size <= maxBytes) {
    const next = await stream.next();
    if (next.done) return { chunks, complete: true };
    chunks.push(next.value);
    size += next.value.length;
  }
  return { chunks, complete: false };
}

/** The chunks already read, then the rest of the stream; a write that fails destroys the stream. */
async function* rejoined(head: Buffer[], rest: AsyncIterator<Buffer>): AsyncGenerator<Buffer> {
  try {
    yield* head;
    for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
  } finally {
    await rest.return?.();
  }
}
