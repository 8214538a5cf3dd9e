import { ExecutionContext, SetMetadata } from '@nestjs/common';

const STRICT_RATE_LIMIT = 'rate-limit:strict';

/** Credential endpoints get the tighter login limit instead of the general one. */
export const StrictRateLimit = () => SetMetadata(STRICT_RATE_LIMIT, true);

export function isStrictlyLimited(context: ExecutionContext): boolean {
  return Reflect.getMetadata(STRICT_RATE_LIMIT, context.getHandler()) === true;
}
