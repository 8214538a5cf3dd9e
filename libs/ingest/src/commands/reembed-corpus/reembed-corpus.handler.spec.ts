import { ConfiguredEmbeddingModels, LocalHashedEmbeddings } from '@app/llm';
import { VectorBackfill, VectorSpaces, type BackfillFile, type VectorBuildStatus, type VectorSpaceInfo } from '@app/retrieval';
import { ReembedCorpus } from './reembed-corpus.command';
import { ReembedCorpusHandler } from './reembed-corpus.handler';

const BUILDING: VectorSpaceInfo = { id: 'space-new', collection: 'chunks_new', modelId: 'local-hashed-v1-d32', dimension: 32, state: 'building' };

interface LiveFile {
  id: string;
  generation: number;
  chunks: number;
}

/** The chunk rows and the new space's record of what it holds, as PostgreSQL and Chroma keep them. */
class InMemoryBackfill extends VectorBackfill {
  readonly files: LiveFile[] = [];
  readonly recorded = new Map<string, number>(); // file id → generation held
  readonly vectors = new Map<string, readonly number[]>();
  readonly batches: string[][] = [];
  /** Runs after each store, as other processes would. */
  afterStore: (() => void) | null = null;

  add(id: string, chunks: number, generation = 0) {
    this.files.push({ id, generation, chunks });
    this.files.sort((a, b) => a.id.localeCompare(b.id));
  }

  missing() {
    return this.files.filter((file) => this.recorded.get(file.id) !== file.generation);
  }

  async pending(_spaceId: string, after: string | null, maxChunks: number): Promise<BackfillFile[]> {
    const batch: BackfillFile[] = [];
    let chunks = 0;
    for (const file of this.missing().filter((f) => after === null || f.id > after)) {
      if (batch.length > 0 && chunks >= maxChunks) break;
      chunks += file.chunks;
      batch.push({
        file: { id: file.id, departmentId: 'd', visibility: 'organization' },
        generation: file.generation,
        chunks: Array.from({ length: file.chunks }, (_, index) => ({ id: `${file.id}/${file.generation}/${index}`, index, text: `text ${index} of ${file.id}`, page: null, headingPath: [] })),
      });
    }
    return batch;
  }

  async store(_space: VectorSpaceInfo, files: BackfillFile[], vectors: ReadonlyArray<readonly number[][]>) {
    this.batches.push(files.map(({ file }) => file.id));
    files.forEach(({ file, generation, chunks }, f) => {
      chunks.forEach((chunk, i) => this.vectors.set(chunk.id, vectors[f][i]));
      this.recorded.set(file.id, generation);
    });
    this.afterStore?.();
  }
}

class InMemorySpaces extends VectorSpaces {
  state: VectorSpaceInfo['state'] = 'building';
  dropped = 0;
  constructor(private readonly backfill: InMemoryBackfill) {
    super();
  }
  async live(): Promise<VectorSpaceInfo> {
    throw new Error('not used');
  }
  async active() {
    return [];
  }
  async find(id: string) {
    return id === BUILDING.id ? { ...BUILDING, state: this.state } : null;
  }
  async startBuilding() {
    return null;
  }
  async buildStatus(): Promise<VectorBuildStatus | null> {
    return null;
  }
  async complete() {
    if (this.state !== 'building') return 'not_building' as const;
    if (this.backfill.missing().length > 0) return 'incomplete' as const;
    this.state = 'live';
    return 'switched' as const;
  }
  async fail() {}
  async dropUnused() {
    this.dropped++;
    return ['chunks'];
  }
}

/** Counts the texts each model embeds. */
class CountingModels extends ConfiguredEmbeddingModels {
  embedded = 0;
  override forModelId(modelId: string) {
    const model = super.forModelId(modelId);
    const embedDocuments = model.embedDocuments.bind(model);
    return Object.assign(Object.create(model), {
      embedDocuments: async (texts: string[]) => {
        this.embedded += texts.length;
        return embedDocuments(texts);
      },
    });
  }
}

