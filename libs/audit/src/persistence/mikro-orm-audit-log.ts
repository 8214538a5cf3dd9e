import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import type { Cursor } from '@app/kernel';
import { currentRequestId } from '@app/platform';
import { AuditEntries, type AuditFilter, AuditLog } from '../audit.ports';
import { AuditEntry, type AuditRecord } from '../domain/audit-entry';

@Injectable()
export class MikroOrmAuditLog extends AuditLog {
  constructor(private readonly em: EntityManager) {
    super();
  }

  // Flushed at once, so the entry is written on the transaction the change runs in.
  async record(record: AuditRecord): Promise<void> {
    await this.em.persist(AuditEntry.of(randomUUID(), new Date(), currentRequestId(), record)).flush();
  }
}

@Injectable()
export class MikroOrmAuditEntries extends AuditEntries {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async list(filter: AuditFilter, limit: number, after: Cursor | null): Promise<AuditEntry[]> {
    const qb = this.em.createQueryBuilder(AuditEntry, 'a').select('*').orderBy({ at: 'desc', id: 'desc' }).limit(limit);
    if (filter.actorId) qb.andWhere({ actorId: filter.actorId });
    if (filter.action) qb.andWhere({ action: filter.action });
    if (filter.from) qb.andWhere({ at: { $gte: filter.from } });
    if (filter.to) qb.andWhere({ at: { $lt: filter.to } });
    // MikroORM writes parameters into the SQL text: the list goes as a PostgreSQL array literal.
    if (filter.departmentIds) qb.andWhere('a.department_ids && ?::uuid[]', [`{${filter.departmentIds.join(',')}}`]);
    if (after) qb.andWhere({ $or: [{ at: { $lt: new Date(after.at) } }, { at: new Date(after.at), id: { $lt: after.id } }] });
    return qb.getResultList();
  }
}
