import { randomUUID } from 'node:crypto';
import { ChromaClient, ChromaNotFoundError, type Collection } from 'chromadb';
import { ChromaRecordsEndpoint } from './chroma-records-endpoint';

const unit = (...values: number[]) => {
  const norm = Math.hypot(...values);
  return values.map((value) => value / norm);
};

describe('ChromaRecordsEndpoint (Chroma)', () => {
  const url = new URL(process.env.CHROMA_URL!);
  const client = new ChromaClient({ host: url.hostname, port: Number(url.port), ssl: false });
  const endpoint = new ChromaRecordsEndpoint(url);
  let collection: Collection;

  beforeAll(async () => {
    collection = await client.createCollection({ name: `query_${randomUUID().slice(0, 8)}`, embeddingFunction: null, configuration: { hnsw: { space: 'cosine' } } });
    await collection.add({
      ids: ['east', 'north-east', 'north', 'west'],
      embeddings: [unit(1, 0, 0), unit(1, 1, 0), unit(0, 1, 0), unit(-1, 0, 0)],
      metadatas: [{ side: 'a' }, { side: 'b' }, { side: 'a' }, { side: 'b' }],
    });
  });
  afterAll(() => client.deleteCollection({ name: collection.name }));

  it('returns the nearest ids first, as the client would', async () => {
    const nearest = await endpoint.nearest(collection, unit(1, 0.1, 0), 3);
    const viaClient = await collection.query({ queryEmbeddings: [unit(1, 0.1, 0)], nResults: 3, include: ['distances'] });

    expect(nearest).toEqual(['east', 'north-east', 'north']);
    expect(nearest).toEqual(viaClient.ids[0]);
  });

  it('applies a metadata filter', async () => {
    const nearest = await endpoint.nearest(collection, unit(1, 0.1, 0), 3, { side: 'b' });
    expect(nearest).toEqual(['north-east', 'west']);
  });

  it('reports a collection that no longer exists as ChromaNotFoundError, so the caller can reopen it', async () => {
    await expect(endpoint.nearest({ ...collection, id: randomUUID() }, unit(1, 0, 0), 1)).rejects.toBeInstanceOf(ChromaNotFoundError);
  });

  it("passes Chroma's own reason on for a query it refuses", async () => {
    await expect(endpoint.nearest(collection, [1, 0], 1)).rejects.toThrow(/query answered 400.*dimension/);
  });

  it.each([true, false])('upserts records the client reads back as written (vectors as base64: %s)', async (base64) => {
    const target = await client.createCollection({ name: `upsert_${randomUUID().slice(0, 8)}`, embeddingFunction: null, configuration: { hnsw: { space: 'cosine' } } });
    try {
      const first = { id: 'c1', embedding: unit(0.3, -0.2, 0.9), metadata: { fileId: 'f1', page: 2 } };
      await endpoint.upsert(target, [first, { id: 'c2', embedding: unit(1, 0, 0), metadata: { fileId: 'f1', page: 3 } }], { base64 });
      // Written again: replaced, never duplicated.
      await endpoint.upsert(target, [{ ...first, embedding: unit(0, 0, 1), metadata: { fileId: 'f1', page: 4 } }], { base64 });

      const stored = await target.get({ ids: ['c1', 'c2'], include: ['embeddings', 'metadatas'] });
      expect(await target.count()).toBe(2);
      const c1 = stored.ids.indexOf('c1');
      expect(stored.metadatas[c1]).toEqual({ fileId: 'f1', page: 4 });
      unit(0, 0, 1).forEach((value, i) => expect(stored.embeddings[c1]![i]).toBeCloseTo(value, 6));
    } finally {
      await client.deleteCollection({ name: target.name });
    }
  });
});
