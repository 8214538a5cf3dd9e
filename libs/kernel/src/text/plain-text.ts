/**
 * Document text, as snippets, prompts and answers carry it, is plain text: whatever markup a
 * document brings is gone or inert, and no `[n]` in it can pass for one of the answer's own
 * citations. Ingestion cleans every format with `cleanDocumentText`, and the prompt fence cleans
 * again, so chunks indexed before this rule existed are covered too.
 */
export function cleanDocumentText(text: string): string {
  return stripCitationMarkers(neutraliseMarkup(stripMarkup(text)));
}

// U+200B between `<` and what follows: an HTML parser no longer opens a tag there, and a reader
// sees the same characters.
const TAG_OPENING = /<(?=[A-Za-z/!?])/g;

/**
 * Leaves every character of `text` in place but breaks each `<` that could open a tag, comment or
 * declaration. For text that is code or literally quoted markup, which should stay readable.
 */
export function neutraliseMarkup(text: string): string {
  return text.replace(TAG_OPENING, '<\u200B');
}

// The citation guard's grammar (`[n]`, `[n, m]`) and ranges (`[2–4]`), with the spaces before it.
// The lookbehind tries a run of spaces once, from its start: without it, every space of a long
// run would start a scan to the run's end.
const CITATION_MARKER = /(?<![ \t])[ \t]*\[\d{1,4}(?:\s*[,–-]\s*\d{1,4})*\]/g;

/** Removes `[n]`-style markers: in an answer, only the model's own citations may look like that. */
export function stripCitationMarkers(text: string): string {
  return text.replace(CITATION_MARKER, '');
}

// HTML's elements, and SVG's that appear in HTML. A tag-shaped run with another name (`x<y and y>z`)
// is left as text, made inert, unless it carries an event handler.
const KNOWN_ELEMENTS = new Set(
  (
    'a abbr address area article aside audio b base bdi bdo blockquote body br button canvas caption cite code col colgroup ' +
    'data datalist dd del details dfn dialog div dl dt em embed fieldset figcaption figure font footer form frame frameset h1 h2 h3 ' +
    'h4 h5 h6 head header hgroup hr html i iframe img input ins kbd label legend li link main map mark marquee math menu meta ' +
    'meter nav noembed noframes noscript object ol optgroup option output p param picture pre progress q rp rt ruby s samp ' +
    'script search section select slot small source span strike strong style sub summary sup svg table tbody td template ' +
    'textarea tfoot th thead time title tr track tt u ul var video wbr xmp animate circle clippath defs ellipse feimage ' +
    'foreignobject g image line lineargradient mask path pattern polygon polyline radialgradient rect set stop symbol text tspan use ' +
    'document documents'
  ).split(' '),
);
// Elements whose content is never prose: they go with everything inside them.
const RAW_TEXT_ELEMENTS = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noscript', 'noembed', 'noframes', 'template', 'iframe', 'svg', 'math', 'object']);
// Tags that sit inside a word's run of text; any other tag stood between blocks, so it leaves a space.
const PHRASING_ELEMENTS = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'code',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'kbd',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
  'wbr',
]);

/**
 * Removes complete tags, comments and declarations, and raw-text elements (script, style, …) with
 * their content. A tag here never contains `<`, so every scan ends at the next `<` at the latest
 * and the whole pass stays linear in the length of the text, whatever the text is.
 */
export function stripMarkup(text: string): string {
  if (!text.includes('<')) return text;
  const scanner = new MarkupScanner(text);
  return scanner.strip();
}

interface Tag {
  name: string;
  closing: boolean;
  selfClosing: boolean;
  hasEventHandler: boolean;
  /** Just past its `>`. */
  end: number;
}

class MarkupScanner {
  private readonly out: string[] = [];
  // Where a search for a closing sequence already failed: no later search for it can succeed.
  private readonly missing = new Map<string, number>();
  private readonly closings = new Map<string, { from: number; at: number | null; end: number | null }>();

  constructor(private readonly text: string) {}

  strip(): string {
    const { text } = this;
    let copiedUpTo = 0;
    let i = text.indexOf('<');
    while (i !== -1) {
      const end = this.markupEndingAt(i);
      if (end === null) {
        i = text.indexOf('<', i + 1);
        continue;
      }
      this.out.push(text.slice(copiedUpTo, i), end.replacement);
      copiedUpTo = end.index;
      i = text.indexOf('<', end.index);
    }
    this.out.push(text.slice(copiedUpTo));
    return this.out.join('');
  }

