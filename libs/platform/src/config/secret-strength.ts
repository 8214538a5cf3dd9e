// Words people type where a random value belongs (after removing case and separators): the
// placeholder .env.example used to ship ("change-me-to-a-long-random-string-…") among them.
const PLACEHOLDER_WORDS = ['changeme', 'replaceme', 'yoursecret', 'placeholder', 'example', 'secret', 'password', 'default'];

// Below what any random value of the minimum length scores (32 random hex digits, the poorest
// alphabet, score close to 4 bits a character) and above a short alphabet repeated: 'x' × 32
// scores 0, 'ab' × 16 scores 32, 'abcd' × 8 scores 64.
const MIN_ESTIMATED_BITS = 80;

/**
 * Why a signing secret is not one, or null when it passes. A string cannot prove it is random,
 * so this refuses what is plainly not: a placeholder or phrase, and a value whose characters
 * carry too little information, estimated from their frequencies (Shannon entropy × length).
 */
export function weakSecretProblem(secret: string): string | null {
  const folded = secret.toLowerCase().replace(/[\s\-_.]/g, '');
  const word = PLACEHOLDER_WORDS.find((candidate) => folded.includes(candidate));
  if (word) return `looks like a placeholder or a phrase (it contains "${word}"), not a random secret`;
  if (estimatedBits(secret) < MIN_ESTIMATED_BITS) return 'is too repetitive to be a random secret';
  return null;
}

export function estimatedBits(value: string): number {
  const characters = [...value];
  const counts = new Map<string, number>();
  for (const character of characters) counts.set(character, (counts.get(character) ?? 0) + 1);
  let bitsPerCharacter = 0;
  for (const count of counts.values()) {
    const share = count / characters.length;
    bitsPerCharacter -= share * Math.log2(share);
  }
  return bitsPerCharacter * characters.length;
}
