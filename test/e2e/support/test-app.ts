import type { INestApplication } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { MikroORM, RequestContext } from '@mikro-orm/core';
import { Test } from '@nestjs/testing';
import { randomBytes, randomUUID } from 'node:crypto';
import request from 'supertest';
import { ApiModule } from '../../../apps/api/src/api.module';
import { CreateDepartment, CreateUser } from '@app/org';
import { configureHttpApp, type Actor, type Role } from '@app/platform';

export const testPassword = 'correct horse battery staple';
/** Random per test process, as a real secret is; the forged-token tests sign with it. */
export const testJwtSecret = randomBytes(48).toString('base64url');

/** Test-only settings on top of what the global setup put in the environment. */
export function useTestEnvironment(overrides: Record<string, string> = {}) {
  Object.assign(process.env, {
    JWT_SECRET: testJwtSecret,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    // Test files share one Redis and one client IP; the burst test sets its own limit on its own Redis.
    LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
    RATE_LIMIT_PER_MINUTE: '100000',
    ...overrides,
  });
}

export async function startApi(overrides: Record<string, string> = {}): Promise<INestApplication> {
  const saved = { ...process.env };
  useTestEnvironment(overrides);
  // Config is read while the module compiles; restore so one test's overrides never leak into the next.
  const moduleRef = await Test.createTestingModule({ imports: [ApiModule.forRoot()] })
    .compile()
    .finally(() => {
      process.env = saved;
    });
  const app = configureHttpApp(moduleRef.createNestApplication({ bufferLogs: true }));
  await app.init();
  return app;
}

export const systemActor: Actor = { userId: '00000000-0000-0000-0000-000000000000', role: 'admin', departmentId: '00000000-0000-0000-0000-000000000000' };

export interface TestUser {
  id: string;
  email: string;
  departmentId: string;
  accessToken: string;
  refreshToken: string;
  auth: { Authorization: string };
}

/** A fresh department (unless one is given), a user in it, and a logged-in session. */
/** Runs work outside HTTP (as a seed or job would) in its own MikroORM context. */
export function inOrmContext<T>(app: INestApplication, work: () => Promise<T>): Promise<T> {
  return RequestContext.create(app.get(MikroORM).em, work);
}

/** A user (in a fresh department unless one is given) whose password is `testPassword`, not signed in. */
export async function createUserWithoutSession(app: INestApplication, role: Role, email = `${role}-${randomUUID()}@example.test`, departmentId?: string) {
  const commands = app.get(CommandBus);
  return inOrmContext(app, async () => {
    const department = departmentId ?? (await commands.execute(new CreateDepartment(systemActor, `Dept ${randomUUID()}`, null))).id;
    const user = await commands.execute(new CreateUser(systemActor, email, testPassword, `Test ${role}`, role, department));
    return { id: user.id, email, departmentId: department };
  });
}

export async function createSession(app: INestApplication, role: Role, departmentId?: string): Promise<TestUser> {
  const created = await createUserWithoutSession(app, role, undefined, departmentId);
  const { email } = created;
  const department = created.departmentId;
  const user = created;
  const login = await request(app.getHttpServer()).post('/api/v1/auth/login').send({ email, password: testPassword }).expect(200);
  return {
    id: user.id,
    email,
    departmentId: department,
    accessToken: login.body.accessToken,
    refreshToken: login.body.refreshToken,
    auth: { Authorization: `Bearer ${login.body.accessToken}` },
  };
}
