import { UnknownEmbeddingModel } from '../llm.ports';
import { ConfiguredEmbeddingModels } from './configured-embedding-models';
import { LocalHashedEmbeddings } from './local-hashed-embeddings';

describe('ConfiguredEmbeddingModels', () => {
  const configured = new LocalHashedEmbeddings({ dimension: 256 });
  const models = new ConfiguredEmbeddingModels(configured, {
    sendDimensions: true,
    client: { apiKey: 'k', configuration: { baseURL: 'http://127.0.0.1:1/v1' }, timeout: 1_000, maxRetries: 0 },
  });

  it('answers the configured model for its own id', () => {
    expect(models.forModelId('local-hashed-v1-d256')).toBe(configured);
    expect(models.configured).toBe(configured);
  });

  it('builds another model from the id that model writes, once', async () => {
    const other = models.forModelId('local-hashed-v1-d64');
    expect(other.modelId).toBe('local-hashed-v1-d64');
    expect(await other.embedQuery('parental leave')).toHaveLength(64);
    expect(models.forModelId('local-hashed-v1-d64')).toBe(other);
    // The same vectors as a process configured with that model computes.
    expect(await other.embedQuery('parental leave')).toEqual(await new LocalHashedEmbeddings({ dimension: 64 }).embedQuery('parental leave'));
  });

  it('names an OpenAI-compatible model of the configured endpoint by its model and dimension', () => {
    const openai = models.forModelId('openai:text-embedding-3-large:d1024');
    expect(openai).toMatchObject({ modelId: 'openai:text-embedding-3-large:d1024', dimension: 1024 });
  });

  it('refuses an OpenAI-compatible id when no endpoint is configured', () => {
    expect(() => new ConfiguredEmbeddingModels(configured).forModelId('openai:text-embedding-3-large:d1024')).toThrow(UnknownEmbeddingModel);
  });

  it.each(['', 'local-hashed-v2-d64', 'cohere:embed:d1024', 'local-hashed-v1-dabc', 'local-hashed-v1-d1'])('refuses an id it cannot run: "%s"', (id) => {
    expect(() => models.forModelId(id)).toThrow(UnknownEmbeddingModel);
  });
});
