export { EmbeddingModel, EmbeddingModels, UnknownEmbeddingModel } from './llm.ports';
export { PromptLibrary, type PromptName } from './prompts/prompt-library';
export { fenceDocuments } from './prompts/fence-documents';
export { LocalExtractiveChatModel } from './chat/local-extractive-chat-model';
export { LocalHashedEmbeddings } from './embeddings/local-hashed-embeddings';
export { ConfiguredEmbeddingModels } from './embeddings/configured-embedding-models';

export { LlmModule } from './llm.module';
