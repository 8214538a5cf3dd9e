/** The parts of a pdf.js text item that decide where spaces and line breaks go. */
export interface PositionedText {
  str: string;
  hasEOL: boolean;
  /** [a, b, c, d, x, y]: the text matrix; x and y are the baseline origin. */
  transform: number[];
  width: number;
  height: number;
}

interface Line {
  text: string;
  y: number;
  fontSize: number;
}

/**
 * Turns a page's text items back into paragraphs: items on one baseline form a line (with a space
 * where there is a visible gap), and a vertical gap clearly larger than the line height starts a
 * new paragraph. Lines of one paragraph are joined with a space, mending words hyphenated at a
 * line end.
 */
export function layoutPageText(items: PositionedText[]): string {
  return groupParagraphs(buildLines(items))
    .map((paragraph) => paragraph.reduce(joinLines, '').trim())
    .filter((paragraph) => paragraph.length > 0)
    .join('\n\n');
}

function buildLines(items: PositionedText[]): Line[] {
  const lines: Line[] = [];
  let current: Line | null = null;
  let lastEndX = 0;
  let lineEnded = true;
  for (const item of items) {
    const [, , c, d, x, y] = item.transform;
    const fontSize = Math.hypot(c, d) || item.height || 1;
    const startsNewLine = !current || lineEnded || Math.abs(y - current.y) > fontSize * 0.5;
    if (item.str.length > 0 || !startsNewLine) {
      if (startsNewLine || !current) {
        current = { text: '', y, fontSize };
        lines.push(current);
      } else if (x - lastEndX > fontSize * 0.15 && !/\s$/.test(current.text) && !/^\s/.test(item.str)) {
        current.text += ' ';
      }
      current.text += item.str;
      current.fontSize = Math.max(current.fontSize, fontSize);
      lastEndX = x + item.width;
    }
    lineEnded = item.hasEOL;
  }
  return lines.map((line) => ({ ...line, text: line.text.replace(/\s+/g, ' ').trim() })).filter((line) => line.text);
}

function groupParagraphs(lines: Line[]): Line[][] {
  const paragraphs: Line[][] = [];
  let previous: Line | null = null;
  for (const line of lines) {
    const gap = previous ? Math.abs(previous.y - line.y) : 0;
    if (!previous || gap > Math.max(previous.fontSize, line.fontSize) * 1.8) paragraphs.push([]);
    paragraphs[paragraphs.length - 1].push(line);
    previous = line;
  }
  return paragraphs;
}

function joinLines(paragraph: string, line: Line): string {
  if (!paragraph) return line.text;
  if (/\p{L}-$/u.test(paragraph) && /^\p{Ll}/u.test(line.text)) return paragraph.slice(0, -1) + line.text;
  return `${paragraph} ${line.text}`;
}
