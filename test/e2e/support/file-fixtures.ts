import { buildDocx, buildZip } from '../../../libs/ingest/src/parsing/__fixtures__/docx.fixture';
import { buildPdf } from '../../../libs/ingest/src/parsing/__fixtures__/pdf.fixture';

/** One small document of each accepted type, each naming a topic only it mentions. */
export async function documentsOfEachType(tag: string): Promise<Array<{ name: string; bytes: Buffer; type: string }>> {
  return [
    {
      name: `handbook-${tag}.pdf`,
      type: 'application/pdf',
      bytes: buildPdf([[`Travel policy ${tag}`, 'Economy class for flights under six hours.'], ['Page two covers per diem allowances.']]),
    },
    {
      name: `onboarding-${tag}.docx`,
      type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      bytes: await buildDocx([{ style: 'Heading1', text: `Onboarding ${tag}` }, { text: 'New starters receive a laptop on their first day.' }]),
    },
    { name: `faq-${tag}.md`, type: 'text/markdown', bytes: Buffer.from(`# FAQ ${tag}\n\n## Parking\n\nStaff park on level two.\n`) },
    {
      name: `intranet-${tag}.html`,
      type: 'text/html',
      bytes: Buffer.from(`<!doctype html><html><head><script>alert(1)</script></head><body><h1>Canteen ${tag}</h1><p>Lunch is served from noon.</p></body></html>`),
    },
    { name: `notes-${tag}.txt`, type: 'text/plain', bytes: Buffer.from(`Meeting notes ${tag}.\n\nThe budget review moves to Thursday.\n`) },
  ];
}

/** A DOCX whose document.xml inflates about a thousand times: refused before inflating. */
export function docxBomb(): Promise<Buffer> {
  return buildZip([
    ['[Content_Types].xml', Buffer.from('<Types/>')],
    ['word/document.xml', Buffer.alloc(20 * 1024 * 1024, 0x20)],
  ]);
}
