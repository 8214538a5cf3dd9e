import { accessScopeOf, type AccessScope } from '../domain/access-scope';
import type { RetrievedChunk } from '../domain/retrieved-chunk';
import { FusionSettings } from './fusion-settings';
import { HybridChunkSearch } from './hybrid-chunk-search';
import { ChunkStore, FullTextLeg, SearchCache, VectorLeg, type CachedSearch, type StoredChunk } from './search.ports';

const equalWeights = new FusionSettings(60, 1);

type Placed = StoredChunk & { departmentId: string };
const chunk = (id: string, departmentId = 'd1', generation = 0, fileId = `file-${id}`): Placed => ({
  chunkId: id,
  fileId,
  filename: `${id}.pdf`,
  page: 1,
  headingPath: [],
  text: `text of ${id}`,
  score: 0,
  departmentId,
  generation,
});
// old-1 and new-1 are the same chunk of one file in two generations, as during a reindex.
const CORPUS = [chunk('a'), chunk('b'), chunk('c'), chunk('secret', 'd2'), chunk('old-1', 'd1', 3, 'file-r'), chunk('new-1', 'd1', 4, 'file-r'), chunk('other-r', 'd1', 4, 'file-r')];
const readable = (scope: AccessScope) => CORPUS.filter((c) => scope.readerDepartmentIds.includes(c.departmentId));
const strip = ({ departmentId: _, ...rest }: Placed): StoredChunk => rest;

class InMemoryFullText extends FullTextLeg {
  calls = 0;
  constructor(private readonly ranked: string[]) {
    super();
  }
  async search(_query: string, scope: AccessScope, limit: number) {
    this.calls++;
    const allowed = new Set(readable(scope).map((c) => c.chunkId));
    return this.ranked
      .filter((id) => allowed.has(id))
      .slice(0, limit)
      .map((id) => strip(CORPUS.find((c) => c.chunkId === id)!));
  }
}

class InMemoryVectors extends VectorLeg {
  constructor(private readonly ranked: string[]) {
    super();
  }
  async prepare() {
    return { nearest: async () => this.ranked };
  }
}

class InMemoryStore extends ChunkStore {
  readonly rowsRead: string[][] = [];
  async findReadable(ids: readonly string[], scope: AccessScope) {
    this.rowsRead.push([...ids]);
    return readable(scope)
      .filter((c) => ids.includes(c.chunkId))
      .map(strip);
  }
  async readableIds(ids: readonly string[], scope: AccessScope) {
    return readable(scope)
      .filter((c) => ids.includes(c.chunkId))
      .map((c) => c.chunkId);
  }
}

class InMemoryCache extends SearchCache {
  readonly entries = new Map<string, RetrievedChunk[]>();
  version = '0';
  async lookup(key: string): Promise<CachedSearch> {
    return { corpusVersion: this.version, chunks: this.entries.get(`${this.version}:${key}`) ?? null };
  }
  async store(key: string, version: string, chunks: RetrievedChunk[]) {
    this.entries.set(`${version}:${key}`, chunks);
  }
}

const scope = accessScopeOf({ departmentIds: ['d1'] });

