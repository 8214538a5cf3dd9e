import { Injectable } from '@nestjs/common';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { readingRuleSql, type Cursor } from '@app/kernel';
import { PreparedQueries } from '@app/platform';
import { StoredFile, type FileReader, type FileStatus } from '../domain/stored-file';
import { FileListFilter, FileRepository } from '../files.ports';

@Injectable()
export class MikroOrmFileRepository extends FileRepository {
  constructor(
    private readonly em: EntityManager,
    private readonly sql: PreparedQueries,
  ) {
    super();
  }

  findById(id: string) {
    return this.em.findOne(StoredFile, { id, deletedAt: null }, { refresh: true });
  }

  // By primary key alone: MikroORM answers that from the identity map, any other condition is a query.
  async findTracked(id: string) {
    const file = await this.em.findOne(StoredFile, id);
    return file && !file.deletedAt ? file : null;
  }

  findIncludingDeleted(id: string) {
    return this.em.findOne(StoredFile, { id }, { refresh: true });
  }

  // Attachments are never duplicates of anything: each is its owner's, in its conversation.
  findLiveBySha256(departmentId: string, sha256: string) {
    return this.em.findOne(StoredFile, { departmentId, sha256, deletedAt: null, conversationId: null });
  }

  attachmentsOf(conversationId: string) {
    return this.em.find(StoredFile, { conversationId, deletedAt: null }, { orderBy: { createdAt: 'asc', id: 'asc' }, refresh: true });
  }

  async attachmentUsageOf(userId: string) {
    const [row] = await this.sql.rows<{ count: string; bytes: string | null }>(
      `select count(*) as count, sum(size_bytes) as bytes from files where uploaded_by = ? and visibility = 'conversation' and deleted_at is null`,
      [userId],
    );
    return { count: Number(row.count), bytes: Number(row.bytes ?? 0) };
  }

  // On the transaction's connection (not the prepared statements' pool), so the lock is the transaction's.
  async lockedAttachmentUsageOf(userId: string) {
    await this.em.execute(`select pg_advisory_xact_lock(hashtext(?))`, [`attachments:${userId}`]);
    const [row] = await this.em.execute<Array<{ count: string; bytes: string | null }>>(
      `select count(*) as count, sum(size_bytes) as bytes from files where uploaded_by = ? and visibility = 'conversation' and deleted_at is null`,
      [userId],
    );
    return { count: Number(row.count), bytes: Number(row.bytes ?? 0) };
  }

  listVisible(reader: FileReader, filter: FileListFilter, limit: number, after: Cursor | null) {
    const page = after ? { $or: [{ createdAt: { $lt: new Date(after.at) } }, { createdAt: new Date(after.at), id: { $lt: after.id } }] } : {};
    const qb = this.em
      .createQueryBuilder(StoredFile, 'f')
      .select('*')
      .where({ $and: [{ deletedAt: null }, page, filter.status ? { status: filter.status } : {}, filter.departmentId ? { departmentId: filter.departmentId } : {}] })
      .orderBy({ createdAt: 'desc', id: 'desc' })
      .limit(limit);
    // StoredFile.isVisibleTo, as SQL: the reading rule, or a department the reader administers (never an attachment).
    const managed = reader.manages.departmentIds();
    const rule = readingRuleSql(reader.reads, { departmentId: 'f.department_id', visibility: 'f.visibility', conversationId: 'f.conversation_id', ownerId: 'f.uploaded_by' });
    const administered = managed ? `(f.department_id = any(?::uuid[]) and f.visibility <> 'conversation')` : `f.visibility <> 'conversation'`;
    qb.andWhere(`(${rule.sql} or ${administered})`, [...rule.params, ...(managed ? [managed] : [])].map(asUuidArrayLiteral));
    return qb.getResultList();
  }

  async listIdsByStatus(statuses: FileStatus[]) {
    const files = await this.em.find(StoredFile, { status: { $in: statuses }, deletedAt: null }, { fields: ['id'], orderBy: { createdAt: 'asc' } });
    return files.map((file) => file.id);
  }

  async listDeletedIds() {
    const files = await this.em.find(StoredFile, { deletedAt: { $ne: null } }, { fields: ['id'] });
    return files.map((file) => file.id);
  }

  async departmentExists(id: string) {
    const rows = await this.em.getConnection().execute('select 1 from departments where id = ?', [id]);
    return rows.length > 0;
  }

  // A plain insert, one statement without the unit of work's transaction around it.
  async add(file: StoredFile) {
    try {
      await this.em.insert(file);
      return true;
    } catch (error) {
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
      return false;
    }
  }

  async save(file: StoredFile) {
    await this.em.persist(file).flush();
  }

  saveIfUnsettled(file: StoredFile) {
    return this.saveIfStored(file, ['queued', 'processing']);
  }

  saveIfProcessing(file: StoredFile) {
    return this.saveIfStored(file, ['processing']);
  }

  // Plain SQL: each ingested file takes two of these, and `nativeUpdate` costs the worker several
  // times the CPU of the same SQL sent as it is. Planned per call: a generic plan
  // made while the registry was small reads every queued file through the status index, and
  // a bulk upload queues thousands within seconds.
  private async saveIfStored(file: StoredFile, statuses: FileStatus[]) {
    const { status, stage, progress, chunkCount, pageCount, errorCode, errorMessage, readyAt, updatedAt, lastProgressAt } = file;
    const changed = await this.sql.rowCount(
      `update files set status = ?, stage = ?, progress = ?, chunk_count = ?, page_count = ?, error_code = ?, error_message = ?,
              ready_at = ?, updated_at = ?, last_progress_at = ?
        where id = ? and status = any(?::text[]) and deleted_at is null`,
      [status, stage, progress, chunkCount, pageCount, errorCode, errorMessage, readyAt, updatedAt, lastProgressAt, file.id, statuses],
      { planEachCall: true },
    );
    if (changed === 1)
      this.em.getUnitOfWork().merge(file); // the row now says what the entity does: snapshot it, so no flush writes it again
    else await this.em.refresh(file); // the identity map holds what the row says
    return changed === 1;
  }

  async remove(id: string) {
    await this.em.nativeDelete(StoredFile, { id });
  }
}

/** MikroORM writes parameters into the SQL text; a uuid list goes as a PostgreSQL array literal. */
function asUuidArrayLiteral(param: unknown): unknown {
  return Array.isArray(param) ? `{${param.map(String).join(',')}}` : param;
}
