import { fromBuffer, type Entry, type ZipFile } from 'yauzl';
import { DocumentTooComplex, DocumentUnreadable } from '../domain/ingest-errors';
import type { ParseLimits } from './parse-limits';

// Small parts (styles, settings) compress extremely well and are harmless whatever their ratio.
const RATIO_CHECK_MIN_BYTES = 64 * 1024;

/**
 * Walks a DOCX's zip central directory before anything inflates it for real, refusing archives
 * with too many entries, too much declared content or a bomb-like compression ratio. Each entry is
 * then streamed and discarded with yauzl checking that it inflates to exactly its declared size,
 * so an archive that lies in its headers fails here, one buffer at a time, instead of inside
 * mammoth with the whole entry in memory.
 */
export async function guardDocxArchive(bytes: Buffer, limits: ParseLimits): Promise<void> {
  const zip = await openZip(bytes);
  try {
    if (zip.entryCount > limits.maxZipEntries) {
      throw new DocumentTooComplex(`${zip.entryCount} zip entries, more than ${limits.maxZipEntries}`);
    }
    let declaredBytes = 0;
    let hasMainDocument = false;
    for (let entry = await nextEntry(zip); entry; entry = await nextEntry(zip)) {
      declaredBytes += entry.uncompressedSize;
      if (declaredBytes > limits.maxUncompressedBytes) {
        throw new DocumentTooComplex(`more than ${limits.maxUncompressedBytes} bytes once uncompressed`);
      }
      const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
      if (entry.uncompressedSize >= RATIO_CHECK_MIN_BYTES && ratio > limits.maxCompressionRatio) {
        throw new DocumentTooComplex(`"${entry.fileName}" expands ${Math.round(ratio)} times`);
      }
      hasMainDocument ||= entry.fileName === 'word/document.xml';
      if (!entry.fileName.endsWith('/')) await drainEntry(zip, entry);
    }
    if (!hasMainDocument) throw new DocumentUnreadable('docx', 'the archive has no word/document.xml');
  } finally {
    zip.close();
  }
}

function openZip(bytes: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (error, zip) => {
      if (error || !zip) reject(new DocumentUnreadable('docx', `not a valid zip archive (${error?.message})`));
      else resolve(zip);
    });
  });
}

function nextEntry(zip: ZipFile): Promise<Entry | null> {
  return new Promise((resolve, reject) => {
    const cleanUp = () => zip.removeListener('entry', onEntry).removeListener('end', onEnd).removeListener('error', onError);
    const onEntry = (entry: Entry) => (cleanUp(), resolve(entry));
    const onEnd = () => (cleanUp(), resolve(null));
    const onError = (error: Error) => (cleanUp(), reject(new DocumentUnreadable('docx', error.message)));
    zip.on('entry', onEntry).on('end', onEnd).on('error', onError);
    zip.readEntry();
  });
}

function drainEntry(zip: ZipFile, entry: Entry): Promise<void> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) return reject(new DocumentUnreadable('docx', error?.message ?? 'unreadable entry'));
      stream.on('error', (streamError) => reject(describeStreamError(entry, streamError)));
      stream.on('end', () => resolve());
      stream.resume();
    });
  });
}

function describeStreamError(entry: Entry, error: Error): Error {
  if (/too many bytes/i.test(error.message)) {
    return new DocumentTooComplex(`"${entry.fileName}" inflates beyond its declared size`);
  }
  return new DocumentUnreadable('docx', error.message);
}