describe('HybridChunkSearch', () => {
  it('ranks a chunk both legs found above chunks only one leg found', async () => {
    const search = new HybridChunkSearch(new InMemoryFullText(['a', 'b']), new InMemoryVectors(['c', 'b']), new InMemoryStore(), new InMemoryCache(), equalWeights);
    const result = await search.search({ query: 'q', scope });
    expect(result.map((c) => c.chunkId)).toEqual(['b', 'a', 'c']);
    expect(result[0].score).toBeGreaterThan(result[1].score);
    expect(result[2].text).toBe('text of c');
  });

  it('weighs the vector leg by the fusion settings', async () => {
    const legs = () => [new InMemoryFullText(['a', 'b']), new InMemoryVectors(['c']), new InMemoryStore(), new InMemoryCache()] as const;
    const equal = await new HybridChunkSearch(...legs(), equalWeights).search({ query: 'q', scope });
    expect(equal.map((c) => c.chunkId)).toEqual(['a', 'c', 'b']);
    // a 1/11, b 1/12, c 0.2/11: a vector-only hit no longer outranks the second text hit.
    const light = await new HybridChunkSearch(...legs(), new FusionSettings(10, 0.2)).search({ query: 'q', scope });
    expect(light.map((c) => c.chunkId)).toEqual(['a', 'b', 'c']);
    expect(light[0].score).toBeCloseTo(1 / 11, 10);
  });

  it('reads rows only for chunks the vectors alone put in the answer', async () => {
    const store = new InMemoryStore();
    const search = new HybridChunkSearch(new InMemoryFullText(['a', 'b']), new InMemoryVectors(['c', 'b']), store, new InMemoryCache(), new FusionSettings(10, 0.2));
    expect((await search.search({ query: 'q', scope, limit: 2 })).map((c) => c.chunkId)).toEqual(['b', 'a']);
    expect((await search.search({ query: 'q2', scope, limit: 3 })).map((c) => c.text)).toEqual(['text of b', 'text of a', 'text of c']);
    expect(store.rowsRead.filter((ids) => ids.length > 0)).toEqual([['c']]);
  });

  it('drops a vector hit the store will not return for this reader', async () => {
    const search = new HybridChunkSearch(new InMemoryFullText([]), new InMemoryVectors(['secret', 'a']), new InMemoryStore(), new InMemoryCache(), equalWeights);
    expect((await search.search({ query: 'q', scope })).map((c) => c.chunkId)).toEqual(['a']);
  });

  it('answers from full text alone when the vector store fails', async () => {
    const failing = new (class extends VectorLeg {
      async prepare(): Promise<never> {
        throw new Error('chroma is down');
      }
    })();
    const search = new HybridChunkSearch(new InMemoryFullText(['a']), failing, new InMemoryStore(), new InMemoryCache(), equalWeights);
    expect((await search.search({ query: 'q', scope })).map((c) => c.chunkId)).toEqual(['a']);
  });

  it('never returns a file’s chunks of two generations: the newest seen wins', async () => {
    // Full text read the file before its reindex was published, the vector rows after.
    const search = new HybridChunkSearch(new InMemoryFullText(['old-1', 'a']), new InMemoryVectors(['new-1', 'other-r', 'b']), new InMemoryStore(), new InMemoryCache(), equalWeights);
    const result = await search.search({ query: 'q', scope, limit: 6 });
    expect(result.map((c) => c.chunkId).sort()).toEqual(['a', 'b', 'new-1', 'other-r']);
    expect(result.find((c) => c.chunkId === 'new-1')).toMatchObject({ generation: 4 });
  });

  it('keeps at most the limit', async () => {
    const search = new HybridChunkSearch(new InMemoryFullText(['a', 'b', 'c']), new InMemoryVectors([]), new InMemoryStore(), new InMemoryCache(), equalWeights);
    expect(await search.search({ query: 'q', scope, limit: 2 })).toHaveLength(2);
  });

  it('serves a repeated search from the cache until the corpus version moves', async () => {
    const cache = new InMemoryCache();
    const fullText = new InMemoryFullText(['a']);
    const search = new HybridChunkSearch(fullText, new InMemoryVectors([]), new InMemoryStore(), cache, equalWeights);
    await search.search({ query: 'Leave  policy', scope });
    await new Promise((resolve) => setImmediate(resolve));
    await search.search({ query: 'leave policy', scope });
    expect(fullText.calls).toBe(1);
    cache.version = '1';
    await new Promise((resolve) => setImmediate(resolve));
    await search.search({ query: 'leave policy', scope });
    expect(fullText.calls).toBe(2);
  });

  it('does not share cached results between readers of different scopes', async () => {
    const cache = new InMemoryCache();
    const search = new HybridChunkSearch(new InMemoryFullText(['a', 'secret']), new InMemoryVectors(['secret']), new InMemoryStore(), cache, equalWeights);
    await search.search({ query: 'q', scope });
    await new Promise((resolve) => setImmediate(resolve));
    const other = await search.search({ query: 'q', scope: accessScopeOf({ departmentIds: ['d2'] }) });
    expect(other.map((c) => c.chunkId)).toEqual(['secret']);
  });

  it('lets a caller stop waiting, leaving the search to finish into the cache', async () => {
    const fullText = new InMemoryFullText(['a']);
    const search = new HybridChunkSearch(fullText, new InMemoryVectors([]), new InMemoryStore(), new InMemoryCache(), equalWeights);
    const leaving = new AbortController();
    const abandoned = search.search({ query: 'q', scope, signal: leaving.signal });
    leaving.abort(new Error('client left'));
    await expect(abandoned).rejects.toThrow('client left');
    await new Promise((resolve) => setImmediate(resolve));
    expect((await search.search({ query: 'q', scope })).map((c) => c.chunkId)).toEqual(['a']);
    expect(fullText.calls).toBe(1);
  });

  it('searches afresh after a search failed', async () => {
    let failures = 1;
    const flaky = new (class extends InMemoryFullText {
      override async search(query: string, readerScope: AccessScope, limit: number) {
        if (failures-- > 0) throw new Error('database restarting');
        return super.search(query, readerScope, limit);
      }
    })(['a']);
    const search = new HybridChunkSearch(flaky, new InMemoryVectors([]), new InMemoryStore(), new InMemoryCache(), equalWeights);
    await expect(search.search({ query: 'q', scope })).rejects.toThrow('database restarting');
    await new Promise((resolve) => setImmediate(resolve));
    expect((await search.search({ query: 'q', scope })).map((c) => c.chunkId)).toEqual(['a']);
  });
});
