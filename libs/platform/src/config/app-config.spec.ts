import { InvalidConfiguration, parseConfig } from './app-config';

const valid = {
  DATABASE_URL: 'postgresql://u:p@localhost:5432/db',
  REDIS_URL: 'redis://localhost:6379',
  CHROMA_URL: 'http://localhost:8000',
  JWT_SECRET: 'x'.repeat(32),
};

describe('parseConfig', () => {
  it('applies defaults to a minimal environment', () => {
    const config = parseConfig(valid);
    expect(config.PORT).toBe(3000);
    expect(config.JWT_ACCESS_TTL_SECONDS).toBe(900);
    expect(config.CORS_ORIGINS).toEqual([]);
  });

  it('names the variable that is wrong', () => {
    expect(() => parseConfig({ ...valid, PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => parseConfig({ ...valid, JWT_SECRET: 'short' })).toThrow(InvalidConfiguration);
    expect(() => parseConfig({ ...valid, JWT_SECRET: 'short' })).toThrow(/JWT_SECRET: must be at least 32/);
  });

  it('reads the OpenAI switches as booleans and refuses anything but a boolean word', () => {
    expect(parseConfig(valid)).toMatchObject({ OPENAI_EMBEDDING_SEND_DIMENSIONS: true, OPENAI_STREAM_USAGE: true, OPENAI_MAX_RETRIES: 2 });
    expect(parseConfig({ ...valid, OPENAI_EMBEDDING_SEND_DIMENSIONS: 'false', OPENAI_STREAM_USAGE: '0' })).toMatchObject({ OPENAI_EMBEDDING_SEND_DIMENSIONS: false, OPENAI_STREAM_USAGE: false });
    expect(() => parseConfig({ ...valid, OPENAI_STREAM_USAGE: 'maybe' })).toThrow(/OPENAI_STREAM_USAGE/);
    expect(() => parseConfig({ ...valid, OPENAI_MAX_RETRIES: '-1' })).toThrow(/OPENAI_MAX_RETRIES/);
  });

  it('names a missing variable', () => {
    const { REDIS_URL: _omitted, ...rest } = valid;
    expect(() => parseConfig(rest)).toThrow(/REDIS_URL/);
  });

  it('takes Redis over TCP, TLS or a Unix socket, and nothing else', () => {
    for (const url of ['redis://localhost:6379/1', 'rediss://cache.internal:6380', 'unix:///tmp/redis.sock?db=1']) {
      expect(parseConfig({ ...valid, REDIS_URL: url }).REDIS_URL).toBe(url);
    }
    expect(() => parseConfig({ ...valid, REDIS_URL: 'http://localhost:6379' })).toThrow(/REDIS_URL/);
  });

  it('treats an empty value as unset', () => {
    expect(parseConfig({ ...valid, OPENAI_BASE_URL: '' }).OPENAI_BASE_URL).toBeUndefined();
    expect(parseConfig({ ...valid, PORT: '' }).PORT).toBe(3000);
  });

  it('splits CORS origins', () => {
    expect(parseConfig({ ...valid, CORS_ORIGINS: 'http://a.test, http://b.test' }).CORS_ORIGINS).toEqual([
      'http://a.test',
      'http://b.test',
    ]);
  });
});