function setUp(batchChunks = 10) {
  const backfill = new InMemoryBackfill();
  const spaces = new InMemorySpaces(backfill);
  const models = new CountingModels(new LocalHashedEmbeddings({ dimension: 64 }));
  const handler = new ReembedCorpusHandler(spaces, backfill, models, { batchChunks, embeddingBatchSize: 4, pauseMs: 0 });
  return { backfill, spaces, models, handler };
}

describe('ReembedCorpusHandler', () => {
  it('copies every live file into the new space in batches, with its model, then switches and drops the old space', async () => {
    const { backfill, spaces, models, handler } = setUp();
    for (let i = 0; i < 7; i++) backfill.add(`f${i}`, 3);
    expect(await handler.execute(new ReembedCorpus(BUILDING.id))).toEqual({ outcome: 'switched' });
    expect(spaces.state).toBe('live');
    expect(spaces.dropped).toBe(1);
    expect(backfill.vectors.size).toBe(21);
    expect([...backfill.vectors.values()].every((vector) => vector.length === 32)).toBe(true);
    expect(backfill.batches).toEqual([
      ['f0', 'f1', 'f2', 'f3'],
      ['f4', 'f5', 'f6'],
    ]);
    expect(models.embedded).toBe(21);
  });

  it('stops after the batch in hand when told to, and a later run embeds only what is missing', async () => {
    const { backfill, spaces, models, handler } = setUp();
    for (let i = 0; i < 7; i++) backfill.add(`f${i}`, 3);
    const stop = new AbortController();
    backfill.afterStore = () => stop.abort();
    expect(await handler.execute(new ReembedCorpus(BUILDING.id, stop.signal))).toEqual({ outcome: 'paused' });
    expect(spaces.state).toBe('building');
    expect(models.embedded).toBe(12);

    backfill.afterStore = null;
    expect(await handler.execute(new ReembedCorpus(BUILDING.id))).toEqual({ outcome: 'switched' });
    expect(models.embedded).toBe(21); // no file embedded twice
    expect(backfill.vectors.size).toBe(21);
  });

  it('copies a file that went live behind the cursor before switching', async () => {
    const { backfill, spaces, handler } = setUp();
    for (let i = 1; i < 7; i++) backfill.add(`f${i}`, 3);
    let once = true;
    backfill.afterStore = () => {
      if (!once) return;
      once = false;
      backfill.add('f0', 2); // sorts before the cursor
      backfill.files.find((f) => f.id === 'f1')!.generation = 1; // reindexed after it was copied
    };
    expect(await handler.execute(new ReembedCorpus(BUILDING.id))).toEqual({ outcome: 'switched' });
    expect(spaces.state).toBe('live');
    expect(backfill.vectors.has('f0/0/1')).toBe(true);
    expect(backfill.vectors.has('f1/1/0')).toBe(true);
    expect(backfill.missing()).toEqual([]);
  });

  it('does nothing for a space that is no longer being built', async () => {
    const { spaces, backfill, handler } = setUp();
    backfill.add('f0', 1);
    spaces.state = 'failed';
    expect(await handler.execute(new ReembedCorpus(BUILDING.id))).toEqual({ outcome: 'skipped' });
    expect(await handler.execute(new ReembedCorpus('another-space'))).toEqual({ outcome: 'skipped' });
    expect(backfill.vectors.size).toBe(0);
  });

  it('refuses a space of a model this worker cannot run', async () => {
    const { handler, spaces } = setUp();
    spaces.find = async () => ({ ...BUILDING, modelId: 'cohere:embed-v4:d3' });
    await expect(handler.execute(new ReembedCorpus(BUILDING.id))).rejects.toMatchObject({ code: 'embedding_model_mismatch' });
  });

  it('switches an empty corpus at once', async () => {
    const { spaces, handler } = setUp();
    expect(await handler.execute(new ReembedCorpus(BUILDING.id))).toEqual({ outcome: 'switched' });
    expect(spaces.state).toBe('live');
  });
});
