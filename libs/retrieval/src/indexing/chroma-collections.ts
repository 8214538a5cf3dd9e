import { Injectable } from '@nestjs/common';
import { ChromaClient, ChromaNotFoundError, type Collection, type Where } from 'chromadb';
import { AppConfig } from '@app/platform';
import { ChromaRecordsEndpoint, type ChromaRecord } from './chroma-records-endpoint';
import { CoalescedWrites } from './coalesced-writes';

const MODEL_KEY = 'embeddingModel';
const DIMENSION_KEY = 'embeddingDimension';

// Chroma caps the records of one request; this stays well under it for 1024-dim vectors.
export const VECTOR_WRITE_BATCH = 256;
// Long enough for the files a worker runs side by side to meet, short against a ~35 ms upsert.
const UPSERT_WINDOW_MS = 5;

export interface CollectionModel {
  modelId: string;
  dimension: number;
}

/**
 * The Chroma collections of chunk vectors (cosine), by name. Embeddings are always computed by
 * our models and passed explicitly, so collections have no embedding function; each records
 * the model that built it in its metadata. Only `create` makes a collection: every other call
 * opens an existing one, so a write to a collection a re-embed dropped fails instead of
 * bringing it back empty.
 */
@Injectable()
export class ChromaCollections {
  private readonly client: ChromaClient;
  private readonly records: ChromaRecordsEndpoint;
  private readonly opened = new Map<string, Promise<Collection>>();
  private readonly upserts = new Map<string, CoalescedWrites<ChromaRecord>>();

  constructor(config: AppConfig) {
    const url = new URL(config.get('CHROMA_URL'));
    this.client = new ChromaClient({ host: url.hostname, port: Number(url.port || (url.protocol === 'https:' ? 443 : 80)), ssl: url.protocol === 'https:' });
    this.records = new ChromaRecordsEndpoint(url);
  }

  /** Creates the collection for this model, or opens it if it exists. */
  async create(name: string, model: CollectionModel): Promise<void> {
    const collection = this.client.getOrCreateCollection({
      name,
      embeddingFunction: null,
      configuration: { hnsw: { space: 'cosine' } },
      metadata: { [MODEL_KEY]: model.modelId, [DIMENSION_KEY]: model.dimension },
    });
    this.opened.set(name, collection);
    await collection.catch((error: unknown) => {
      this.opened.delete(name);
      throw error;
    });
  }

  /** The model the collection records, or null when there is no such collection. */
  async modelOf(name: string): Promise<CollectionModel | null> {
    try {
      const { metadata } = await this.open(name);
      return { modelId: String(metadata?.[MODEL_KEY] ?? ''), dimension: Number(metadata?.[DIMENSION_KEY] ?? 0) };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  /** The ids of the `nResults` nearest vectors, nearest first, among those `where` admits if given. */
  nearest(name: string, embedding: readonly number[], nResults: number, where?: Where): Promise<string[]> {
    return this.using(name, (collection) => this.records.nearest(collection, embedding, nResults, where));
  }

  /** Upserts these vectors in one request shared with other callers' concurrent upserts to the same collection. */
  upsert(name: string, records: readonly ChromaRecord[]): Promise<void> {
    let writes = this.upserts.get(name);
    if (!writes) {
      writes = new CoalescedWrites<ChromaRecord>((batch) => this.upsertNow(name, batch), { windowMs: UPSERT_WINDOW_MS, maxRecords: VECTOR_WRITE_BATCH });
      this.upserts.set(name, writes);
    }
    return writes.add(records);
  }

  async deleteIds(name: string, ids: readonly string[]): Promise<void> {
    for (let start = 0; start < ids.length; start += VECTOR_WRITE_BATCH) {
      const batch = ids.slice(start, start + VECTOR_WRITE_BATCH);
      await this.using(name, (collection) => collection.delete({ ids: batch }));
    }
  }

  async deleteWhere(name: string, where: Where): Promise<void> {
    await this.using(name, (collection) => collection.delete({ where }));
  }

  /** Ids of the vectors whose metadata `where` admits (tests and checks; pages through them all). */
  async idsWhere(name: string, where: Where): Promise<string[]> {
    const ids: string[] = [];
    for (let offset = 0; ; offset += 1000) {
      const page = await this.using(name, (collection) => collection.get({ where, include: [], limit: 1000, offset }));
      ids.push(...page.ids);
      if (page.ids.length < 1000) return ids;
    }
  }

  /** Drops the collection; one already gone is fine. */
  async drop(name: string): Promise<void> {
    this.opened.delete(name);
    await this.client.deleteCollection({ name }).catch((error: unknown) => {
      if (!isNotFound(error)) throw error;
    });
  }

  private open(name: string): Promise<Collection> {
    let collection = this.opened.get(name);
    if (!collection) {
      collection = this.client.getCollection({ name });
      this.opened.set(name, collection);
      collection.catch(() => this.opened.delete(name));
    }
    return collection;
  }

  // A failure may mean the collection was dropped and created again elsewhere: the next call opens it afresh.
  private async using<T>(name: string, work: (collection: Collection) => Promise<T>): Promise<T> {
    try {
      return await work(await this.open(name));
    } catch (error) {
      this.opened.delete(name);
      throw error;
    }
  }

  private async upsertNow(name: string, records: ChromaRecord[]): Promise<void> {
    // Two writes of one chunk may meet in a batch; Chroma refuses repeated ids, and the later write wins.
    const latest = [...new Map(records.map((record) => [record.id, record])).values()];
    const base64 = await this.client.supportsBase64Encoding();
    await this.using(name, (collection) => this.records.upsert(collection, latest, { base64 }));
  }
}

export function isNotFound(error: unknown): boolean {
  return error instanceof ChromaNotFoundError || (error as Error | undefined)?.name === 'ChromaNotFoundError';
}
