import { OpenAIEmbeddings } from '@langchain/openai';
import { EmbeddingModel } from '../llm.ports';

export interface OpenAiEmbeddingOptions {
  model: string;
  dimension: number;
  /** Ask the server for `dimension` (OpenAI's text-embedding-3 models); false takes the model's own size. */
  sendDimensions: boolean;
  client: { apiKey?: string; configuration?: { baseURL: string }; timeout: number; maxRetries: number };
}

/** Any OpenAI-compatible embeddings endpoint; the dimension is requested (where it can be) and always checked. */
export class OpenAiEmbeddingModel extends EmbeddingModel {
  readonly modelId: string;
  readonly dimension: number;
  private readonly client: OpenAIEmbeddings;

  constructor(options: OpenAiEmbeddingOptions) {
    super();
    this.dimension = options.dimension;
    this.modelId = `openai:${options.model}:d${options.dimension}`;
    this.client = new OpenAIEmbeddings({ ...options.client, model: options.model, ...(options.sendDimensions ? { dimensions: options.dimension } : {}) });
  }

  async embedDocuments(texts: string[]) {
    return this.checked(await this.client.embedDocuments(texts));
  }

  async embedQuery(text: string) {
    return this.checked([await this.client.embedQuery(text)])[0];
  }

  private checked(vectors: number[][]) {
    const wrong = vectors.find((vector) => vector.length !== this.dimension);
    if (wrong) throw new Error(`${this.modelId} returned ${wrong.length} dimensions, expected ${this.dimension} (EMBEDDING_DIMENSION)`);
    return vectors;
  }
}
