/** A piece of text the chunker never cuts, and how it joins the piece before it. */
export interface TextUnit {
  text: string;
  joiner: '\n\n' | ' ';
}

const PARAGRAPH_BREAK = /\n[ \t]*\n+/;
// A sentence ends at . ! ? or … (optionally closed by a quote or bracket) followed by whitespace.
const SENTENCE_END = /(?<=[.!?…]["'”’)\]]?)\s+/u;

/**
 * Splits a section into units no longer than `maxChars`: whole paragraphs where they fit,
 * otherwise sentences, and only as a last resort runs of words (or characters, for a "word"
 * longer than the limit, such as a base64 blob).
 */
export function splitIntoUnits(text: string, maxChars: number): TextUnit[] {
  const units: TextUnit[] = [];
  for (const paragraph of paragraphsOf(text)) {
    if (paragraph.length <= maxChars) {
      units.push({ text: paragraph, joiner: '\n\n' });
      continue;
    }
    const pieces = paragraph.split(SENTENCE_END).flatMap((sentence) => splitLongSentence(sentence, maxChars));
    pieces.forEach((piece, i) => units.push({ text: piece, joiner: i === 0 ? '\n\n' : ' ' }));
  }
  return units;
}

function paragraphsOf(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(PARAGRAPH_BREAK)
    .map(normaliseParagraph)
    .filter((paragraph) => paragraph.length > 0);
}

function normaliseParagraph(paragraph: string): string {
  return paragraph
    .split('\n')
    .map((line) => line.replace(/[ \t\f\v\u00a0]+/g, ' ').trimEnd())
    .join('\n')
    .trim();
}

function splitLongSentence(sentence: string, maxChars: number): string[] {
  if (sentence.length <= maxChars) return [sentence];
  const pieces: string[] = [];
  let current = '';
  for (const word of sentence.split(/\s+/)) {
    for (const part of hardWrap(word, maxChars)) {
      if (current && current.length + 1 + part.length > maxChars) {
        pieces.push(current);
        current = '';
      }
      current = current ? `${current} ${part}` : part;
    }
  }
  if (current) pieces.push(current);
  return pieces;
}

function hardWrap(word: string, maxChars: number): string[] {
  if (word.length <= maxChars) return [word];
  const parts: string[] = [];
  for (let start = 0; start < word.length; start += maxChars) parts.push(word.slice(start, start + maxChars));
  return parts;
}

/**
 * The end of `text`, at most `maxChars` long, starting at a sentence boundary when that keeps a
 * useful amount of context, otherwise at a word boundary.
 */
export function overlapTail(text: string, maxChars: number): string {
  if (maxChars <= 0 || text.length === 0) return '';
  if (text.length <= maxChars) return text;
  const tail = text.slice(-maxChars);
  const sentenceStart = tail.search(/(?<=[.!?…]["'”’)\]]?\s+)\S/u);
  if (sentenceStart >= 0 && tail.length - sentenceStart >= maxChars / 3) return tail.slice(sentenceStart);
  const wordStart = tail.search(/(?<=\s)\S/);
  return wordStart >= 0 ? tail.slice(wordStart) : '';
}
