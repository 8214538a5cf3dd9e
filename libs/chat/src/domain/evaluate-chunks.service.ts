import type { RetrievedChunk } from '@app/retrieval';
import type { ChunkEvaluation } from './agent-decisions.types';
import { contentTermsOf } from '@app/kernel';

export interface EvaluateChunksOptions {
  /** Chunks scoring below this are off topic whatever their words; the scale is the retriever's. */
  minScore?: number;
  /** Share of the question's terms a chunk must contain to be on topic. */
  minChunkCoverage?: number;
  /** Share of the question's terms the on-topic chunks must contain together to be enough. */
  minTotalCoverage?: number;
}

function questionTermsIn(questionTerms: readonly string[], chunk: RetrievedChunk): Set<string> {
  const present = new Set(contentTermsOf([chunk.filename, ...chunk.headingPath, chunk.text].join('\n')));
  return new Set(questionTerms.filter((term) => present.has(term)));
}

/**
 * The deterministic evaluator of the local provider: a chunk is on topic when it scores at least
 * `minScore` and contains enough of the question's terms; the chunks are sufficient when the
 * on-topic ones together cover most of the question.
 */
export function evaluateChunks(question: string, chunks: readonly RetrievedChunk[], options: EvaluateChunksOptions = {}): ChunkEvaluation {
  const { minScore = 0, minChunkCoverage = 0.34, minTotalCoverage = 0.6 } = options;
  const terms = contentTermsOf(question);
  const scored = chunks.filter((chunk) => chunk.score >= minScore);

  if (terms.length === 0) {
    return { sufficient: scored.length > 0, onTopic: scored, reason: 'the question has no content terms to check' };
  }

  // Each chunk's text is read once: together, the on-topic chunks hold the union of their terms.
  const relevant = scored
    .map((chunk) => ({ chunk, found: questionTermsIn(terms, chunk) }))
    .filter(({ found }) => found.size / terms.length >= minChunkCoverage);
  const onTopic = relevant.map(({ chunk }) => chunk);
  if (onTopic.length === 0) {
    return { sufficient: false, onTopic, reason: `none of ${chunks.length} chunks is about the question` };
  }

  const coverage = new Set(relevant.flatMap(({ found }) => [...found])).size / terms.length;
  const percent = Math.round(coverage * 100);
  return coverage >= minTotalCoverage
    ? { sufficient: true, onTopic, reason: `${onTopic.length} chunks cover ${percent}% of the question's terms` }
    : { sufficient: false, onTopic, reason: `on-topic chunks cover only ${percent}% of the question's terms` };
}
