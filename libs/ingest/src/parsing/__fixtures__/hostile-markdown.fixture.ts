/** `*a` repeated: marked's emphasis rules rescan the rest of the line at every `*`, a quadratic parse. */
export function quadraticMarkdown(repeats: number): string {
  return `# Emphasis\n\n${'*a'.repeat(repeats)}\n`;
}

/** A list nested `depth` levels deep: marked lexes every level's items again at the level below. */
export function nestedListMarkdown(depth: number): string {
  return Array.from({ length: depth }, (_, level) => `${'  '.repeat(level)}- item ${level}`).join('\n');
}
