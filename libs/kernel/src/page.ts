/** One page of a keyset-paginated list; `nextCursor` is opaque to clients. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Keyset position: the sort value and the id that breaks ties. */
export interface Cursor {
  at: string;
  id: string;
}

// Only what encodeCursor writes: an instant as toISOString gives it (four-digit year, so no
// year 99999 that PostgreSQL would misread) and a UUID. Anything else a client made up.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_CURSOR_LENGTH = 512;

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.at, cursor.id])).toString('base64url');
}

/** The position a cursor this API issued names, or null for anything else. */
export function decodeCursor(raw: string): Cursor | null {
  if (raw.length > MAX_CURSOR_LENGTH) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) return null;
  const [at, id] = parsed as unknown[];
  if (typeof at !== 'string' || typeof id !== 'string' || !ISO_INSTANT.test(at) || !UUID.test(id)) return null;
  // A date that does not exist (2024-02-30) reads back as another one.
  const instant = new Date(at);
  return !Number.isNaN(instant.getTime()) && instant.toISOString() === at ? { at, id } : null;
}
