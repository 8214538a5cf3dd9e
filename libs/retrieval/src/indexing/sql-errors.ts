import { ForeignKeyConstraintViolationException, UniqueConstraintViolationException } from '@mikro-orm/core';

// Raw statements reach PostgreSQL without MikroORM's exception mapping, so the SQLSTATE is checked too.
const sqlState = (error: unknown) => (error as { code?: unknown } | null)?.code;

export function isUniqueViolation(error: unknown): boolean {
  return error instanceof UniqueConstraintViolationException || sqlState(error) === '23505';
}

export function isForeignKeyViolation(error: unknown): boolean {
  return error instanceof ForeignKeyConstraintViolationException || sqlState(error) === '23503';
}
