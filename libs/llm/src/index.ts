export { EmbeddingModel, EmbeddingModels, UnknownEmbeddingModel } from './llm.ports';
export { PromptLibrary, PROMPT_NAMES, PromptFileMissing, PromptVariableMissing, type PromptName } from './prompts/prompt-library';
export { fenceDocuments, type FenceableDocument } from './prompts/fence-documents';
export { LocalExtractiveChatModel, type LocalExtractiveChatModelFields } from './chat/local-extractive-chat-model';
export { LocalHashedEmbeddings } from './embeddings/local-hashed-embeddings';
export { ConfiguredEmbeddingModels } from './embeddings/configured-embedding-models';

export { LlmModule } from './llm.module';
