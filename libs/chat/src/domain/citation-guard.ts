// A marker is [n] or [n, m, …]; a model sometimes groups numbers that way.
const MARKER = /^\[(\d{1,4}(?:\s*,\s*\d{1,4})*)\]/;
// A prefix that may still become a marker once more text arrives.
const PARTIAL_MARKER = /^\[(?:\d{1,4}(?:\s*,\s*\d{0,4})*)?\s*$/;
const LONGEST_MARKER = 40;

/**
 * Filters streamed answer text so that no citation marker reaches the client unless every
 * number in it is a citation we hold: `[n]` with 1 ≤ n ≤ citationCount. A marker is held back
 * while it is incomplete (`[1`), then passed, rewritten without its invalid numbers
 * (`[1, 7]` → `[1]`) or dropped (`[7]`). Text that only looks like a marker start (`[see`)
 * passes unchanged.
 */
export class CitationGuard {
  private pending = '';
  private readonly cited = new Set<number>();

  constructor(private citationCount: number) {}

  /**
   * Lets later markers cite up to `citationCount` sources; never narrows. For an agent that finds
   * its sources while it answers: text already passed was checked against the sources held then.
   */
  allowUpTo(citationCount: number): void {
    this.citationCount = Math.max(this.citationCount, citationCount);
  }

  /** Returns the text that is safe to emit now; may be empty while a marker is pending. */
  push(text: string): string {
    const input = this.pending + text;
    this.pending = '';
    let output = '';
    let i = 0;
    while (i < input.length) {
      const open = input.indexOf('[', i);
      if (open === -1) {
        output += input.slice(i);
        break;
      }
      output += input.slice(i, open);
      const rest = input.slice(open);
      const marker = MARKER.exec(rest);
      if (marker) {
        output += this.keepValid(marker[1]);
        i = open + marker[0].length;
      } else if (PARTIAL_MARKER.test(rest) && rest.length <= LONGEST_MARKER) {
        this.pending = rest;
        break;
      } else {
        output += '[';
        i = open + 1;
      }
    }
    return output;
  }

  /** Ends the stream: an unfinished marker is dropped, since it can no longer become valid. */
  flush(): string {
    const rest = this.pending;
    this.pending = '';
    return PARTIAL_MARKER.test(rest) && /\d/.test(rest) ? '' : rest;
  }

  /** The citation numbers that passed so far, ascending. */
  citedNumbers(): number[] {
    return [...this.cited].sort((a, b) => a - b);
  }

  private keepValid(numbers: string): string {
    const valid = numbers
      .split(',')
      .map((n) => Number(n.trim()))
      .filter((n) => Number.isInteger(n) && n >= 1 && n <= this.citationCount);
    for (const n of valid) this.cited.add(n);
    return valid.map((n) => `[${n}]`).join('');
  }
}

/** The whole-text form, for the answer as stored. */
export function guardCitations(text: string, citationCount: number): { text: string; cited: number[] } {
  const guard = new CitationGuard(citationCount);
  const guarded = guard.push(text) + guard.flush();
  return { text: guarded, cited: guard.citedNumbers() };
}
