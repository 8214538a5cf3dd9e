/**
 * pdf.js 6 inflates a page's content streams, form XObjects, embedded fonts and CMaps (Flate and
 * Brotli) through the platform's `DecompressionStream`, reading the output chunk by chunk before
 * it joins them. Standing in for that class is how a document's decoded bytes are counted and
 * capped: past the cap the output ends, empty, so no buffer beyond it is ever built, and the
 * parser then rejects the document. Ending the output rather than failing it matters: pdf.js
 * answers a failed stream by inflating the same bytes again in JavaScript, with no bound.
 *
 * What pdf.js still inflates in JavaScript (object and cross-reference streams, streams under
 * 1 KiB, LZW) is not counted here; the parse thread's memory and CPU budget bounds it.
 */
export class DecodedBytesBudget {
  private spent = 0;

  constructor(readonly limit: number) {}

  get exceeded(): boolean {
    return this.spent > this.limit;
  }

  /** Counts a decoded chunk; false once the document is over its limit. */
  spend(bytes: number): boolean {
    this.spent += bytes;
    return !this.exceeded;
  }
}

let current: DecodedBytesBudget | null = null;
let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs `parse` with `budget` counting every stream pdf.js decompresses meanwhile. Documents take
 * turns, since the count is the thread's: a parse thread reads one document at a time anyway.
 */
export function withDecodedBytesBudget<T>(budget: DecodedBytesBudget, parse: () => Promise<T>): Promise<T> {
  installCountingDecompression();
  const run = queue.then(async () => {
    current = budget;
    try {
      return await parse();
    } finally {
      current = null;
    }
  });
  queue = run.catch(() => undefined);
  return run;
}

type DecompressionStreamClass = typeof globalThis.DecompressionStream;
let installed = false;

function installCountingDecompression(): void {
  const available: DecompressionStreamClass | undefined = globalThis.DecompressionStream;
  if (installed || !available) return;
  const Native = available;
  installed = true;
  class CountingDecompressionStream {
    readonly readable: ReadableStream<Uint8Array>;
    readonly writable: DecompressionStream['writable'];

    constructor(format: ConstructorParameters<DecompressionStreamClass>[0]) {
      const inner = new Native(format);
      const budget = current;
      this.writable = inner.writable;
      this.readable = budget ? inner.readable.pipeThrough(cappedAt(budget)) : inner.readable;
    }
  }
  globalThis.DecompressionStream = CountingDecompressionStream as unknown as DecompressionStreamClass;
}

/**
 * Holds a stream's output until it ends, then hands it on as one chunk (pdf.js would join the
 * chunks itself). Past the cap it drops what it held and ends empty: pdf.js then reads nothing
 * instead of lexing the hundreds of megabytes a bomb had already produced.
 */
function cappedAt(budget: DecodedBytesBudget): TransformStream<Uint8Array, Uint8Array> {
  let held: Uint8Array[] = [];
  let heldBytes = 0;
  return new TransformStream({
    transform(chunk, controller) {
      if (!budget.spend(chunk.byteLength)) {
        held = [];
        controller.terminate(); // ends the output and cancels the inflation behind it
        return;
      }
      held.push(chunk);
      heldBytes += chunk.byteLength;
    },
    flush(controller) {
      if (held.length === 1) controller.enqueue(held[0]);
      else if (held.length > 1) controller.enqueue(joined(held, heldBytes));
      held = [];
    },
  });
}

function joined(chunks: Uint8Array[], length: number): Uint8Array {
  const whole = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    whole.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return whole;
}
