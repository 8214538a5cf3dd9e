import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { ActiveAccounts } from '@app/org';
import { AdminOnly, apiPrefix, Unauthenticated } from '@app/platform';
import { DashboardSessionRequired, DashboardTicketInvalid } from '../domain/dashboard-errors';
import { SESSION_TTL_SECONDS } from '../domain/dashboard-lifetimes';
import { DashboardAccess } from '../queue-dashboard.ports';

export const DASHBOARD_ROUTE = 'admin/queues';
const COOKIE = 'queue_dashboard_session';
const cookiePath = `/${apiPrefix}/${DASHBOARD_ROUTE}`;

/**
 * The dashboard's own policy, in place of the API's for its responses only: its page loads its
 * scripts and styles from its own path and sets inline styles; it needs no other origin, no
 * frame and no plugin. Google's fonts it asks for stay blocked and fall back to local ones.
 */
const DASHBOARD_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

function cookieOf(req: Request): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(/;\s*/)) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at) === COOKIE) return decodeURIComponent(part.slice(at + 1));
  }
  return undefined;
}

/**
 * In front of every dashboard route (its pages, its API and its static files): a request needs
 * the session cookie that a ticket opened, and the account behind it must still be an active
 * admin, read afresh on every request, so a demoted or disabled admin loses the dashboard at
 * their next request. The ticket route itself is the API's, behind the bearer-token guards.
 */
@Injectable()
export class DashboardGate implements NestMiddleware {
  constructor(
    private readonly access: DashboardAccess,
    private readonly accounts: ActiveAccounts,
  ) {}

  async use(req: Request, res: Response, next: NextFunction) {
    if (req.method === 'POST' && req.path === '/session') return next();
    const ticket = req.query.ticket;
    if (ticket !== undefined) return this.redeem(String(ticket), req, res);
    const session = cookieOf(req);
    if (!session) throw new DashboardSessionRequired();
    const userId = await this.access.holderOf(session);
    if (!userId) {
      this.clearCookie(res);
      throw new DashboardSessionRequired();
    }
    await this.requireAdmin(userId, res);
    res.setHeader('Content-Security-Policy', DASHBOARD_CSP);
    res.setHeader('Cache-Control', 'no-store');
    next();
  }

  private async redeem(ticket: string, req: Request, res: Response) {
    const opened = await this.access.redeemTicket(ticket, SESSION_TTL_SECONDS);
    if (!opened) throw new DashboardTicketInvalid();
    await this.requireAdmin(opened.userId, res).catch(async (error: unknown) => {
      await this.access.close(opened.session);
      throw error;
    });
    res.cookie(COOKIE, opened.session, {
      httpOnly: true,
      sameSite: 'strict',
      path: cookiePath,
      maxAge: SESSION_TTL_SECONDS * 1000,
      secure: req.secure || req.headers['x-forwarded-proto'] === 'https',
    });
    // The ticket leaves the address bar and the history; the page itself loads without it.
    res.redirect(303, `${req.baseUrl}${req.path}`);
  }

  private async requireAdmin(userId: string, res: Response) {
    const standing = await this.accounts.standingOf(userId);
    const actor = standing && !standing.disabled ? standing.actor : null;
    if (!actor) {
      this.clearCookie(res);
      throw new Unauthenticated('This account is no longer active');
    }
    if (actor.role !== 'admin') throw new AdminOnly();
  }

  private clearCookie(res: Response) {
    res.clearCookie(COOKIE, { path: cookiePath, httpOnly: true, sameSite: 'strict' });
  }
}
