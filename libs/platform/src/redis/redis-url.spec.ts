import { parseRedisUrl } from './redis-url';

describe('parseRedisUrl', () => {
  it('reads one server over TCP, TLS or a Unix socket as itself', () => {
    for (const url of ['redis://localhost:6379/1', 'rediss://:secret@cache.internal:6380', 'unix:///tmp/redis.sock?db=1']) {
      expect(parseRedisUrl(url)).toEqual({ kind: 'standalone', url });
    }
  });

  it('reads a cluster as its seed nodes, with credentials and TLS', () => {
    expect(parseRedisUrl('redis-cluster://10.0.0.1:7000,10.0.0.2:7001, redis-3.internal:7002')).toEqual({
      kind: 'cluster',
      tls: false,
      nodes: [
        { host: '10.0.0.1', port: 7000 },
        { host: '10.0.0.2', port: 7001 },
        { host: 'redis-3.internal', port: 7002 },
      ],
    });
    expect(parseRedisUrl('rediss-cluster://app:p%40ss%3Aword@[::1]:7000,[fd00::2]:7001')).toEqual({
      kind: 'cluster',
      tls: true,
      username: 'app',
      password: 'p@ss:word',
      nodes: [
        { host: '::1', port: 7000 },
        { host: 'fd00::2', port: 7001 },
      ],
    });
    expect(parseRedisUrl('redis-cluster://:only-a-password@h:1')).toMatchObject({ password: 'only-a-password', nodes: [{ host: 'h', port: 1 }] });
    expect(parseRedisUrl('redis-cluster://:only-a-password@h:1')).not.toHaveProperty('username');
  });

  it.each([
    ['a node without its port', 'redis-cluster://10.0.0.1:7000,10.0.0.2', /"10\.0\.0\.2" is not a cluster node/],
    ['an empty node', 'redis-cluster://10.0.0.1:7000,,10.0.0.2:7001', /"" is not a cluster node/],
    ['no nodes at all', 'redis-cluster://', /is not a cluster node/],
    ['a port out of range', 'redis-cluster://h:70000', /no valid port/],
    ['a database path', 'redis-cluster://h:7000/2', /no database/],
    ['a query', 'redis-cluster://h:7000?db=1', /no database/],
    ['another scheme', 'http://localhost:6379', /http:\/\/ is not Redis/],
    ['no URL', 'localhost:6379', /is not Redis|must be a URL/],
    ['garbage', 'redis cluster please', /must be a URL/],
  ])('refuses %s', (_case, url, problem) => {
    expect(() => parseRedisUrl(url)).toThrow(problem);
  });

  it('never repeats the password when it refuses a URL', () => {
    expect(() => parseRedisUrl('redis-cluster://app:hunter2-secret@h:7000,bad')).toThrow(/"bad"/);
    try {
      parseRedisUrl('redis-cluster://app:hunter2-secret@h:7000,bad');
    } catch (error) {
      expect((error as Error).message).not.toContain('hunter2');
    }
  });
});