  /** Where the markup starting at `start` ends and what stands in for it, or null if it is not markup. */
  private markupEndingAt(start: number): { index: number; replacement: string } | null {
    const { text } = this;
    const next = text[start + 1];
    if (text.startsWith('<!--', start)) {
      const close = this.find('-->', start + 4);
      return close === -1 ? null : { index: close + 3, replacement: '' };
    }
    if (next === '!' || next === '?') {
      const close = this.declarationEnd(start + 2);
      return close === -1 ? null : { index: close + 1, replacement: ' ' };
    }
    const tag = this.tagAt(start);
    if (!tag || !(KNOWN_ELEMENTS.has(tag.name) || tag.name.includes('-') || tag.hasEventHandler)) return null;
    const replacement = PHRASING_ELEMENTS.has(tag.name) ? '' : ' ';
    if (tag.closing || tag.selfClosing || !RAW_TEXT_ELEMENTS.has(tag.name)) return { index: tag.end, replacement };
    const close = this.closingTagOf(tag.name, tag.end);
    return { index: close ?? tag.end, replacement };
  }

  private declarationEnd(from: number): number {
    const { text } = this;
    for (let i = from; i < text.length; i++) {
      if (text[i] === '>') return i;
      if (text[i] === '<') return -1;
    }
    return -1;
  }

  /** Reads `<name attr="v" …>`, `<name/>` or `</name>`; null unless it is complete and well formed. */
  private tagAt(start: number): Tag | null {
    const { text } = this;
    let i = start + 1;
    const closing = text[i] === '/';
    if (closing) i++;
    const nameStart = i;
    if (!isAsciiLetter(text.charCodeAt(i))) return null;
    while (i < text.length && /[A-Za-z0-9:-]/.test(text[i])) i++;
    const name = text.slice(nameStart, i).toLowerCase();
    let hasEventHandler = false;
    for (;;) {
      const beforeSpace = i;
      while (i < text.length && isSpace(text[i])) i++;
      const char = text[i];
      if (char === '>') return { name, closing, selfClosing: false, hasEventHandler, end: i + 1 };
      if (char === '/' && text[i + 1] === '>') return { name, closing, selfClosing: true, hasEventHandler, end: i + 2 };
      if (closing || i === beforeSpace || i >= text.length) return null; // an attribute needs a space before it
      const attributeStart = i;
      while (i < text.length && !/[\s"'<>/=]/.test(text[i])) i++;
      if (i === attributeStart) return null;
      hasEventHandler ||= /^on/i.test(text.slice(attributeStart, attributeStart + 2));
      let afterName = i;
      while (afterName < text.length && isSpace(text[afterName])) afterName++;
      if (text[afterName] !== '=') continue;
      i = afterName + 1;
      while (i < text.length && isSpace(text[i])) i++;
      const quote = text[i];
      if (quote === '"' || quote === "'") {
        const closeQuote = this.quoteEnd(quote, i + 1);
        if (closeQuote === -1) return null;
        i = closeQuote + 1;
      } else {
        const valueStart = i;
        while (i < text.length && !/[\s"'<>=`]/.test(text[i])) i++;
        if (i === valueStart) return null;
      }
    }
  }

  private quoteEnd(quote: string, from: number): number {
    const { text } = this;
    for (let i = from; i < text.length; i++) {
      if (text[i] === quote) return i;
      if (text[i] === '<') return -1;
    }
    return -1;
  }

  /** The index just past the first `</name>` at or after `from`, or null when the element is never closed. */
  private closingTagOf(name: string, from: number): number | null {
    // The answer holds for every later `from` up to the tag found, so each name's search moves
    // forward only, however many unclosed openings there are.
    const known = this.closings.get(name);
    if (known && from >= known.from && (known.at === null || from <= known.at)) return known.end;
    const pattern = new RegExp(`</${name}[\\s>]`, 'gi');
    pattern.lastIndex = from;
    for (let match = pattern.exec(this.text); match; match = pattern.exec(this.text)) {
      const tag = this.tagAt(match.index);
      if (tag?.closing && tag.name === name) {
        this.closings.set(name, { from, at: match.index, end: tag.end });
        return tag.end;
      }
    }
    this.closings.set(name, { from, at: null, end: null });
    return null;
  }

  private find(needle: string, from: number): number {
    const knownMissingFrom = this.missing.get(needle);
    if (knownMissingFrom !== undefined && from >= knownMissingFrom) return -1;
    const at = this.text.indexOf(needle, from);
    if (at === -1) this.missing.set(needle, from);
    return at;
  }
}

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isSpace(char: string | undefined): boolean {
  return char === ' ' || char === '\t' || char === '\n' || char === '\r' || char === '\f';
}
