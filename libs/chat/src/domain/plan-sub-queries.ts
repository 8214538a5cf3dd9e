import { contentTermsOf } from '@app/kernel';

export const MAX_SUB_QUERIES = 3;

// "… and how/what/…": a conjunction followed by a new question word starts a new question.
const NEW_QUESTION = /[,;]?\s+(?:and|also|plus|as well as)\s+(?:also\s+)?(?=(?:what|how|when|where|who|whom|which|why|is|are|can|could|do|does|should|may)\b)/i;

/**
 * Splits a compound question into self-contained sub-queries for retrieval, at most three; the
 * extras are merged into the last so no part of the question is lost.
 */
export function planSubQueries(question: string): string[] {
  const trimmed = question.trim().replace(/\s+/g, ' ');
  const parts = trimmed
    .split(/(?<=\?)\s+|;\s+|\n+/)
    .flatMap((sentence) => sentence.split(NEW_QUESTION))
    .map((part) => part.trim().replace(/^[,;:\s]+|[,;:\s]+$/g, ''))
    .filter((part) => contentTermsOf(part).length > 0);

  const seen = new Set<string>();
  const unique = parts.filter((part) => !seen.has(part.toLowerCase()) && seen.add(part.toLowerCase()));
  if (unique.length === 0) return trimmed ? [trimmed] : [];
  if (unique.length <= MAX_SUB_QUERIES) return unique;
  return [...unique.slice(0, MAX_SUB_QUERIES - 1), unique.slice(MAX_SUB_QUERIES - 1).join(' ')];
}
