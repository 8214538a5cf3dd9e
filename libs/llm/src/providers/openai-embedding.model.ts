import { OpenAIEmbeddings } from '@langchain/openai';
import { EmbeddingModel } from '../llm.ports';

/** Any OpenAI-compatible embeddings endpoint; the dimension is requested and then checked. */
export class OpenAiEmbeddingModel extends EmbeddingModel {
  readonly modelId: string;
  private readonly client: OpenAIEmbeddings;

  constructor(options: { model: string; dimension: number; apiKey?: string; baseUrl?: string }) {
    super();
    this.dimension = options.dimension;
    this.modelId = `openai:${options.model}:d${options.dimension}`;
    this.client = new OpenAIEmbeddings({
      model: options.model,
      dimensions: options.dimension,
      apiKey: options.apiKey,
      configuration: options.baseUrl ? { baseURL: options.baseUrl } : undefined,
    });
  }

  readonly dimension: number;

  async embedDocuments(texts: string[]) {
    return this.checked(await this.client.embedDocuments(texts));
  }

  async embedQuery(text: string) {
    return this.checked([await this.client.embedQuery(text)])[0];
  }

  private checked(vectors: number[][]) {
    const wrong = vectors.find((vector) => vector.length !== this.dimension);
    if (wrong) throw new Error(`${this.modelId} returned ${wrong.length} dimensions, expected ${this.dimension}`);
    return vectors;
  }
}
