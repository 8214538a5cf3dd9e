import { Global, Module } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { AppConfig } from '../config/app-config';
import { connectionOf } from './connection';
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
        ...connectionOf(config.get('DATABASE_URL')),
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
