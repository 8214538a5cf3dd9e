import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { NestFactory } from '@nestjs/core';
import { MikroORM, RequestContext } from '@mikro-orm/core';
import { CreateDepartment, CreateUser, ListDepartments, OrgModule, UserRepository } from '@app/org';
import { Actor, AppConfig, AppConfigModule, PlatformModule } from '@app/platform';

@Module({ imports: [PlatformModule, OrgModule] })
class SeedModule {}

const seeder: Actor = { userId: '00000000-0000-0000-0000-000000000000', role: 'admin', departmentId: '00000000-0000-0000-0000-000000000000' };

/** Creates the demo organisation once; running it again changes nothing. */
async function seed() {
  const app = await NestFactory.createApplicationContext({ module: SeedModule, imports: [AppConfigModule.forRoot()] }, { logger: ['error', 'warn'] });
  const config = app.get(AppConfig);
  const adminEmail = config.get('SEED_ADMIN_EMAIL');
  const adminPassword = config.get('SEED_ADMIN_PASSWORD');
  const memberPassword = config.get('SEED_MEMBER_PASSWORD') ?? adminPassword;
  if (!adminEmail || !adminPassword || !memberPassword) throw new Error('Set SEED_ADMIN_EMAIL and SEED_ADMIN_PASSWORD to seed the demo organisation');

  const commands = app.get(CommandBus);
  const queries = app.get(QueryBus);
  const users = app.get(UserRepository);
  await RequestContext.create(app.get(MikroORM).em, async () => {
    const existing = await queries.execute(new ListDepartments());
    const department = async (name: string) => existing.find((d) => d.name === name) ?? (await commands.execute(new CreateDepartment(seeder, name, null)));
    const engineering = await department('Engineering');
    const people = await department('People & Culture');
    const accounts = [
      { email: adminEmail, password: adminPassword, name: 'Demo Admin', role: 'admin' as const, departmentId: engineering.id },
      { email: 'alice@example.org', password: memberPassword, name: 'Alice (Engineering)', role: 'member' as const, departmentId: engineering.id },
      { email: 'bob@example.org', password: memberPassword, name: 'Bob (People & Culture)', role: 'member' as const, departmentId: people.id },
    ];
    for (const person of accounts) {
      if (await users.findByEmail(person.email.toLowerCase())) continue;
      await commands.execute(new CreateUser(seeder, person.email, person.password, person.name, person.role, person.departmentId));
    }
  });
  await app.close();
}

seed().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
