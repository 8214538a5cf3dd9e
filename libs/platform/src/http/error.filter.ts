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
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      return shape(status, codeByStatus[status] ?? 'http_error', exception.message);
    }
    const status = (exception as { status?: unknown })?.status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      // body-parser and friends throw plain errors that carry a status (bad JSON, body too large)
      return shape(status, codeByStatus[status] ?? 'bad_request', (exception as Error).message);
    }
    return shape(500, 'internal_error', 'Something went wrong on our side');
  }
}
