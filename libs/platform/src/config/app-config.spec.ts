import { randomBytes } from 'node:crypto';
import { InvalidConfiguration, parseConfig } from './app-config';
import { chatModelChoice } from './chat-model-setting';

const valid = {
  DATABASE_URL: 'postgresql://u:p@localhost:5432/db',
  REDIS_URL: 'redis://localhost:6379',
  CHROMA_URL: 'http://localhost:8000',
  JWT_SECRET: randomBytes(48).toString('base64url'),
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

  it('refuses a placeholder or low-entropy JWT secret at start-up, naming it and saying how to make one', () => {
    for (const secret of ['change-me-to-a-long-random-string-of-48-chars', 'x'.repeat(32), 'test-secret-that-is-long-enough-for-hs256-0123456789']) {
      expect(() => parseConfig({ ...valid, JWT_SECRET: secret })).toThrow(/JWT_SECRET: .*not a random secret|JWT_SECRET: is too repetitive/);
      expect(() => parseConfig({ ...valid, JWT_SECRET: secret })).toThrow(/openssl rand -base64 48/);
    }
  });

  it('reads the OpenAI switches as booleans and refuses anything but a boolean word', () => {
    expect(parseConfig(valid)).toMatchObject({ OPENAI_EMBEDDING_SEND_DIMENSIONS: true, OPENAI_STREAM_USAGE: true, OPENAI_MAX_RETRIES: 2 });
    expect(parseConfig({ ...valid, OPENAI_EMBEDDING_SEND_DIMENSIONS: 'false', OPENAI_STREAM_USAGE: '0' })).toMatchObject({ OPENAI_EMBEDDING_SEND_DIMENSIONS: false, OPENAI_STREAM_USAGE: false });
    expect(() => parseConfig({ ...valid, OPENAI_STREAM_USAGE: 'maybe' })).toThrow(/OPENAI_STREAM_USAGE/);
    expect(() => parseConfig({ ...valid, OPENAI_MAX_RETRIES: '-1' })).toThrow(/OPENAI_MAX_RETRIES/);
  });

  it('takes the chat model from CHAT_MODEL, or else from the older CHAT_PROVIDER and OPENAI_CHAT_MODEL', () => {
    expect(chatModelChoice(parseConfig(valid))).toEqual({ provider: 'local' });
    expect(chatModelChoice(parseConfig({ ...valid, CHAT_MODEL: 'openai:gpt-4o-mini' }))).toEqual({ provider: 'openai', model: 'gpt-4o-mini' });
    expect(chatModelChoice(parseConfig({ ...valid, CHAT_MODEL: 'openai:Qwen/Qwen2.5-7B-Instruct:q4' }))).toEqual({ provider: 'openai', model: 'Qwen/Qwen2.5-7B-Instruct:q4' });
    expect(chatModelChoice(parseConfig({ ...valid, CHAT_PROVIDER: 'openai', OPENAI_CHAT_MODEL: 'llama3.1' }))).toEqual({ provider: 'openai', model: 'llama3.1' });
    expect(chatModelChoice(parseConfig({ ...valid, CHAT_PROVIDER: 'openai', CHAT_MODEL: 'local' }))).toEqual({ provider: 'local' });
  });

  it('refuses a chat model setting that is not local or provider:model', () => {
    for (const bad of ['gpt-4o-mini', 'openai:', ':gpt-4o', 'OpenAI:gpt-4o', 'openai: gpt']) {
      expect(() => parseConfig({ ...valid, CHAT_MODEL: bad })).toThrow(/CHAT_MODEL: must be "local" or "<provider>:<model>"/);
    }
  });

  it('refuses the ReAct agent with the local model, which cannot call tools', () => {
    expect(() => parseConfig({ ...valid, CHAT_AGENT: 'react' })).toThrow(/CHAT_AGENT: react needs a chat model that calls tools/);
    expect(parseConfig({ ...valid, CHAT_AGENT: 'react', CHAT_MODEL: 'openai:gpt-4o-mini' }).CHAT_AGENT).toBe('react');
    expect(() => parseConfig({ ...valid, CHAT_AGENT: 'graph' })).toThrow(/CHAT_AGENT/);
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

  it('takes a Redis Cluster as its seed nodes and names a bad node', () => {
    const url = 'redis-cluster://10.0.0.1:7000,10.0.0.2:7001';
    expect(parseConfig({ ...valid, REDIS_URL: url }).REDIS_URL).toBe(url);
    expect(() => parseConfig({ ...valid, REDIS_URL: 'redis-cluster://10.0.0.1:7000,10.0.0.2' })).toThrow(/REDIS_URL: "10\.0\.0\.2" is not a cluster node/);
  });

  it('treats an empty value as unset', () => {
    expect(parseConfig({ ...valid, OPENAI_BASE_URL: '' }).OPENAI_BASE_URL).toBeUndefined();
    expect(parseConfig({ ...valid, PORT: '' }).PORT).toBe(3000);
  });

  it('reads TRUST_PROXY as off, a hop count or a list of addresses, and refuses true', () => {
    expect(parseConfig(valid).TRUST_PROXY).toBe(false);
    expect(parseConfig({ ...valid, TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(false);
    expect(parseConfig({ ...valid, TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
    expect(parseConfig({ ...valid, TRUST_PROXY: 'loopback, 10.0.0.0/8, fd00::/8, 192.168.1.7' }).TRUST_PROXY).toEqual(['loopback', '10.0.0.0/8', 'fd00::/8', '192.168.1.7']);
    expect(() => parseConfig({ ...valid, TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY: true would trust any X-Forwarded-For/);
    for (const bad of ['10.0.0.0/33', 'proxy.internal', '1.2.3.4,,5.6.7.8', '-1']) {
      expect(() => parseConfig({ ...valid, TRUST_PROXY: bad })).toThrow(/TRUST_PROXY: /);
    }
  });

  it('splits CORS origins', () => {
    expect(parseConfig({ ...valid, CORS_ORIGINS: 'http://a.test, http://b.test' }).CORS_ORIGINS).toEqual(['http://a.test', 'http://b.test']);
  });

  describe('single sign-on and password login', () => {
    const oidc = {
      OIDC_ISSUER_URL: 'https://login.example.org/realms/staff',
      OIDC_CLIENT_ID: 'assistant',
      OIDC_CLIENT_SECRET: 's3cret',
      OIDC_REDIRECT_URL: 'https://assistant.example.org/api/v1/auth/oidc/callback',
    };

    it('reads the group mapping as ordered rules', () => {
      const mapping = '[{"group": "platform", "department": "Engineering/Platform"}, {"group": "kb-admins", "role": "admin"}]';
      expect(parseConfig({ ...valid, ...oidc, OIDC_GROUP_MAPPING: mapping }).OIDC_GROUP_MAPPING).toEqual([
        { group: 'platform', department: 'Engineering/Platform' },
        { group: 'kb-admins', role: 'admin' },
      ]);
      expect(parseConfig(valid).OIDC_GROUP_MAPPING).toEqual([]);
    });

    it('names the mapping when it is not JSON, or a rule grants nothing or something unknown', () => {
      expect(() => parseConfig({ ...valid, OIDC_GROUP_MAPPING: '{group: platform}' })).toThrow(/OIDC_GROUP_MAPPING: must be JSON/);
      expect(() => parseConfig({ ...valid, OIDC_GROUP_MAPPING: '[{"group": "x"}]' })).toThrow(/OIDC_GROUP_MAPPING/);
      expect(() => parseConfig({ ...valid, OIDC_GROUP_MAPPING: '[{"group": "x", "role": "owner"}]' })).toThrow(/OIDC_GROUP_MAPPING/);
      expect(() => parseConfig({ ...valid, OIDC_GROUP_MAPPING: '[{"group": "x", "role": "admin", "extra": 1}]' })).toThrow(/OIDC_GROUP_MAPPING/);
    });

    it('wants the client and the redirect once an issuer is set', () => {
      const { OIDC_CLIENT_SECRET: _omitted, ...partial } = oidc;
      expect(() => parseConfig({ ...valid, ...partial })).toThrow(/OIDC_CLIENT_SECRET: is required when OIDC_ISSUER_URL is set/);
      expect(() => parseConfig({ ...valid, ...oidc, OIDC_SCOPES: 'email profile' })).toThrow(/OIDC_SCOPES: must include openid/);
      expect(parseConfig({ ...valid, ...oidc }).OIDC_PROVIDER_NAME).toBe('single sign-on');
    });

    it('refuses to turn password login off when nobody could sign in any more', () => {
      expect(() => parseConfig({ ...valid, PASSWORD_LOGIN: 'false' })).toThrow(/PASSWORD_LOGIN: false leaves no way to sign in/);
      expect(parseConfig({ ...valid, ...oidc, PASSWORD_LOGIN: 'false' }).PASSWORD_LOGIN).toBe(false);
      expect(parseConfig({ ...valid, PASSWORD_LOGIN: 'false', PASSWORD_LOGIN_BREAK_GLASS_EMAILS: 'root@example.org' }).PASSWORD_LOGIN_BREAK_GLASS_EMAILS).toEqual(['root@example.org']);
      expect(() => parseConfig({ ...valid, PASSWORD_LOGIN: 'no' })).toThrow(/PASSWORD_LOGIN/);
    });
  });
});
