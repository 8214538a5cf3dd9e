import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import { createRedisConnection } from '@app/platform';
import { useTestEnvironment } from '../../../../test/e2e/support/test-app';
import { User } from '../domain/user';
import { InMemoryUsers } from '../testing/in-memory-org';
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
  const redis: Redis[] = [];
  // Two API processes sharing one database and one Redis.
  let first: CachedActiveAccounts;
  let second: CachedActiveAccounts;

  beforeAll(async () => {
    useTestEnvironment();
    const start = async () => {
      const connection = createRedisConnection(process.env.REDIS_URL!, {}, 'test');
      redis.push(connection);
      const accounts = new CachedActiveAccounts(users, connection);
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
    expect(await first.actorFor('cached')).toEqual({ userId: 'cached', role: 'member', departmentId: 'd1' });
    expect(await first.actorFor('cached')).toEqual({ userId: 'cached', role: 'member', departmentId: 'd1' });
    expect(users.reads - readsBefore).toBe(1);
  });

  it('forgets an account changed through another process', async () => {
    const user = await register('disabled-elsewhere');
    expect(await first.actorFor(user.id)).not.toBeNull();
    user.disable(new Date());
    await users.save(user);
    await second.changed(user.id);
    await eventually(async () => (await first.actorFor(user.id)) === null);
  });

  it('applies a change at once in the process that made it', async () => {
    const user = await register('moved-here');
    expect(await second.actorFor(user.id)).toMatchObject({ departmentId: 'd1' });
    user.moveTo('d2', new Date());
    await users.save(user);
    await second.changed(user.id);
    expect(await second.actorFor(user.id)).toMatchObject({ departmentId: 'd2' });
  });

  it('starts and stops while Redis is unreachable, reading every account until it can subscribe', async () => {
    const unreachable = createRedisConnection('redis://127.0.0.1:1', { maxRetriesPerRequest: 1, connectTimeout: 200 }, 'test-unreachable');
    const accounts = new CachedActiveAccounts(users, unreachable);
    await accounts.onModuleInit();
    await register('read-every-time');
    const readsBefore = users.reads;
    await accounts.actorFor('read-every-time');
    await accounts.actorFor('read-every-time');
    expect(users.reads - readsBefore).toBe(2);
    await accounts.onApplicationShutdown();
    unreachable.disconnect();
  });
});
