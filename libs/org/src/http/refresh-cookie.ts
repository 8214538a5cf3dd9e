import { Injectable } from '@nestjs/common';
import type { CookieOptions, Request, Response } from 'express';
import { apiPrefix, AppConfig } from '@app/platform';

export const REFRESH_COOKIE = 'refresh_token';
export const REFRESH_COOKIE_PATH = `/${apiPrefix}/auth`;

const loopbackHost = /^(localhost|.+\.localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/**
 * The browser's copy of the refresh token: HttpOnly so page scripts never read it, SameSite
 * Strict and scoped to the auth routes so no other request carries it. Secure, except on a
 * plain-http request to a loopback host (`npm run dev` on http://localhost), where some
 * browsers would drop a Secure cookie; the Host such a request names is the browser's own.
 */
@Injectable()
export class RefreshCookie {
  private readonly maxAgeMs: number;

  constructor(config: AppConfig) {
    this.maxAgeMs = config.get('REFRESH_TOKEN_TTL_SECONDS') * 1000;
  }

  read(request: Request): string | undefined {
    const value = (request.cookies as Record<string, unknown> | undefined)?.[REFRESH_COOKIE];
    return typeof value === 'string' && value !== '' ? value : undefined;
  }

  set(request: Request, response: Response, refreshToken: string): void {
    response.cookie(REFRESH_COOKIE, refreshToken, { ...this.options(request), maxAge: this.maxAgeMs });
  }

  clear(request: Request, response: Response): void {
    response.clearCookie(REFRESH_COOKIE, this.options(request));
  }

  /** Whether cookies for this request are Secure: always, but on plain http to a loopback host. */
  isSecure(request: Request): boolean {
    return request.secure || !loopbackHost.test(request.hostname ?? '');
  }

  private options(request: Request): CookieOptions {
    return { httpOnly: true, secure: this.isSecure(request), sameSite: 'strict', path: REFRESH_COOKIE_PATH };
  }
}
