import fc from 'fast-check';
import { deflateRawSync } from 'node:zlib';
import { hostileStrings, idsFor, MARKER, type FuzzPool } from './json-values';
import type { Schema } from './operations';
import { percentEncode } from './request-parts';

/** One part as written: its raw header lines, so a part may be malformed on purpose. */
interface FormPart {
  headerLines: string[];
  body: Buffer;
}

export interface MultipartForm {
  /** The boundary the Content-Type header names, or none at all. */
  declaredBoundary: string | null;
  /** The boundary the body is written with (usually the same). */
  boundary: string;
  /** Content-Type as sent; `{boundary}` is replaced by the declared boundary. */
  contentType: string;
  parts: FormPart[];
  preamble: string;
  epilogue: string;
  lineEnding: '\r\n' | '\n';
  closed: boolean;
  /** Cut the written body to this fraction of its length (the Content-Length still matches). */
  cutAt: number | null;
}

export function writeMultipart(form: MultipartForm): Buffer {
  const eol = form.lineEnding;
  const chunks: Buffer[] = [Buffer.from(form.preamble)];
  for (const part of form.parts) {
    chunks.push(Buffer.from(`--${form.boundary}${eol}${part.headerLines.map((line) => `${line}${eol}`).join('')}${eol}`, 'utf8'));
    chunks.push(part.body, Buffer.from(eol));
  }
  if (form.closed) chunks.push(Buffer.from(`--${form.boundary}--${eol}${form.epilogue}`));
  const body = Buffer.concat(chunks);
  return form.cutAt === null ? body : body.subarray(0, Math.floor(body.length * form.cutAt));
}

export function multipartContentType(form: MultipartForm): string {
  return form.contentType.replace('{boundary}', form.declaredBoundary ?? '');
}

const zipEntry = (name: string, content: Buffer) => {
  // A one-entry zip whose entry claims a DOCX path: enough for the sniffer to call it DOCX.
  const data = deflateRawSync(content);
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(8, 8);
  header.writeUInt32LE(data.length, 18);
  header.writeUInt32LE(content.length, 22);
  header.writeUInt16LE(name.length, 26);
  return Buffer.concat([header, Buffer.from(name), data]);
};

