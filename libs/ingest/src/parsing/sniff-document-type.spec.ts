import { randomBytes } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import { buildDocx, buildZip } from './__fixtures__/docx.fixture';
import { buildPdf } from './__fixtures__/pdf.fixture';
import { sniffDocumentType } from './sniff-document-type';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

describe('sniffDocumentType', () => {
  it('recognises a PDF by its bytes whatever its name', async () => {
    expect(await sniffDocumentType(buildPdf([['hello']]), 'report.txt')).toBe('pdf');
  });

  it('does not take PNG bytes named .pdf for a PDF', async () => {
    expect(await sniffDocumentType(PNG, 'report.pdf')).toBeNull();
  });

  it('recognises a DOCX as a zip that holds word/document.xml', async () => {
    expect(await sniffDocumentType(await buildDocx([{ text: 'hi' }]), 'notes.bin')).toBe('docx');
  });

  it('trusts the first zip entries when given only the head of a DOCX', async () => {
    const docx = await buildDocx([{ text: randomBytes(20_000).toString('base64') }]);
    expect(docx.length).toBeGreaterThan(20_000);
    expect(await sniffDocumentType(docx.subarray(0, 4100), 'notes.docx')).toBe('docx');
  });

  it('refuses a zip that is not a Word document, even named .docx', async () => {
    const zip = await buildZip([['data.csv', Buffer.from('a,b\n1,2\n')]]);
    expect(await sniffDocumentType(zip, 'notes.docx')).toBeNull();
  });

  it('refuses binaries: executables, NUL bytes, invalid UTF-8', async () => {
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(64)]);
    expect(await sniffDocumentType(elf, 'tool.txt')).toBeNull();
    expect(await sniffDocumentType(Buffer.from('text\u0000more'), 'a.txt')).toBeNull();
    expect(await sniffDocumentType(Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6f]), 'a.txt')).toBeNull();
    expect(await sniffDocumentType(deflateRawSync(Buffer.from('x'.repeat(500))), 'a.md')).toBeNull();
  });

  it('reads prose that starts like a binary signature as text', async () => {
    // "BM" opens a bitmap; a SciFact abstract starting "BM…" must still be a text document.
    expect(await sniffDocumentType(Buffer.from('BMP-2 signalling regulates bone formation in adults.'), 'abstract.txt')).toBe('text');
    expect(await sniffDocumentType(Buffer.from('MZ is not an executable header here, just initials.'), 'notes.md')).toBe('markdown');
  });

  it('refuses text-based formats that are not documents we index', async () => {
    expect(await sniffDocumentType(Buffer.from('{\\rtf1\\ansi Hello}'), 'letter.txt')).toBeNull();
  });

  it('recognises HTML by its content, not its name', async () => {
    expect(await sniffDocumentType(Buffer.from('<!DOCTYPE html><title>x</title>'), 'page.txt')).toBe('html');
    expect(await sniffDocumentType(Buffer.from('\uFEFF<!-- c -->\n<html lang="en"><body>x'), 'a')).toBe('html');
    expect(await sniffDocumentType(Buffer.from('<?xml version="1.0"?>\n<html xmlns="x"><body/>'), 'a')).toBe('html');
    expect(await sniffDocumentType(Buffer.from('Use <html> tags like this.'), 'page.html')).toBe('text');
  });

  it('uses the extension only to tell Markdown from plain text', async () => {
    const bytes = Buffer.from('# Heading\n\nSome *text*.');
    expect(await sniffDocumentType(bytes, 'README.md')).toBe('markdown');
    expect(await sniffDocumentType(bytes, 'notes.MARKDOWN')).toBe('markdown');
    expect(await sniffDocumentType(bytes, 'notes.txt')).toBe('text');
    expect(await sniffDocumentType(Buffer.from('héllo wörld'), 'x')).toBe('text');
  });

  it('accepts a UTF-8 head cut in the middle of a character', async () => {
    const head = Buffer.from('plain text with é').subarray(0, -1);
    expect(await sniffDocumentType(head, 'a.txt')).toBe('text');
  });

  it('refuses an empty file', async () => {
    expect(await sniffDocumentType(Buffer.alloc(0), 'empty.txt')).toBeNull();
  });
});
