import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { NestFactory } from '@nestjs/core';
import { MikroORM, RequestContext } from '@mikro-orm/core';
import { DomainError } from '@app/kernel';
import { CreateDepartment, CreateUser, DepartmentRepository, OrgModule } from '@app/org';
import { Actor, PlatformModule } from '@app/platform';
import { InputRefused, readAdminInput, usage } from './admin-cli/admin-input';
import { pendingMigrations } from './admin-cli/migration-state';

@Module({ imports: [PlatformModule, OrgModule] })
class CreateAdminModule {}

// Nobody is signed in yet: the operator at the console stands behind the first admin.
const operator: Actor = { userId: '00000000-0000-0000-0000-000000000000', role: 'admin', departmentId: '00000000-0000-0000-0000-000000000000' };

/**
 * `npm run create-admin`: the first administrator of a fresh deployment (or another one later),
 * with their top-level department, through the same commands the API runs. Both are created in
 * one transaction, so a refusal leaves nothing behind.
 */
async function createAdmin(): Promise<number> {
  const input = await readAdminInput(process.argv.slice(2));
  if (input === 'help') {
    console.log(usage);
    return 0;
  }
  const app = await NestFactory.createApplicationContext(CreateAdminModule, { logger: ['error'] });
  try {
    const orm = app.get(MikroORM);
    const pending = await pendingMigrations(orm.em.getConnection());
    if (pending.length) throw new InputRefused(`The database is not migrated (${pending.length} pending: ${pending.join(', ')}); run npm run migrate first. Nothing was changed.`);
    const commands = app.get(CommandBus);
    const departments = app.get(DepartmentRepository);
    const { user, departmentCreated } = await RequestContext.create(orm.em, () =>
      orm.em.transactional(async () => {
        const existing = await departments.findByName(input.department, null);
        const department = existing ?? (await commands.execute(new CreateDepartment(operator, input.department, null)));
        const user = await commands.execute(new CreateUser(operator, input.email, input.password, input.displayName, 'admin', department.id));
        return { user, departmentCreated: !existing };
      }),
    );
    const where = `${departmentCreated ? 'the new' : 'the existing'} department "${user.department.name}" (${user.department.id})`;
    console.log(`Created the admin ${user.email} (${user.id}) in ${where}. Sign in with POST /api/v1/auth/login.`);
    return 0;
  } finally {
    await app.close();
  }
}

createAdmin().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const refused = error instanceof InputRefused || error instanceof DomainError;
    console.error(refused ? (error as Error).message : `create-admin failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(refused ? 1 : 2);
  },
);
