import { fileTypeFromBuffer } from 'file-type';
import { fromBuffer } from 'yauzl';
import type { DocumentType } from '../domain/parsed-document';

const MARKDOWN_NAME = /\.(md|markdown|mdown|mkd|mkdn)$/i;
// What may come before the root element of an HTML file: a BOM, an XML declaration, comments.
const HTML_PRELUDE = /^\uFEFF?\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*/;
const HTML_MARKER = /<(?:!doctype\s+html|html|head|body)[\s>]/i;
const HTML_MARKER_WINDOW = 1024;
// Enough to judge text from binary without decoding a whole large file.
const TEXT_SNIFF_BYTES = 64 * 1024;
// Formats file-type recognises that are themselves text; they are not documents we accept.
const TEXT_BASED_FORMATS = new Set(['rtf', 'ps', 'eps', 'ics', 'vcf', 'ai']);

/**
 * Decides the type from the bytes; the file name only tells Markdown from plain text. Give it the
 * whole file when you can: a ZIP is then accepted as DOCX only if its central directory lists
 * word/document.xml. With just the head of a file, file-type's verdict on the first zip
 * entries is trusted and the DOCX parser checks the directory later.
 */
export async function sniffDocumentType(bytes: Buffer, filename: string): Promise<DocumentType | null> {
  const detected = await fileTypeFromBuffer(bytes);
  if (detected?.ext === 'pdf') return 'pdf';
  if (detected?.ext === 'docx' || detected?.ext === 'zip') return (await isDocxArchive(bytes, detected.ext)) ? 'docx' : null;
  if (detected && TEXT_BASED_FORMATS.has(detected.ext)) return null;

  const text = decodeUtf8Text(bytes.subarray(0, TEXT_SNIFF_BYTES));
  if (text === null) return null;
  // A binary signature is a few bytes ("BM" for a bitmap); prose can start with them too. Clean
  // UTF-8 with no NUL or control bytes is text, whatever its first letters (XML, XHTML included).
  if (looksLikeHtml(text)) return 'html';
  return MARKDOWN_NAME.test(filename) ? 'markdown' : 'text';
}

async function isDocxArchive(bytes: Buffer, detected: 'docx' | 'zip'): Promise<boolean> {
  const names = await centralDirectoryNames(bytes);
  if (names === null) return detected === 'docx'; // only the head of the file: no directory to read
  return names.has('word/document.xml');
}

function centralDirectoryNames(bytes: Buffer): Promise<Set<string> | null> {
  return new Promise((resolve) => {
    fromBuffer(bytes, { lazyEntries: true, strictFileNames: false }, (error, zip) => {
      if (error || !zip) return resolve(null);
      const names = new Set<string>();
      zip.on('entry', (entry: { fileName: string }) => (names.add(entry.fileName), zip.readEntry()));
      zip.on('end', () => resolve(names));
      zip.on('error', () => resolve(null));
      zip.readEntry();
    });
  });
}

/** The text if these bytes are UTF-8 (a cut last character is fine) with no binary control bytes. */
function decodeUtf8Text(bytes: Buffer): string | null {
  if (bytes.length === 0 || bytes.includes(0)) return null;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
  } catch {
    return null;
  }
  // eslint-disable-next-line no-control-regex -- counting control characters is the point
  const controls = text.match(/[\u0001-\u0008\u000e-\u001a\u001c-\u001f\u007f]/g)?.length ?? 0;
  return controls > text.length / 100 ? null : text;
}

function looksLikeHtml(text: string): boolean {
  const start = text.replace(HTML_PRELUDE, '');
  return start.startsWith('<') && HTML_MARKER.test(start.slice(0, HTML_MARKER_WINDOW));
}
