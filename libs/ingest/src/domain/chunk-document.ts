import { createHash } from 'node:crypto';
import type { ParsedDocument, ParsedSection } from './parsed-document';
import { overlapTail, splitIntoUnits, type TextUnit } from './text-units';

export interface Chunk {
  /** Position in the document, from 0; with the file id it gives the chunk's stable id. */
  index: number;
  text: string;
  page: number | null;
  headingPath: string[];
}

export interface ChunkingOptions {
  /** Chunks aim at this length; one may exceed it by up to the overlap it starts with. */
  targetChars: number;
  /** How much of the end of one chunk the next one repeats, so a fact cut in two is still found. */
  overlapChars: number;
}

export const DEFAULT_CHUNKING: ChunkingOptions = { targetChars: 1000, overlapChars: 150 };

/**
 * Splits a parsed document into chunks on paragraph, then sentence, boundaries. A chunk never
 * spans two sections, so its page and heading path are exactly those of its text.
 * Deterministic: the same document and options always give the same chunks.
 */
export function chunkDocument(document: ParsedDocument, options: Partial<ChunkingOptions> = {}): Chunk[] {
  const settings = { ...DEFAULT_CHUNKING, ...options };
  if (settings.targetChars < 1) throw new RangeError('targetChars must be at least 1');
  if (settings.overlapChars < 0 || settings.overlapChars >= settings.targetChars) {
    throw new RangeError('overlapChars must be between 0 and targetChars');
  }
  const chunks: Chunk[] = [];
  for (const section of document.sections) {
    for (const text of chunkSectionText(section, settings)) {
      chunks.push({ index: chunks.length, text, page: section.page, headingPath: [...section.headingPath] });
    }
  }
  return chunks;
}

function chunkSectionText(section: ParsedSection, { targetChars, overlapChars }: ChunkingOptions): string[] {
  const texts: string[] = [];
  let current = '';
  let currentHasNewText = false;
  for (const unit of splitIntoUnits(section.text, targetChars)) {
    if (currentHasNewText && current.length + unit.joiner.length + unit.text.length > targetChars) {
      texts.push(current);
      current = overlapTail(current, overlapChars);
    }
    current = join(current, unit);
    currentHasNewText = true;
  }
  if (currentHasNewText) texts.push(current);
  return texts;
}

function join(current: string, unit: TextUnit): string {
  return current ? `${current}${unit.joiner}${unit.text}` : unit.text;
}

/**
 * The chunk's id in every store, derived from the file, its index generation and the position,
 * so that re-running one ingestion overwrites instead of duplicating, while a reindex (the next
 * generation) writes beside the chunks search still serves. Generation 0 keeps the ids chunks had
 * before generations existed. Formatted as an RFC 9562 version 8 UUID, the version meant for
 * name-based ids built with a hash other than MD5 or SHA-1.
 */
export function chunkId(fileId: string, index: number, generation = 0): string {
  const name = generation === 0 ? `${fileId}:${index}` : `${fileId}:${generation}:${index}`;
  const bytes = createHash('sha256').update(name).digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x80;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
