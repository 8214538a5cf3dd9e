import type { MigrationsOptions } from '@mikro-orm/core';

export const migrationOptions: MigrationsOptions;
export function migrateUp(clientUrl: string, options?: { log?: (line: string) => void }): Promise<string[]>;
