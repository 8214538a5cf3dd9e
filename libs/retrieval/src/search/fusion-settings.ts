import type { AppConfig } from '@app/platform';

/** How the two legs' rankings are fused: RRF's damping k, and the vector leg's weight (full text weighs 1). */
export class FusionSettings {
  constructor(
    readonly k: number,
    readonly vectorWeight: number,
  ) {}
}

// Tuned on SciFact train (the figures are in bench/lib/limits.md): the local hashed vectors are
// a weaker lexical match than BM25, so with equal weights they pull good BM25 hits down; a light
// weight and a sharper k keep BM25's order and let vectors break ties. A semantic model earns
// the usual equal weights.
const DEFAULTS = { local: new FusionSettings(10, 0.2), openai: new FusionSettings(60, 1) } as const;

export function fusionSettingsOf(config: AppConfig): FusionSettings {
  const defaults = DEFAULTS[config.get('EMBEDDING_PROVIDER')];
  return new FusionSettings(config.get('RETRIEVAL_FUSION_K') ?? defaults.k, config.get('RETRIEVAL_VECTOR_WEIGHT') ?? defaults.vectorWeight);
}
