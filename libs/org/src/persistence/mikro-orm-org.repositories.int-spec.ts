import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { inOrmContext, startApi } from '../../../../test/e2e/support/test-app';
import { Department } from '../domain/department';
import { RefreshToken } from '../domain/refresh-token';
import { User } from '../domain/user';
import { DepartmentRepository, RefreshTokenRepository, UserRepository } from '../org.ports';

describe('MikroORM org repositories (PostgreSQL)', () => {
  let app: INestApplication;
  let department: Department;
  let user: User;

  beforeAll(async () => {
    app = await startApi();
    department = Department.create(randomUUID(), `Repo ${randomUUID()}`, null, new Date());
    user = User.register({ id: randomUUID(), email: `${randomUUID()}@example.test`, passwordHash: 'h', displayName: 'R', role: 'member', departmentId: department.id, now: new Date() });
    await inOrmContext(app, async () => {
      await app.get(DepartmentRepository).add(department);
      await app.get(UserRepository).add(user);
    });
  });
  afterAll(() => app.close());

  it('finds a department by name regardless of case, and treats LIKE wildcards literally', async () => {
    const departments = app.get(DepartmentRepository);
    await inOrmContext(app, async () => {
      expect((await departments.findByName(department.name.toUpperCase(), null))?.id).toBe(department.id);
      expect(await departments.findByName('%', null)).toBeNull();
    });
  });

  it('lets exactly one of two concurrent refreshes claim a token', async () => {
    const tokens = app.get(RefreshTokenRepository);
    const token = new RefreshToken(randomUUID(), randomUUID(), user.id, 'hash', new Date(Date.now() + 60_000), new Date(), null, null);
    await inOrmContext(app, () => tokens.add(token));
    const claims = await Promise.all([0, 1].map(() => inOrmContext(app, () => tokens.claimForRotation(token.id, new Date()))));
    expect(claims.sort()).toEqual([false, true]);
  });

  it('revokes a family without touching the user’s other sessions', async () => {
    const tokens = app.get(RefreshTokenRepository);
    const family = randomUUID();
    const inFamily = new RefreshToken(randomUUID(), family, user.id, 'a', new Date(Date.now() + 60_000), new Date(), null, null);
    const other = new RefreshToken(randomUUID(), randomUUID(), user.id, 'b', new Date(Date.now() + 60_000), new Date(), null, null);
    await inOrmContext(app, async () => {
      await tokens.add(inFamily);
      await tokens.add(other);
      await tokens.revokeFamily(family, new Date());
    });
    await inOrmContext(app, async () => {
      expect((await tokens.findById(inFamily.id))?.isRevoked()).toBe(true);
      expect((await tokens.findById(other.id))?.isRevoked()).toBe(false);
    });
  });

  it('saves changes to a user and reads them back', async () => {
    const users = app.get(UserRepository);
    await inOrmContext(app, async () => {
      const loaded = await users.findById(user.id);
      loaded!.disable(new Date());
      await users.save(loaded!);
    });
    await inOrmContext(app, async () => {
      expect((await users.findById(user.id))?.isActive()).toBe(false);
      expect((await users.findByEmail(user.email))?.id).toBe(user.id);
    });
  });
});
