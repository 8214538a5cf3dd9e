/**
 * What a chunk's vector is computed from. Headings give a chunk its context ("Refunds >
 * Exceptions"), so they are embedded with it. Ingestion and a re-embed both use this, so a
 * re-embedded chunk gets the vector a fresh ingestion would give it.
 */
export function embeddingInput(chunk: { headingPath: readonly string[]; text: string }): string {
  return chunk.headingPath.length ? `${chunk.headingPath.join(' > ')}\n\n${chunk.text}` : chunk.text;
}
