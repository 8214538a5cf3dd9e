export function migrateUp(clientUrl: string, options?: { log?: (line: string) => void }): Promise<string[]>;
