import { EmbeddingModel, EmbeddingModels, UnknownEmbeddingModel } from '../llm.ports';
import { OpenAiEmbeddingModel, type OpenAiEmbeddingOptions } from '../providers/openai-embedding.model';
import { LocalHashedEmbeddings } from './local-hashed-embeddings';

/** How the configured OpenAI-compatible endpoint is reached; any of its models can be built with it. */
export type OpenAiEndpoint = Omit<OpenAiEmbeddingOptions, 'model' | 'dimension'>;

const LOCAL = /^local-hashed-v1-d(\d+)$/;
const OPENAI = /^openai:(.+):d(\d+)$/;

/**
 * The configured model, and any other model whose id names its settings: a local hashed model
 * of another dimension, or another model of the configured OpenAI-compatible endpoint (when
 * there is one). Ids are
 * what the models themselves write (`modelId`), so a collection's recorded id gives back the
 * model that built it.
 */
export class ConfiguredEmbeddingModels extends EmbeddingModels {
  private readonly models = new Map<string, EmbeddingModel>();

  constructor(
    readonly configured: EmbeddingModel,
    private readonly endpoint?: OpenAiEndpoint,
  ) {
    super();
    this.models.set(configured.modelId, configured);
  }

  forModelId(modelId: string): EmbeddingModel {
    let model = this.models.get(modelId);
    if (!model) {
      model = this.build(modelId);
      this.models.set(modelId, model);
    }
    return model;
  }

  private build(modelId: string): EmbeddingModel {
    const local = LOCAL.exec(modelId);
    const openai = OPENAI.exec(modelId);
    try {
      if (local) return new LocalHashedEmbeddings({ dimension: Number(local[1]) });
      if (openai && this.endpoint) return new OpenAiEmbeddingModel({ ...this.endpoint, model: openai[1], dimension: Number(openai[2]) });
    } catch {
      // settings the model refuses (a dimension below its minimum) name no model it can run
    }
    throw new UnknownEmbeddingModel(modelId);
  }
}
