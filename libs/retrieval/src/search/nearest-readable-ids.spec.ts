import { accessScopeOf, scopeAdmits, type AccessScope } from '../domain/access-scope';
import { nearestReadableIds } from './nearest-readable-ids';
import { ChunkStore, VectorLeg, type StoredChunk } from './search.ports';

interface Placed {
  id: string;
  departmentId: string;
  visibility: 'department' | 'organization';
}

// Nearest first: the reader in d1 may read o1, o2, mine (organisation-wide or d1) but not theirs.
const COLLECTION: Placed[] = [
  { id: 'theirs1', departmentId: 'd2', visibility: 'department' },
  { id: 'o1', departmentId: 'd2', visibility: 'organization' },
  { id: 'theirs2', departmentId: 'd2', visibility: 'department' },
  { id: 'theirs3', departmentId: 'd2', visibility: 'department' },
  { id: 'mine', departmentId: 'd1', visibility: 'department' },
  { id: 'o2', departmentId: 'd3', visibility: 'organization' },
];
const admits = (scope: AccessScope, chunk: Placed) => scopeAdmits(scope, { fileId: `file-${chunk.id}`, departmentId: chunk.departmentId, visibility: chunk.visibility });

class RankedVectors extends VectorLeg {
  readonly calls: Array<{ limit: number; filtered: boolean }> = [];
  prepared = 0;
  async prepare() {
    this.prepared++;
    return {
      nearest: async (limit: number, scope?: AccessScope): Promise<string[]> => {
        this.calls.push({ limit, filtered: scope !== undefined });
        return COLLECTION.filter((chunk) => !scope || admits(scope, chunk))
          .slice(0, limit)
          .map((chunk) => chunk.id);
      },
    };
  }
}

class RuledStore extends ChunkStore {
  async readableIds(ids: readonly string[], scope: AccessScope): Promise<string[]> {
    return COLLECTION.filter((chunk) => ids.includes(chunk.id) && admits(scope, chunk))
      .reverse() // the store answers in no particular order
      .map((chunk) => chunk.id);
  }
  async findReadable(): Promise<StoredChunk[]> {
    throw new Error('the vector leg reads no rows');
  }
}

const reader = accessScopeOf({ departmentId: 'd1' });

describe('nearestReadableIds', () => {
  it('keeps the readable ones of twice the limit unfiltered, nearest first, when enough pass', async () => {
    const vectors = new RankedVectors();
    expect(await nearestReadableIds(vectors, new RuledStore(), 'q', reader, 1)).toEqual(['o1']);
    expect(vectors.calls).toEqual([{ limit: 2, filtered: false }]);
  });

  it('asks with the access rule as a filter when too few of the unfiltered neighbours pass', async () => {
    const vectors = new RankedVectors();
    expect(await nearestReadableIds(vectors, new RuledStore(), 'q', reader, 2)).toEqual(['o1', 'mine']);
    expect(vectors.calls).toEqual([
      { limit: 4, filtered: false },
      { limit: 4, filtered: true },
    ]);
  });

  it('goes straight to the filtered query for a scope narrowed by filters', async () => {
    const vectors = new RankedVectors();
    const narrowed = accessScopeOf({ departmentId: 'd1' }, { departmentIds: ['d3'] });
    expect(await nearestReadableIds(vectors, new RuledStore(), 'q', narrowed, 2)).toEqual(['o2']);
    expect(vectors.calls).toEqual([{ limit: 4, filtered: true }]);
  });

  it('takes what passes when the collection runs out before twice the limit', async () => {
    const vectors = new RankedVectors();
    expect(await nearestReadableIds(vectors, new RuledStore(), 'q', reader, 4)).toEqual(['o1', 'mine', 'o2']);
    expect(vectors.calls).toEqual([{ limit: 8, filtered: false }]);
  });

  it('asks the filtered query for more while chunks the store refuses take its places', async () => {
    const vectors = new RankedVectors();
    const refusing = new (class extends RuledStore {
      // Files being deleted or indexed again: their metadata still admits them, the store does not.
      override async readableIds(ids: readonly string[], scope: AccessScope) {
        return (await super.readableIds(ids, scope)).filter((id) => id !== 'o1' && id !== 'mine');
      }
    })();
    expect(await nearestReadableIds(vectors, refusing, 'q', reader, 1)).toEqual(['o2']);
    expect(vectors.calls).toEqual([
      { limit: 2, filtered: false },
      { limit: 2, filtered: true },
      { limit: 4, filtered: true },
    ]);
    expect(vectors.prepared).toBe(1); // the query is embedded once for all three rankings
  });
});
