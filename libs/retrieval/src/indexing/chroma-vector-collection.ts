import { Injectable, Logger } from '@nestjs/common';
import { ChromaClient, type Collection, type Where } from 'chromadb';
import { EmbeddingModel } from '@app/llm';
import { AppConfig } from '@app/platform';
import { VectorSpace, type VectorSpaceCheck } from './indexing.ports';
import { ChromaRecordsEndpoint, type ChromaRecord } from './chroma-records-endpoint';
import { CoalescedWrites } from './coalesced-writes';

const MODEL_KEY = 'embeddingModel';
const DIMENSION_KEY = 'embeddingDimension';

// Chroma caps the records of one request; this stays well under it for 1024-dim vectors.
export const VECTOR_WRITE_BATCH = 256;
// Long enough for the files a worker runs side by side to meet, short against a ~35 ms upsert.
const UPSERT_WINDOW_MS = 5;

/**
 * The one Chroma collection of chunk vectors (cosine). Embeddings are always computed by our
 * EmbeddingModel and passed explicitly, so the collection has no embedding function; its
 * metadata records which model built it, because vectors of two models must never mix.
 */
@Injectable()
export class ChromaVectorCollection extends VectorSpace {
  private readonly logger = new Logger(ChromaVectorCollection.name);
  private readonly client: ChromaClient;
  private readonly records: ChromaRecordsEndpoint;
  private collection: Promise<Collection> | null = null;
  private readonly upserts = new CoalescedWrites<ChromaRecord>((records) => this.upsertNow(records), {
    windowMs: UPSERT_WINDOW_MS,
    maxRecords: VECTOR_WRITE_BATCH,
  });

  constructor(
    private readonly config: AppConfig,
    private readonly model: EmbeddingModel,
  ) {
    super();
    const url = new URL(config.get('CHROMA_URL'));
    this.client = new ChromaClient({ host: url.hostname, port: Number(url.port || (url.protocol === 'https:' ? 443 : 80)), ssl: url.protocol === 'https:' });
    this.records = new ChromaRecordsEndpoint(url);
  }

  get name(): string {
    return this.config.get('CHROMA_COLLECTION');
  }

  /** The collection, created for the current model on first use; a failed attempt is retried next call. */
  open(): Promise<Collection> {
    this.collection ??= this.client
      .getOrCreateCollection({
        name: this.name,
        embeddingFunction: null,
        configuration: { hnsw: { space: 'cosine' } },
        metadata: { [MODEL_KEY]: this.model.modelId, [DIMENSION_KEY]: this.model.dimension },
      })
      .catch((error: unknown) => {
        this.collection = null;
        throw error;
      });
    return this.collection;
  }

  async check(): Promise<VectorSpaceCheck> {
    const collection = await this.open();
    const stored = { modelId: String(collection.metadata?.[MODEL_KEY] ?? ''), dimension: Number(collection.metadata?.[DIMENSION_KEY] ?? 0) };
    if (stored.modelId === this.model.modelId && stored.dimension === this.model.dimension) return { matches: true };
    this.logger.error(
      `Collection "${this.name}" holds vectors of ${stored.modelId || 'an unknown model'} (dimension ${stored.dimension}), ` +
        `but the configured model is ${this.model.modelId} (dimension ${this.model.dimension}); ` +
        'files will fail with embedding_model_mismatch until an admin re-embeds the corpus (POST /api/v1/files/reembed)',
    );
    return { matches: false, stored };
  }

  /** Drops the cached handle, e.g. after another process recreated the collection. */
  forget(): void {
    this.collection = null;
  }

  /** True when new vectors may be written: the collection was built by the configured model. */
  async acceptsCurrentModel(): Promise<boolean> {
    const collection = await this.open();
    return collection.metadata?.[MODEL_KEY] === this.model.modelId && collection.metadata?.[DIMENSION_KEY] === this.model.dimension;
  }

  /** The ids of the `nResults` nearest vectors, nearest first, among those `where` admits if given. */
  async nearest(embedding: readonly number[], nResults: number, where?: Where): Promise<string[]> {
    return this.records.nearest(await this.open(), embedding, nResults, where);
  }

  /** Upserts these vectors in one request shared with other callers' concurrent upserts. */
  upsert(records: readonly ChromaRecord[]): Promise<void> {
    return this.upserts.add(records);
  }

  private async upsertNow(records: ChromaRecord[]): Promise<void> {
    // Two writes of one chunk may meet in a batch; Chroma refuses repeated ids, and the later write wins.
    const latest = [...new Map(records.map((record) => [record.id, record])).values()];
    try {
      const [collection, base64] = await Promise.all([this.open(), this.client.supportsBase64Encoding()]);
      await this.records.upsert(collection, latest, { base64 });
    } catch (error) {
      this.forget(); // the collection may have been recreated by a re-embed elsewhere
      throw error;
    }
  }

  async reset(): Promise<void> {
    await this.client.deleteCollection({ name: this.name }).catch((error: unknown) => {
      if ((error as Error)?.name !== 'ChromaNotFoundError') throw error;
    });
    this.collection = null;
    await this.open();
  }
}
