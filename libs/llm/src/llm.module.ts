import { Global, Module } from '@nestjs/common';
import { BaseChatModel } from '@langchain/core/language_models/chat_models';
import path from 'node:path';
import { AppConfig } from '@app/platform';
import { LocalHashedEmbeddings } from './embeddings/local-hashed-embeddings';
import { ConfiguredEmbeddingModels } from './embeddings/configured-embedding-models';
import { EmbeddingModel, EmbeddingModels } from './llm.ports';
import { PromptLibrary } from './prompts/prompt-library';
import { chatModelFromConfig } from './providers/chat-model-from-config';
import { openAiClientOptions } from './providers/openai-client';
import { OpenAiEmbeddingModel } from './providers/openai-embedding.model';

/** The model providers, chosen by configuration: local (no network) or any OpenAI-compatible endpoint. */
@Global()
@Module({
  providers: [
    {
      provide: EmbeddingModel,
      inject: [AppConfig],
      useFactory: (config: AppConfig): EmbeddingModel =>
        config.get('EMBEDDING_PROVIDER') === 'openai'
          ? new OpenAiEmbeddingModel({
              model: config.get('OPENAI_EMBEDDING_MODEL'),
              dimension: config.get('EMBEDDING_DIMENSION'),
              sendDimensions: config.get('OPENAI_EMBEDDING_SEND_DIMENSIONS'),
              client: openAiClientOptions(config, 'embeddings'),
            })
          : new LocalHashedEmbeddings({ dimension: config.get('EMBEDDING_DIMENSION') }),
    },
    {
      provide: EmbeddingModels,
      inject: [EmbeddingModel, AppConfig],
      useFactory: (configured: EmbeddingModel, config: AppConfig): EmbeddingModels =>
        new ConfiguredEmbeddingModels(configured, {
          sendDimensions: config.get('OPENAI_EMBEDDING_SEND_DIMENSIONS'),
          client: openAiClientOptions(config, 'embeddings'),
        }),
    },
    {
      provide: BaseChatModel,
      inject: [AppConfig],
      useFactory: (config: AppConfig): Promise<BaseChatModel> => chatModelFromConfig(config),
    },
    {
      provide: PromptLibrary,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => PromptLibrary.load(path.resolve(config.get('PROMPTS_DIR'))),
    },
  ],
  exports: [EmbeddingModel, EmbeddingModels, BaseChatModel, PromptLibrary],
})
export class LlmModule {}
