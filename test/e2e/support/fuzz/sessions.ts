import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { CommandBus } from '@nestjs/cqrs';
import { UpdateUser } from '../../../../libs/org/src/commands/update-user/update-user.command';
import { createSession, inOrmContext, systemActor, testPassword, type TestUser } from '../test-app';
import type { TokenOwner } from './auth-headers';
import type { FuzzActor, SessionTokens } from './fuzz-case';

/**
 * The member's and the admin's real sessions. A case may end one (logout, a password change, a
 * disable, a reused refresh token) or change its role; the next case then gets a fresh session
 * of the same role in the same department, so every case after it still reaches the routes.
 */
export class FuzzSessions implements SessionTokens {
  private constructor(
    private readonly app: INestApplication,
    private readonly sessions: Record<'member' | 'admin', TestUser>,
    readonly first: Record<'member' | 'admin', TestUser>,
  ) {}

  static async create(app: INestApplication): Promise<FuzzSessions> {
    const admin = await createSession(app, 'admin');
    const member = await createSession(app, 'member', admin.departmentId);
    return new FuzzSessions(app, { admin, member }, { admin, member });
  }

  user(role: 'member' | 'admin'): TestUser {
    return this.sessions[role];
  }

  ownerFor(actor: FuzzActor): TokenOwner {
    return this.sessions[actor === 'anonymous' ? 'member' : actor];
  }

  refreshTokenFor(actor: FuzzActor, which: 'refreshToken' | 'otherRefreshToken'): string {
    const own = actor === 'admin' ? 'admin' : 'member';
    return this.sessions[which === 'refreshToken' ? own : own === 'admin' ? 'member' : 'admin'].refreshToken;
  }

  /**
   * Replaces each session that no longer works as its role with one of the same user (so the
   * conversations and files the setup made stay reachable): signed in again, or first put back
   * (role, department, password, enabled) when a case changed it; a new user only as a last resort.
   */
  async heal(): Promise<void> {
    for (const role of ['admin', 'member'] as const) {
      const user = this.sessions[role];
      if (await this.worksAs(user, role)) continue;
      let again = await this.signInAgain(user);
      if (!again || !(await this.worksAs(again, role))) {
        again = (await this.restore(user, role)) ? await this.signInAgain(user) : null;
      }
      this.sessions[role] = again && (await this.worksAs(again, role)) ? again : await this.newSession(role);
    }
  }

  private async restore(user: TestUser, role: 'member' | 'admin'): Promise<boolean> {
    const changes = { role, departmentId: this.first.admin.departmentId, password: testPassword, disabled: false };
    return inOrmContext(this.app, () => this.app.get(CommandBus).execute(new UpdateUser(systemActor, user.id, changes))).then(
      () => true,
      () => false,
    );
  }

  private async worksAs(user: TestUser, role: string): Promise<boolean> {
    const me = await request(this.app.getHttpServer()).get('/api/v1/me').set(user.auth);
    return me.status === 200 && me.body.role === role;
  }

  private async signInAgain(user: TestUser): Promise<TestUser | null> {
    const login = await request(this.app.getHttpServer()).post('/api/v1/auth/login').send({ email: user.email, password: testPassword });
    if (login.status !== 200) return null;
    const { accessToken, refreshToken } = login.body;
    return { ...user, departmentId: login.body.user.department.id, accessToken, refreshToken, auth: { Authorization: `Bearer ${accessToken}` } };
  }

  private async newSession(role: 'member' | 'admin'): Promise<TestUser> {
    // The first department may be gone by now (a case deleted it); a fresh one does as well.
    return createSession(this.app, role, this.first.admin.departmentId).catch(() => createSession(this.app, role));
  }
}
