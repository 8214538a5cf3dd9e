import { randomBytes } from 'node:crypto';
import { AppConfig, parseConfig } from '@app/platform';
import { fusionSettingsOf } from './fusion-settings';

const configOf = (env: Record<string, string>) =>
  new AppConfig(parseConfig({ DATABASE_URL: 'postgres://x/y', REDIS_URL: 'redis://x', CHROMA_URL: 'http://x', JWT_SECRET: randomBytes(48).toString('base64url'), ...env }));

describe('fusionSettingsOf', () => {
  it('weighs the local hashed vectors lightly and a semantic model equally', () => {
    expect(fusionSettingsOf(configOf({}))).toEqual({ k: 10, vectorWeight: 0.2 });
    expect(fusionSettingsOf(configOf({ EMBEDDING_PROVIDER: 'openai' }))).toEqual({ k: 60, vectorWeight: 1 });
  });

  it('takes explicit settings over the provider defaults', () => {
    expect(fusionSettingsOf(configOf({ RETRIEVAL_FUSION_K: '30', RETRIEVAL_VECTOR_WEIGHT: '0' }))).toEqual({ k: 30, vectorWeight: 0 });
  });
});
