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

  list(limit: number, after: Cursor | null) {
    const where = after
      ? { $or: [{ createdAt: { $gt: new Date(after.at) } }, { createdAt: new Date(after.at), id: { $gt: after.id } }] }
      : {};
    return this.em.find(User, where, { orderBy: { createdAt: 'asc', id: 'asc' }, limit });
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
