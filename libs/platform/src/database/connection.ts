/** MikroORM's connection settings for a `DATABASE_URL`. */
export function connectionOf(databaseUrl: string) {
  return {
    clientUrl: databaseUrl,
    // libpq's `?host=/dir` (a Unix-socket directory), which MikroORM's own URL parsing skips
    host: unixSocketDirectoryOf(databaseUrl),
  };
}

function unixSocketDirectoryOf(databaseUrl: string): string | undefined {
  const host = new URL(databaseUrl).searchParams.get('host');
  return host?.startsWith('/') ? host : undefined;
}