/** File contents: every accepted type (whole or as a broken head), types refused, empty, over the limit. */
function fileContents(maxBytes: number): fc.Arbitrary<Buffer> {
  return fc.oneof(
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 200 }).map((s) => Buffer.from(`Notes ${s} ${MARKER}\n`)),
    fc.string({ maxLength: 80 }).map((s) => Buffer.from(`# Heading\n\n- ${s}\n- [1] cited ${MARKER}\n`)),
    fc.constant(Buffer.from(`<html><body><script>alert(1)</script><p>&lt;script&gt; ${MARKER}</p></body></html>`)),
    fc.constant(Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF ${MARKER}`)),
    fc.constant(zipEntry('word/document.xml', Buffer.from('<w:document/>'))),
    fc.uint8Array({ minLength: 1, maxLength: 512 }).map((bytes) => Buffer.from(bytes)),
    fc.constant(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46])),
    fc.constant(Buffer.from(`text with a NUL \u0000 inside ${MARKER}`)),
    fc.constant(Buffer.from([0x61, 0x62, 0xc3, 0x28, 0xa0, 0xa1])),
    fc.constant(Buffer.alloc(0)),
    fc.constant(Buffer.alloc(maxBytes + 1, 'a')),
  );
}

const boundaries = fc.oneof(
  { arbitrary: fc.stringMatching(/^[A-Za-z0-9]{1,40}$/).map((s) => `fz${s}`), weight: 6 },
  { arbitrary: fc.constantFrom("'()+_,-./:=?", 'a'.repeat(71), 'with space', 'x', '--', 'b\u00e9'), weight: 1 },
);

const contentTypes = fc.oneof(
  { arbitrary: fc.constant('multipart/form-data; boundary={boundary}'), weight: 8 },
  {
    arbitrary: fc.constantFrom(
      'multipart/form-data; boundary="{boundary}"',
      'multipart/form-data; charset=utf-8; boundary={boundary}',
      'multipart/form-data; boundary={boundary}; boundary=other',
      'multipart/form-data',
      'multipart/form-data; boundary=',
      'multipart/mixed; boundary={boundary}',
      'MULTIPART/FORM-DATA; BOUNDARY={boundary}',
      'application/json',
      'text/plain',
    ),
    weight: 1,
  },
);

const filenamesFor = (pool: FuzzPool) =>
  fc.oneof(
    { arbitrary: fc.constantFrom('notes.txt', 'guide.md', 'page.html', 'report.pdf', 'letter.docx'), weight: 4 },
    {
      arbitrary: fc.constantFrom(
        '',
        'résumé 日本語 🙂.md',
        '../../etc/passwd',
        '..\\..\\boot.ini',
        'a"b.txt',
        'a\\"b.txt',
        'a;b=c.txt',
        'con.txt',
        `${'x'.repeat(300)}.txt`,
        '%00.txt',
        `<img src=x onerror=alert(1)>${MARKER}.txt`,
        '.htaccess',
        ' ',
      ),
      weight: 2,
    },
    { arbitrary: hostileStrings(pool).filter((s) => s.length < 500), weight: 1 },
  );

/** `name="…"` and `filename="…"` as written: a quote or line break inside breaks the header on purpose. */
const quoted = (value: string) => `"${value.replace(/[\r\n]/g, ' ')}"`;

function partOf(name: string | null, filename: { plain?: string; star?: string } | null, contentType: string | null, body: Buffer, extra: string[]): FormPart {
  let disposition = 'Content-Disposition: form-data';
  if (name !== null) disposition += `; name=${quoted(name)}`;
  if (filename?.plain !== undefined) disposition += `; filename=${quoted(filename.plain)}`;
  if (filename?.star !== undefined) disposition += `; filename*=${filename.star}`;
  return { headerLines: [disposition, ...(contentType ? [`Content-Type: ${contentType}`] : []), ...extra], body };
}

const starFilenames = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }).map((s) => `UTF-8''${percentEncode(s)}`),
  fc.constantFrom("utf-8''%ZZ.txt", "iso-8859-1''%E9t%E9.txt", "''x.txt", 'UTF-8', "UTF-8''", "x-unknown''a.txt", "UTF-8'en'%E2%82%AC.txt"),
);

/**
 * Forms for a multipart operation, from its schema: the declared fields and file in any order,
 * some left out or given twice, parts the schema does not name, odd filenames and part headers,
 * and bodies cut short or framed wrongly.
 */
export function multipartForms(schema: Schema, pool: FuzzPool, maxBytes: number): fc.Arbitrary<MultipartForm> {
  const properties = Object.entries(schema.properties ?? {});
  const filenames = filenamesFor(pool);
  const fieldValue = (name: string, property: Schema): fc.Arbitrary<string> =>
    fc.oneof(
      {
        arbitrary: property.enum?.length
          ? fc.constantFrom(...property.enum.map(String))
          : property.format === 'uuid'
            ? fc.oneof(fc.constantFrom(...idsFor(pool, [name])), fc.uuid())
            : fc.string({ maxLength: 20 }),
        weight: 4,
      },
      { arbitrary: hostileStrings(pool).filter((s) => s.length < 2_000), weight: 1 },
    );
  const declaredPart = ([name, property]: [string, Schema]): fc.Arbitrary<FormPart> =>
    property.format === 'binary'
      ? fc
          .tuple(
            fc.oneof(
              { arbitrary: filenames.map((plain) => ({ plain })), weight: 6 },
              { arbitrary: starFilenames.map((star) => ({ star })), weight: 1 },
              { arbitrary: fc.tuple(filenames, starFilenames).map(([plain, star]) => ({ plain, star })), weight: 1 },
            ),
            fc.oneof(fc.constant(null), fc.constantFrom('text/plain', 'application/octet-stream', 'application/pdf', 'text/html; charset=latin1', 'image/png', 'garbage')),
            fileContents(maxBytes),
          )
          .map(([filename, type, body]) => partOf(name, filename, type, body, []))
      : fieldValue(name, property).map((value) => partOf(name, null, null, Buffer.from(value, 'utf8'), []));
  const declared = properties.map(declaredPart);
  const strayPart = fc
    .tuple(
      fc.oneof(fc.constantFrom<string | null>(null, '', 'files', 'file[]', 'departmentId ', 'Visibility', '__proto__', MARKER), fc.constantFrom(...properties.map(([name]) => name))),
      fc.option(
        filenames.map((plain) => ({ plain })),
        { nil: null },
      ),
      fc.oneof(fc.constant(Buffer.from(MARKER)), fileContents(maxBytes)),
      fc.constantFrom<string[][]>([], ['Content-Transfer-Encoding: base64'], ['X-Extra: 1'], ['Content-Type: multipart/mixed; boundary=inner']),
    )
    .map(([name, filename, body, extra]) => partOf(name, filename, null, body, extra));
  const brokenPart = fc.constantFrom<FormPart>(
    { headerLines: [], body: Buffer.from(MARKER) },
    { headerLines: ['Content-Disposition: attachment; name="file"; filename="a.txt"'], body: Buffer.from('abc') },
    { headerLines: ['Content-Disposition: form-data; name="file"; filename="a.txt'], body: Buffer.from('abc') },
    { headerLines: ['Content-Disposition form-data name=file'], body: Buffer.from('abc') },
    { headerLines: [`X-Long: ${'h'.repeat(20_000)}`], body: Buffer.from('abc') },
  );
  const parts = fc
    .tuple(
      // Mostly every declared part in the schema's order (fields, then the file); else any subset in any order.
      fc.tuple(...declared).chain((all) => fc.oneof({ arbitrary: fc.constant(all), weight: 3 }, { arbitrary: fc.shuffledSubarray(all, { minLength: 0, maxLength: all.length }), weight: 2 })),
      fc.oneof(
        { arbitrary: fc.constant<FormPart[]>([]), weight: 3 },
        { arbitrary: fc.array(fc.oneof({ arbitrary: strayPart, weight: 3 }, { arbitrary: brokenPart, weight: 1 }), { minLength: 1, maxLength: 2 }), weight: 1 },
      ),
      fc.nat(),
    )
    .map(([own, stray, at]) => {
      const all = [...own];
      for (const part of stray) all.splice(at % (all.length + 1), 0, part);
      return all;
    });
  // A form the route accepts, now and then, so the cases also reach storage and the queue: the
  // declared parts in order, values that exist, a file whose name fits its text.
  const acceptable = fc
    .tuple(
      fc.stringMatching(/^[A-Za-z0-9]{8,30}$/),
      fc.tuple(
        ...properties.map(([name, property]) =>
          property.format === 'binary'
            ? fc
                .tuple(fc.constantFrom('notes.txt', 'guide.md', 'page.html'), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 200 }))
                .map(([filename, text]) => partOf(name, { plain: filename }, 'text/plain', Buffer.from(`Notes ${text}\n`), []))
            : (property.enum?.length
                ? fc.constantFrom(...property.enum.map(String))
                : property.format === 'uuid'
                  ? fc.constantFrom(...idsFor(pool, [name]))
                  : fc.string({ minLength: 1, maxLength: 20 })
              ).map((value) => partOf(name, null, null, Buffer.from(value, 'utf8'), [])),
        ),
      ),
    )
    .map(([boundary, parts]): MultipartForm => ({
      boundary: `fz${boundary}`,
      declaredBoundary: `fz${boundary}`,
      contentType: 'multipart/form-data; boundary={boundary}',
      parts,
      preamble: '',
      epilogue: '',
      lineEnding: '\r\n',
      closed: true,
      cutAt: null,
    }));
  const hostile = fc
    .record({
      boundary: boundaries,
      mismatched: fc.oneof({ arbitrary: fc.constant(false), weight: 12 }, { arbitrary: fc.constant(true), weight: 1 }),
      contentType: contentTypes,
      parts: fc.oneof({ arbitrary: parts, weight: 12 }, { arbitrary: fc.constant<FormPart[]>([]), weight: 1 }),
      preamble: fc.oneof({ arbitrary: fc.constant(''), weight: 8 }, { arbitrary: fc.constantFrom('preamble text\r\n', MARKER), weight: 1 }),
      epilogue: fc.oneof({ arbitrary: fc.constant(''), weight: 8 }, { arbitrary: fc.constantFrom('epilogue', '\r\n\r\n'), weight: 1 }),
      lineEnding: fc.oneof({ arbitrary: fc.constant<'\r\n' | '\n'>('\r\n'), weight: 12 }, { arbitrary: fc.constant<'\r\n' | '\n'>('\n'), weight: 1 }),
      closed: fc.oneof({ arbitrary: fc.constant(true), weight: 8 }, { arbitrary: fc.constant(false), weight: 1 }),
      cutAt: fc.oneof({ arbitrary: fc.constant(null), weight: 8 }, { arbitrary: fc.double({ min: 0, max: 0.999, noNaN: true }), weight: 1 }),
    })
    .map(({ boundary, mismatched, ...form }): MultipartForm => ({ ...form, boundary, declaredBoundary: mismatched ? `${boundary}x` : boundary }));
  return fc.oneof({ arbitrary: hostile, weight: 2 }, { arbitrary: acceptable, weight: 1 });
}
