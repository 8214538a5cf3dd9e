import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Cursor } from '@app/kernel';
import { Department } from '../domain/department';
import { RefreshToken } from '../domain/refresh-token';
import { User } from '../domain/user';
import { DepartmentRepository, RefreshTokenRepository, UserRepository } from '../org.ports';

@Injectable()
export class MikroOrmDepartmentRepository extends DepartmentRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }

  findById(id: string) {
    return this.em.findOne(Department, { id });
  }

  findByName(name: string, parentId: string | null) {
    return this.em.findOne(Department, { name: { $ilike: name.replace(/[\\%_]/g, '\\$&') }, parentId });
  }

  list() {
    return this.em.find(Department, {}, { orderBy: { createdAt: 'asc', id: 'asc' } });
  }

  async add(department: Department) {
    await this.em.persist(department).flush();
  }

  async save(department: Department) {
    await this.em.persist(department).flush();
  }

  async remove(department: Department) {
    await this.em.remove(department).flush();
  }

  async holdingsOf(id: string) {
    const [row] = await this.em.execute<Array<{ users: string; files: string; departments: string }>>(
      `select (select count(*) from users where department_id = ?) as users,
              (select count(*) from files where department_id = ?) as files,
              (select count(*) from departments where parent_id = ?) as departments`,
      [id, id, id],
    );
    return { users: Number(row.users), files: Number(row.files), departments: Number(row.departments) };
  }

  async lockTree() {
    await this.em.execute(`select pg_advisory_xact_lock(hashtext('org:department-tree'))`);
  }
}

@Injectable()
export class MikroOrmUserRepository extends UserRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }

  findById(id: string) {
    return this.em.findOne(User, { id }, { refresh: true });
  }

  findByEmail(email: string) {
    return this.em.findOne(User, { email });
  }

  findBySsoIdentity(issuer: string, subject: string) {
    return this.em.findOne(User, { ssoIssuer: issuer, ssoSubject: subject }, { refresh: true });
  }

  list(limit: number, after: Cursor | null, departmentIds?: readonly string[]) {
    const page = after ? { $or: [{ createdAt: { $gt: new Date(after.at) } }, { createdAt: new Date(after.at), id: { $gt: after.id } }] } : {};
    const inDepartments = departmentIds ? { departmentId: { $in: [...departmentIds] } } : {};
    return this.em.find(User, { $and: [page, inDepartments] }, { orderBy: { createdAt: 'asc', id: 'asc' }, limit });
  }

  async add(user: User) {
    await this.em.persist(user).flush();
  }

  async save(user: User) {
    await this.em.persist(user).flush();
  }
}

@Injectable()
export class MikroOrmRefreshTokenRepository extends RefreshTokenRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }

  findById(id: string) {
    return this.em.findOne(RefreshToken, { id }, { refresh: true });
  }

  async add(token: RefreshToken) {
    await this.em.persist(token).flush();
  }

  async claimForRotation(id: string, now: Date) {
    const claimed = await this.em.nativeUpdate(RefreshToken, { id, rotatedAt: null, revokedAt: null }, { rotatedAt: now });
    return claimed === 1;
  }

  async revokeFamily(familyId: string, now: Date) {
    await this.em.nativeUpdate(RefreshToken, { familyId, revokedAt: null }, { revokedAt: now });
  }

  async revokeAllOfUser(userId: string, now: Date) {
    await this.em.nativeUpdate(RefreshToken, { userId, revokedAt: null }, { revokedAt: now });
  }

  async endedSessionsOf(userId: string, since: Date) {
    const rows = await this.em
      .createQueryBuilder(RefreshToken)
      .select('familyId', true)
      .where({ userId, revokedAt: { $gte: since } })
      .execute<Array<{ familyId: string }>>('all');
    return rows.map((row) => row.familyId);
  }
}
