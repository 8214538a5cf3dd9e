import { EmbeddingModel } from '../llm.ports';
import { lexicalTerms, stem, tokenize } from '@app/kernel';

export interface LocalHashedEmbeddingsOptions {
  /** Length of every vector; more buckets mean fewer collisions between terms. */
  dimension?: number;
}

// Word pairs catch phrases ("heart failure") but are rarer, so they count for less than words.
const BIGRAM_WEIGHT = 0.5;

/**
 * Embeddings without a model or network: stemmed words and word pairs are hashed into a fixed
 * number of buckets with a random sign (so collisions cancel out on average instead of piling
 * up), weighted by 1 + log(term frequency) and scaled to unit length, so a dot product is a
 * cosine similarity over shared terms. Queries and documents use the same map.
 */
export class LocalHashedEmbeddings extends EmbeddingModel {
  readonly modelId: string;
  readonly dimension: number;

  constructor({ dimension = 1024 }: LocalHashedEmbeddingsOptions = {}) {
    super();
    if (!Number.isInteger(dimension) || dimension < 2) throw new RangeError('dimension must be an integer of at least 2');
    this.dimension = dimension;
    this.modelId = `local-hashed-v1-d${dimension}`;
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((text) => this.embed(text));
  }

  async embedQuery(text: string): Promise<number[]> {
    return this.embed(text);
  }

  private embed(text: string): number[] {
    const vector = new Float64Array(this.dimension);
    for (const [feature, { count, weight }] of countFeatures(termsOf(text))) {
      const hash = fnv1a(feature);
      const sign = mix(hash) & 1 ? -1 : 1;
      vector[hash % this.dimension] += sign * weight * (1 + Math.log(count));
    }
    let norm = 0;
    for (const value of vector) norm += value * value;
    norm = Math.sqrt(norm);
    return Array.from(vector, (value) => (norm > 0 ? value / norm : 0));
  }
}

/** Content terms; a text made only of stopwords ("who are you?") falls back to all its words. */
function termsOf(text: string): string[] {
  const terms = lexicalTerms(text);
  return terms.length > 0 ? terms : tokenize(text).map(stem);
}

function countFeatures(terms: string[]): Map<string, { count: number; weight: number }> {
  const features = new Map<string, { count: number; weight: number }>();
  const add = (feature: string, weight: number) => {
    const existing = features.get(feature);
    if (existing) existing.count++;
    else features.set(feature, { count: 1, weight });
  };
  for (let i = 0; i < terms.length; i++) {
    add(terms[i], 1);
    if (i > 0) add(`${terms[i - 1]} ${terms[i]}`, BIGRAM_WEIGHT);
  }
  return features;
}

// 32-bit FNV-1a: fast, stable across processes and versions, good spread for short strings.
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

// MurmurHash3's finaliser, so the sign does not depend on the same low bits as the bucket.
function mix(hash: number): number {
  let h = hash;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
