import { ConfigService } from '@nestjs/config';
import { Test } from '@nestjs/testing';
import { randomBytes } from 'node:crypto';
import { AppConfig, InvalidConfiguration } from './app-config';
import { AppConfigModule } from './config.module';

const valid = {
  DATABASE_URL: 'postgresql://u:p@localhost:5432/db',
  REDIS_URL: 'redis://localhost:6379',
  CHROMA_URL: 'http://localhost:8000',
  JWT_SECRET: randomBytes(48).toString('base64url'),
};

/** Builds the module with exactly `env` as the process environment, restoring the real one after. */
async function compiledWith(env: Record<string, string>) {
  const saved = process.env;
  process.env = { ...env };
  try {
    return await Test.createTestingModule({ imports: [AppConfigModule.forRoot()] }).compile();
  } finally {
    process.env = saved;
  }
}

describe('AppConfigModule', () => {
  it('serves the validated, typed values through AppConfig and ConfigService alike', async () => {
    const moduleRef = await compiledWith({ ...valid, PORT: '8080', CORS_ORIGINS: 'http://a.test, http://b.test' });
    const config = moduleRef.get(AppConfig);
    expect(config.get('PORT')).toBe(8080);
    expect(config.get('CORS_ORIGINS')).toEqual(['http://a.test', 'http://b.test']);
    expect(config.get('INGEST_CONCURRENCY')).toBe(16);
    expect(moduleRef.get(ConfigService).get('PORT')).toBe(8080);
  });

  it('reads an empty or unset optional variable as undefined, never as the raw string', async () => {
    const moduleRef = await compiledWith({ ...valid, OPENAI_BASE_URL: '' });
    expect(moduleRef.get(AppConfig).get('OPENAI_BASE_URL')).toBeUndefined();
    expect(moduleRef.get(AppConfig).get('WEB_SEARCH_URL')).toBeUndefined();
  });

  it('reads the environment when forRoot is called, so each app built after a change sees it', async () => {
    const first = await compiledWith({ ...valid, PORT: '4001' });
    const second = await compiledWith({ ...valid, PORT: '4002' });
    expect([first.get(AppConfig).get('PORT'), second.get(AppConfig).get('PORT')]).toEqual([4001, 4002]);
  });

  it('fails the app on a bad value, naming the variable', async () => {
    await expect(compiledWith({ ...valid, PORT: 'eighty' })).rejects.toThrow(InvalidConfiguration);
    await expect(compiledWith({ ...valid, PORT: 'eighty' })).rejects.toThrow(/PORT/);
  });

  it('fails the app on a missing value, naming the variable', async () => {
    const { DATABASE_URL: _omitted, ...rest } = valid;
    await expect(compiledWith(rest)).rejects.toThrow(/DATABASE_URL/);
  });
});
