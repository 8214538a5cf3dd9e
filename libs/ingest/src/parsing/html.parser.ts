import { Parser } from 'htmlparser2';
import { neutraliseMarkup } from '@app/kernel';
import type { ParsedDocument } from '../domain/parsed-document';
import { collapseWhitespace, SectionCollector } from './section-collector';

// Elements whose text is never content a reader sees.
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'head', 'title', 'svg', 'math', 'iframe', 'object', 'canvas']);
const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'header',
  'hr',
  'html',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'tfoot',
  'thead',
  'tr',
  'ul',
]);
const HEADING = /^h([1-6])$/;
// Code whose text quotes markup (`&lt;div&gt;`): it stays readable, made inert, while markup
// decoded from entities anywhere else is stripped with the rest.
const LITERAL = new Set(['pre', 'code', 'kbd', 'samp']);

/** Feeds an HTML document or fragment into `collector`: headings, then paragraphs of visible text. */
export function collectHtml(html: string, collector: SectionCollector): void {
  let skipDepth = 0;
  let preDepth = 0;
  let literalDepth = 0;
  let buffer = '';
  let headingLevel = 0;

  const flushParagraph = () => {
    const text = preDepth > 0 ? buffer : collapseWhitespace(buffer);
    buffer = '';
    if (headingLevel > 0) collector.heading(headingLevel, text);
    else collector.paragraph(text);
  };

  const parser = new Parser(
    {
      onopentag(name) {
        if (SKIPPED.has(name)) skipDepth++;
        if (skipDepth > 0) return;
        const level = HEADING.exec(name);
        if (level || BLOCKS.has(name)) flushParagraph();
        if (level) headingLevel = Number(level[1]);
        if (name === 'pre') preDepth++;
        if (LITERAL.has(name)) literalDepth++;
        if (name === 'br') buffer += '\n';
        if (name === 'td' || name === 'th') buffer += ' ';
      },
      ontext(text) {
        if (skipDepth === 0) buffer += literalDepth > 0 ? neutraliseLiteral(text) : text;
      },
      onclosetag(name) {
        if (SKIPPED.has(name)) {
          skipDepth = Math.max(0, skipDepth - 1);
          return;
        }
        if (skipDepth > 0) return;
        if (HEADING.test(name) || BLOCKS.has(name)) flushParagraph();
        if (HEADING.test(name)) headingLevel = 0;
        if (name === 'pre') preDepth = Math.max(0, preDepth - 1);
        if (LITERAL.has(name)) literalDepth = Math.max(0, literalDepth - 1);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true },
  );
  parser.end(html);
  flushParagraph();
}

// Text arrives in pieces (a decoded `&lt;` may be a piece of its own), so a `<` ending one is
// made inert too: the tag name it would open may be in the next.
function neutraliseLiteral(text: string): string {
  const inert = neutraliseMarkup(text);
  return inert.endsWith('<') ? `${inert}\u200B` : inert;
}

export function parseHtml(html: string, maxTextChars: number): ParsedDocument {
  const collector = new SectionCollector(maxTextChars);
  collectHtml(html, collector);
  return { pageCount: null, sections: collector.finish() };
}
