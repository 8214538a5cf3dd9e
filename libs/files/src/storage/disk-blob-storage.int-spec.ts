import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { AppConfig, parseConfig } from '@app/platform';
import { DiskBlobStorage } from './disk-blob-storage';

describe('DiskBlobStorage (disk)', () => {
  let root: string;
  let blobs: DiskBlobStorage;

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'blobs-'));
    const env = { DATABASE_URL: 'postgresql://x@localhost/x', REDIS_URL: 'redis://localhost', CHROMA_URL: 'http://localhost', JWT_SECRET: randomBytes(48).toString('base64url'), STORAGE_DIR: root };
    blobs = new DiskBlobStorage(new AppConfig(parseConfig(env)));
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  // Small blobs are written and read with blocking calls and large ones through the thread pool: both must give back every byte.
  it.each([
    ['a small blob', 1_500],
    ['a blob just past the blocking size', 256 * 1024 + 1],
    ['a large blob', 3 * 1024 * 1024],
  ])('reads back %s exactly as written', async (_name, size) => {
    const bytes = Buffer.alloc(size, 0);
    for (let i = 0; i < size; i += 4096) bytes[i] = i % 251;
    const key = `blob-${size}-aaaaaaaa`;
    await blobs.write(key, Readable.from([bytes.subarray(0, size >> 1), bytes.subarray(size >> 1)]));

    expect((await blobs.read(key)).equals(bytes)).toBe(true);
  });

  it('rejects a read of a missing key and of a key that is not one it makes', async () => {
    await expect(blobs.read('missing-aaaaaaaa')).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(blobs.read('../etc/passwd')).rejects.toThrow(/Not a storage key/);
  });

  it('leaves nothing behind when the stream fails', async () => {
    const failing = new Readable({
      read() {
        this.destroy(new Error('client went away'));
      },
    });
    await expect(blobs.write('broken-aaaaaaaa', failing)).rejects.toThrow('client went away');
    expect(readdirSync(path.join(root, 'br'))).toEqual([]);
  });

  it('leaves nothing behind when a large stream fails after its first chunks', async () => {
    async function* failingLate() {
      yield Buffer.alloc(200 * 1024);
      yield Buffer.alloc(200 * 1024);
      throw new Error('client went away');
    }
    const source = Readable.from(failingLate());
    await expect(blobs.write('late-aaaaaaaa', source)).rejects.toThrow('client went away');
    expect(readdirSync(path.join(root, 'la'))).toEqual([]);
  });

  it('stops reading a large upload whose file cannot be written', async () => {
    mkdirSync(path.join(root, 'bu'));
    writeFileSync(path.join(root, 'bu', 'busy-aaaaaaaa.partial'), 'another write of this key');
    const source = Readable.from([Buffer.alloc(200 * 1024), Buffer.alloc(200 * 1024), Buffer.alloc(200 * 1024)]);
    await expect(blobs.write('busy-aaaaaaaa', source)).rejects.toMatchObject({ code: 'EEXIST' });
    expect(source.destroyed).toBe(true);
  });
});
