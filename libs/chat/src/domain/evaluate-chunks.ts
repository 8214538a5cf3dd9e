import type { RetrievedChunk } from '@app/retrieval';
import type { ChunkEvaluation } from './agent-decisions.types';
import { coverageOf, questionTermsOf, termSetOf, type Coverage, type QuestionTerm } from '@app/kernel';

export interface EvaluateChunksOptions {
  /** Chunks scoring below this are off topic whatever their words; the scale is the retriever's. */
  minScore?: number;
  /** Share of the question's weight a chunk must match to be on topic. */
  minChunkCoverage?: number;
  /** The chunks are enough when the best one matches more than this share of the question's weight. */
  minBestCoverage?: number;
}

function coverageIn(terms: readonly QuestionTerm[], chunk: RetrievedChunk): Coverage {
  const file = chunk.filename.replace(/\.[a-z0-9]+$/i, '');
  return coverageOf(terms, termSetOf([file, ...chunk.headingPath, chunk.text].join('\n')));
}

// A question about several things is answered by a chunk about two of them, not by one that shares a single word.
function topicWordsNeeded(coverage: Coverage): number {
  return Math.min(2, coverage.topicTerms);
}

/**
 * The deterministic evaluator of the local provider. A chunk is on topic when it scores at least
 * `minScore` and matches enough of the question (its words, or words WordNet relates to them,
 * with words that only frame the question counting for less). The chunks are enough when the
 * best one matches more than half of the question, including two of its topic words where it has two: a
 * chunk that clearly answers the key words is enough even if a word like "rule" or "weekends"
 * appears nowhere, while chunks that each share one word with the question are not.
 */
export function evaluateChunks(question: string, chunks: readonly RetrievedChunk[], options: EvaluateChunksOptions = {}): ChunkEvaluation {
  const { minScore = 0, minChunkCoverage = 0.25, minBestCoverage = 0.5 } = options;
  const terms = questionTermsOf(question);
  const scored = chunks.filter((chunk) => chunk.score >= minScore);

  if (terms.length === 0) {
    return { sufficient: scored.length > 0, onTopic: scored, reason: 'the question has no content terms to check' };
  }

  const relevant = scored.map((chunk) => ({ chunk, coverage: coverageIn(terms, chunk) })).filter(({ coverage }) => coverage.share >= minChunkCoverage && coverage.topicMatched > 0);
  const onTopic = relevant.map(({ chunk }) => chunk);
  if (onTopic.length === 0) {
    return { sufficient: false, onTopic, reason: `none of ${chunks.length} chunks is about the question` };
  }

  const best = relevant.reduce((a, b) => (b.coverage.share > a.coverage.share ? b : a)).coverage;
  const percent = Math.round(best.share * 100);
  return best.share > minBestCoverage && best.topicMatched >= topicWordsNeeded(best)
    ? { sufficient: true, onTopic, reason: `${onTopic.length} chunks on topic; the best matches ${percent}% of the question` }
    : { sufficient: false, onTopic, reason: `the best of ${onTopic.length} on-topic chunks matches only ${percent}% of the question` };
}
