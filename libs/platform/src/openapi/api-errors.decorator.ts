import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ErrorResponse } from './error-response';

/** The codes a route answers with at that status unless it names its own. */
const commonCodes = {
  400: ['validation_failed'],
  401: ['unauthenticated', 'session_ended', 'account_disabled'],
  403: ['admin_only', 'outside_managed_departments'],
  404: [],
  409: [],
  413: ['payload_too_large'],
  415: [],
  429: ['rate_limited'],
  503: [],
} satisfies Record<number, string[]>;

export type ErrorStatus = keyof typeof commonCodes;

const meaning: Record<ErrorStatus, string> = {
  400: 'The request is not valid',
  401: 'No valid access token, or the account is disabled',
  403: 'The caller may see this but not do it',
  404: 'Not found, or not visible to the caller',
  409: 'Conflicts with the current state',
  413: 'The body is over the limit',
  415: 'The type of the body is not accepted',
  429: 'Too many requests; retry after Retry-After seconds',
  503: 'Not available right now',
};

/**
 * Declares error responses in API.md's error shape. Each entry is a status (with the codes any
 * route answers there), or a status with the codes this route answers:
 * `ApiErrors(400, [404, 'file_not_found'])`.
 */
export function ApiErrors(...errors: Array<ErrorStatus | [ErrorStatus, ...string[]]>): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...errors.map((entry) => {
      const [status, ...own] = Array.isArray(entry) ? entry : [entry];
      const codes = own.length ? own : commonCodes[status];
      const description = codes.length ? `${meaning[status]}. \`code\`: ${codes.map((code) => `\`${code}\``).join(', ')}` : meaning[status];
      return ApiResponse({ status, description, type: ErrorResponse });
    }),
  );
}
