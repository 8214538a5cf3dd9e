import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { ValidationFailed } from './platform-errors';

type Problem = { field: string; problem: string };

function flatten(errors: ValidationError[], parent = ''): Problem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((problem) => ({ field, problem }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

// PostgreSQL refuses U+0000 in text and unpaired surrogates in JSON; in Unicode mode a
// well-formed pair is one code point, so only a lone half matches \p{Cs}.
const UNSTORABLE = /[\u0000\p{Cs}]/u; // eslint-disable-line no-control-regex -- finding U+0000 is the point
export const UNSTORABLE_PROBLEM = 'must not contain U+0000 or unpaired surrogates';
// class-transformer assigns keys onto the DTO instance as they come, so `__proto__` replaces its
// prototype and `constructor` its class reference, and the whitelist never sees either; they are
// refused as the unknown fields they are.
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Every string and key in a request value that no route may accept, with its path. */
export function unacceptableInput(value: unknown, root: string): Problem[] {
  const problems: Problem[] = [];
  const pending: Array<[unknown, string]> = [[value, root]];
  while (pending.length > 0) {
    const [node, path] = pending.pop()!;
    if (typeof node === 'string') {
      if (UNSTORABLE.test(node)) problems.push({ field: path || 'value', problem: UNSTORABLE_PROBLEM });
    } else if (node !== null && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) {
        const field = path ? `${path}.${key}` : key;
        if (RESERVED_KEYS.has(key)) problems.push({ field, problem: 'is not a field this API accepts' });
        else if (UNSTORABLE.test(key)) problems.push({ field: path || 'value', problem: UNSTORABLE_PROBLEM });
        else pending.push([child, field]);
      }
    }
  }
  return problems.reverse();
}

/**
 * Whitelists DTO fields, rejects unknown ones, and reports every problem with its field. Before
 * any of that, one rule for every string of a body, query or route parameter, whichever route
 * it is for: text PostgreSQL cannot store, and keys that would rewrite the DTO, are a 400 here
 * rather than a 500 from the database or a field that slips past the whitelist.
 */
export class RequestValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      const problems = unacceptableInput(value, metadata.data ?? '');
      if (problems.length > 0) throw new ValidationFailed(problems);
    }
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new RequestValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => new ValidationFailed(flatten(errors)),
  });
}
