import { randomUUID } from 'node:crypto';
import type { TestDatabase } from '@app/testing/platform';

/**
 * A user row (in a fresh department unless one is given) for another module's repository spec,
 * whose rows point at users; written in SQL, so the spec maps none of org's schemas.
 */
export async function insertUserRow(db: TestDatabase, departmentId?: string): Promise<{ userId: string; departmentId: string }> {
  const connection = db.em.getConnection();
  const department = departmentId ?? randomUUID();
  if (!departmentId) await connection.execute('insert into departments (id, name, parent_id, created_at) values (?, ?, null, now())', [department, `Dept ${department}`]);
  const userId = randomUUID();
  await connection.execute(
    `insert into users (id, email, password_hash, display_name, role, department_id, created_at, updated_at)
     values (?, ?, 'not-a-hash', 'Test member', 'member', ?, now(), now())`,
    [userId, `${userId}@example.test`, department],
  );
  return { userId, departmentId: department };
}
