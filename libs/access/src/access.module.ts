import { Module } from '@nestjs/common';
import { AccessDirectory } from './access.ports';
import { PostgresAccessDirectory } from './persistence/postgres-access-directory';

/** Access decisions' view of the department tree: readers' scopes and administrators' reach. */
@Module({
  providers: [{ provide: AccessDirectory, useClass: PostgresAccessDirectory }],
  exports: [AccessDirectory],
})
export class AccessModule {}
