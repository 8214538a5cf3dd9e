import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { STATUS_CODES } from 'node:http';
import type { Request, Response } from 'express';
import { DomainError } from '@app/kernel';
import { statusByErrorKind } from './error-status';

interface ErrorBody {
  statusCode: number;
  error: string;
  code: string;
  message: string;
  requestId: string;
  details?: ReadonlyArray<{ field: string; problem: string }>;
}

const codeByStatus: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'route_not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

// body-parser's and raw-body's error types (see their READMEs), each with words of our own.
const bodyErrors: Record<string, { code: string; message: string }> = {
  'entity.parse.failed': { code: 'malformed_json', message: 'The body is not valid JSON' },
  'entity.too.large': { code: 'payload_too_large', message: 'The body is larger than the server accepts' },
  'parameters.too.many': { code: 'payload_too_large', message: 'The form has more fields than the server accepts' },
  'querystring.parse.rangeError': { code: 'body_too_deep', message: 'The form nests deeper than the server accepts' },
  'charset.unsupported': { code: 'unsupported_charset', message: 'The body’s charset is not supported; send UTF-8' },
  'encoding.unsupported': { code: 'unsupported_content_encoding', message: 'The body’s Content-Encoding is not supported' },
  'request.aborted': { code: 'request_aborted', message: 'The client closed the connection before the body arrived' },
  'request.size.invalid': { code: 'bad_request', message: 'The body’s length does not match its Content-Length' },
};

/** The one place that turns anything thrown into API.md's error shape. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ErrorFilter');

  catch(exception: unknown, host: ArgumentsHost) {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: string }>();
    const response = http.getResponse<Response>();
    const body = this.toBody(exception, String(request.id ?? ''));
    if (body.statusCode >= 500) this.logger.error({ err: exception, requestId: body.requestId }, body.message);
    if (response.headersSent) {
      response.end();
      return;
    }
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown, requestId: string): ErrorBody {
    const shape = (statusCode: number, code: string, message: string, details?: ErrorBody['details']): ErrorBody => ({
      statusCode,
      error: STATUS_CODES[statusCode] ?? 'Error',
      code,
      message,
      requestId,
      ...(details?.length ? { details } : {}),
    });
    if (exception instanceof DomainError) {
      return shape(statusByErrorKind[exception.kind], exception.code, exception.message, exception.details);
    }
    if (exception instanceof ThrottlerException) {
      return shape(429, 'rate_limited', 'Too many requests; retry after the time in Retry-After');
    }
    // Errors raised while a request is read (body-parser's, Express's) arrive wrapped by Nest's
    // adapter in an HttpException whose cause is the original, or as that original. Their messages
    // quote the request ("Unexpected token … "<the body>" is not valid JSON"), so only their type
    // chooses what is said.
    const raw = exception instanceof HttpException && exception.cause !== undefined ? exception.cause : exception;
    const status = exception instanceof HttpException ? exception.getStatus() : (raw as { status?: unknown })?.status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const known = bodyErrors[String((raw as { type?: unknown })?.type)];
      if (known) return shape(status, known.code, known.message);
      const code = codeByStatus[status] ?? 'http_error';
      // Nest's own exceptions (an unknown route, a wrong method) say nothing of the body.
      if (raw === exception && exception instanceof HttpException) return shape(status, code, exception.message);
      return shape(status, code, `The request could not be read (${STATUS_CODES[status] ?? status})`);
    }
    if (exception instanceof HttpException) {
      return shape(exception.getStatus(), codeByStatus[exception.getStatus()] ?? 'http_error', exception.message);
    }
    return shape(500, 'internal_error', 'Something went wrong on our side');
  }
}
