import { randomUUID } from 'node:crypto';
import { openTestDatabase, type TestDatabase } from '@app/testing/platform';
import { Department } from '../domain/department';
import { RefreshToken } from '../domain/refresh-token';
import { User } from '../domain/user';
import { MikroOrmDepartmentRepository, MikroOrmRefreshTokenRepository, MikroOrmUserRepository } from './mikro-orm-org.repositories';
import { DepartmentSchema, RefreshTokenSchema, UserSchema } from './org.schemas';

describe('MikroORM org repositories (PostgreSQL)', () => {
  let db: TestDatabase;
  let departments: MikroOrmDepartmentRepository;
  let users: MikroOrmUserRepository;
  let tokens: MikroOrmRefreshTokenRepository;
  let department: Department;
  let user: User;

  beforeAll(async () => {
    db = await openTestDatabase([DepartmentSchema, UserSchema, RefreshTokenSchema]);
    departments = new MikroOrmDepartmentRepository(db.em);
    users = new MikroOrmUserRepository(db.em);
    tokens = new MikroOrmRefreshTokenRepository(db.em);
    department = Department.create(randomUUID(), `Repo ${randomUUID()}`, null, new Date());
    user = User.register({ id: randomUUID(), email: `${randomUUID()}@example.test`, passwordHash: 'h', displayName: 'R', role: 'member', departmentId: department.id, now: new Date() });
    await db.inContext(async () => {
      await departments.add(department);
      await users.add(user);
    });
  });
  afterAll(() => db?.close());

  it('finds a department by name regardless of case, and treats LIKE wildcards literally', async () => {
    await db.inContext(async () => {
      expect((await departments.findByName(department.name.toUpperCase(), null))?.id).toBe(department.id);
      expect(await departments.findByName('%', null)).toBeNull();
    });
  });

  it('lets exactly one of two concurrent refreshes claim a token', async () => {
    const token = new RefreshToken(randomUUID(), randomUUID(), user.id, 'hash', new Date(Date.now() + 60_000), new Date(), null, null);
    await db.inContext(() => tokens.add(token));
    const claims = await Promise.all([0, 1].map(() => db.inContext(() => tokens.claimForRotation(token.id, new Date()))));
    expect(claims.sort()).toEqual([false, true]);
  });

  it('revokes a family without touching the user’s other sessions', async () => {
    const family = randomUUID();
    const inFamily = new RefreshToken(randomUUID(), family, user.id, 'a', new Date(Date.now() + 60_000), new Date(), null, null);
    const other = new RefreshToken(randomUUID(), randomUUID(), user.id, 'b', new Date(Date.now() + 60_000), new Date(), null, null);
    await db.inContext(async () => {
      await tokens.add(inFamily);
      await tokens.add(other);
      await tokens.revokeFamily(family, new Date());
    });
    await db.inContext(async () => {
      expect((await tokens.findById(inFamily.id))?.isRevoked()).toBe(true);
      expect((await tokens.findById(other.id))?.isRevoked()).toBe(false);
    });
  });

  it('lists each session of the user revoked since a time once, and no older or live one', async () => {
    const [recent, old, live] = [randomUUID(), randomUUID(), randomUUID()];
    const link = (family: string) => new RefreshToken(randomUUID(), family, user.id, 'h', new Date(Date.now() + 60_000), new Date(), null, null);
    await db.inContext(async () => {
      for (const family of [recent, recent, old, live]) await tokens.add(link(family));
      await tokens.revokeFamily(old, new Date(Date.now() - 3_600_000));
      await tokens.revokeFamily(recent, new Date());
    });
    const ended = await db.inContext(() => tokens.endedSessionsOf(user.id, new Date(Date.now() - 60_000)));
    expect(ended.filter((family) => family === recent)).toHaveLength(1);
    expect(ended).not.toContain(old);
    expect(ended).not.toContain(live);
  });

  it('saves changes to a user and reads them back', async () => {
    await db.inContext(async () => {
      const loaded = await users.findById(user.id);
      loaded!.disable(new Date(1_900_000_000_500));
      await users.save(loaded!);
    });
    await db.inContext(async () => {
      expect((await users.findById(user.id))?.isActive()).toBe(false);
      expect((await users.findById(user.id))?.tokensValidFrom).toEqual(new Date(1_900_000_001_000));
      expect((await users.findByEmail(user.email))?.id).toBe(user.id);
    });
  });
});
