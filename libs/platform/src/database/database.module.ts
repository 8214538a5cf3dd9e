import { Global, Module } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { AppConfig } from '../config/app-config';
import { PreparedQueries } from './prepared-queries';
import { MikroOrmTransactions, Transactions } from './transactions';

/** MikroORM over PostgreSQL; features register their schemas with `MikroOrmModule.forFeature`. */
@Global()
@Module({
  imports: [
    MikroOrmModule.forRootAsync({
      driver: PostgreSqlDriver,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        driver: PostgreSqlDriver,
        clientUrl: config.get('DATABASE_URL'),
        // libpq's `?host=/dir` (a Unix-socket directory), which MikroORM's own URL parsing skips
        host: unixSocketDirectoryOf(config.get('DATABASE_URL')),
        pool: { min: 0, max: config.get('DATABASE_POOL_MAX') },
        autoLoadEntities: true,
        registerRequestContext: true,
        discovery: { warnWhenNoEntities: false },
        debug: false,
      }),
    }),
  ],
  providers: [PreparedQueries, { provide: Transactions, useClass: MikroOrmTransactions }],
  exports: [PreparedQueries, Transactions],
})
export class DatabaseModule {}

function unixSocketDirectoryOf(databaseUrl: string): string | undefined {
  const host = new URL(databaseUrl).searchParams.get('host');
  return host?.startsWith('/') ? host : undefined;
}
