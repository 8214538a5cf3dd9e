import { LocalHashedEmbeddings } from './local-hashed-embeddings';

const dot = (a: number[], b: number[]) => a.reduce((sum, value, i) => sum + value * b[i], 0);

describe('LocalHashedEmbeddings', () => {
  const model = new LocalHashedEmbeddings();

  it('names its settings in the model id and honours the dimension', async () => {
    const small = new LocalHashedEmbeddings({ dimension: 256 });
    expect(model.modelId).toBe('local-hashed-v1-d1024');
    expect(small.modelId).toBe('local-hashed-v1-d256');
    expect(await small.embedQuery('vitamin d deficiency')).toHaveLength(256);
    expect(model.dimension).toBe(1024);
  });

  it('gives the same vector for the same text, as query or as document, across instances', async () => {
    const text = 'Aspirin reduces the risk of heart attacks.';
    const [asDocument] = await model.embedDocuments([text]);
    expect(await model.embedQuery(text)).toEqual(asDocument);
    expect(await new LocalHashedEmbeddings().embedQuery(text)).toEqual(asDocument);
  });

  it('returns unit-length vectors', async () => {
    const vectors = await model.embedDocuments(['short', 'A much longer text about proteins and gene expression in mice.']);
    for (const vector of vectors) expect(Math.sqrt(dot(vector, vector))).toBeCloseTo(1, 10);
  });

  it('puts texts on the same topic closer than unrelated ones', async () => {
    const [query, related, unrelated] = await model.embedDocuments([
      'Does smoking increase the risk of lung cancer?',
      'Cigarette smoking is the main risk factor for lung cancers in adults.',
      'The committee approved the budget for the new library building.',
    ]);
    expect(dot(query, related)).toBeGreaterThan(0.3);
    expect(dot(query, related)).toBeGreaterThan(dot(query, unrelated) + 0.2);
  });

  it('still embeds a text made only of stopwords', async () => {
    const vector = await model.embedQuery('Who are you?');
    expect(Math.sqrt(dot(vector, vector))).toBeCloseTo(1, 10);
  });

  it('gives an all-zero vector for text without words', async () => {
    expect((await model.embedQuery('?! …')).every((value) => value === 0)).toBe(true);
  });

  it('refuses a dimension below 2', () => {
    expect(() => new LocalHashedEmbeddings({ dimension: 1 })).toThrow(RangeError);
  });
});
