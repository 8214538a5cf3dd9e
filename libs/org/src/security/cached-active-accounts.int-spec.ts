import { setTimeout as sleep } from 'node:timers/promises';
import { AppConfig, createRedisConnection, parseConfig, type RedisClient } from '@app/platform';
import { useTestEnvironment } from '../../../../test/e2e/support/test-app';
import { User } from '../domain/user';
import { RefreshToken } from '../domain/refresh-token';
import { InMemoryRefreshTokens, InMemoryUsers } from '../testing';
import { CachedActiveAccounts } from './cached-active-accounts';

/** Counts reads, so a test can tell a cached answer from a fresh one. */
class CountingUsers extends InMemoryUsers {
  reads = 0;
  override async findById(id: string) {
    this.reads++;
    return super.findById(id);
  }
}

async function eventually(check: () => Promise<boolean>, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('the condition never held');
    await sleep(10);
  }
}

describe('CachedActiveAccounts (Redis)', () => {
  const users = new CountingUsers();
  const refreshTokens = new InMemoryRefreshTokens();
  const redis: RedisClient[] = [];
  // Two API processes sharing one database and one Redis.
  let first: CachedActiveAccounts;
  let second: CachedActiveAccounts;

  beforeAll(async () => {
    useTestEnvironment();
    const start = async () => {
      const connection = createRedisConnection(process.env.REDIS_URL!, {}, 'test');
      redis.push(connection);
      const accounts = new CachedActiveAccounts(users, refreshTokens, connection, AppConfig.of(parseConfig(process.env)));
      await accounts.onModuleInit();
      return accounts;
    };
    [first, second] = [await start(), await start()];
  });
  afterAll(async () => {
    await Promise.all([first.onApplicationShutdown(), second.onApplicationShutdown()]);
    await Promise.all(redis.map((connection) => connection.quit()));
  });

  const register = async (id: string) => {
    const user = User.register({ id, email: `${id}@example.org`, passwordHash: 'x', displayName: id, role: 'member', departmentId: 'd1', now: new Date() });
    await users.add(user);
    return user;
  };

  it('reads an account once, then answers from memory', async () => {
    await register('cached');
    const readsBefore = users.reads;
    expect((await first.standingOf('cached'))?.actor).toEqual({ userId: 'cached', role: 'member', departmentId: 'd1' });
    expect((await first.standingOf('cached'))?.actor).toEqual({ userId: 'cached', role: 'member', departmentId: 'd1' });
    expect(users.reads - readsBefore).toBe(1);
  });

  it('forgets an account changed through another process', async () => {
    const user = await register('disabled-elsewhere');
    expect(await first.standingOf(user.id)).toMatchObject({ disabled: false, earliestTokenIssue: 0 });
    const disabledAt = new Date();
    user.disable(disabledAt);
    await users.save(user);
    await second.changed(user.id);
    await eventually(async () => (await first.standingOf(user.id))?.disabled === true);
    expect((await first.standingOf(user.id))?.earliestTokenIssue).toBe(Math.ceil(disabledAt.getTime() / 1000));
  });

  it('forgets a session ended through another process', async () => {
    const user = await register('signed-out-elsewhere');
    const session = new RefreshToken('t1', 'family-1', user.id, 'hash', new Date(Date.now() + 60_000), new Date(), null, null);
    await refreshTokens.add(session);
    expect((await first.standingOf(user.id))?.endedSessions.size).toBe(0);
    await refreshTokens.revokeFamily('family-1', new Date());
    await second.changed(user.id);
    await eventually(async () => (await first.standingOf(user.id))?.endedSessions.has('family-1') === true);
  });

  it('applies a change at once in the process that made it', async () => {
    const user = await register('moved-here');
    expect((await second.standingOf(user.id))?.actor).toMatchObject({ departmentId: 'd1' });
    user.moveTo('d2', new Date());
    await users.save(user);
    await second.changed(user.id);
    expect((await second.standingOf(user.id))?.actor).toMatchObject({ departmentId: 'd2' });
  });

  it('starts and stops while Redis is unreachable, reading every account until it can subscribe', async () => {
    const unreachable = createRedisConnection('redis://127.0.0.1:1', { maxRetriesPerRequest: 1, connectTimeout: 200 }, 'test-unreachable');
    const accounts = new CachedActiveAccounts(users, refreshTokens, unreachable, AppConfig.of(parseConfig(process.env)));
    await accounts.onModuleInit();
    await register('read-every-time');
    const readsBefore = users.reads;
    await accounts.standingOf('read-every-time');
    await accounts.standingOf('read-every-time');
    expect(users.reads - readsBefore).toBe(2);
    await accounts.onApplicationShutdown();
    unreachable.disconnect();
  });
});
