import { ExecutionContext, Injectable, CanActivate } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { DomainError } from '@app/kernel';
import { Actor, ADMIN_ONLY, AdminOnly, IS_PUBLIC, Unauthenticated } from '@app/platform';

function flag(reflector: Reflector, key: string, context: ExecutionContext): boolean {
  return reflector.getAllAndOverride<boolean>(key, [context.getHandler(), context.getClass()]) === true;
}

/** Every route needs a valid access token unless it is marked @Public(). */
@Injectable()
export class AccessTokenGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(context: ExecutionContext) {
    return flag(this.reflector, IS_PUBLIC, context) || super.canActivate(context);
  }

  // Our own refusals (disabled account, ended session) keep their codes; anything else the
  // token check throws is a plain 401.
  override handleRequest<T>(error: unknown, user: T): T {
    if (error instanceof Error && !(error instanceof DomainError)) throw new Unauthenticated();
    if (error) throw error;
    if (!user) throw new Unauthenticated();
    return user;
  }
}

/**
 * Routes marked @AdminOnlyRoute() answer 403 to anyone but an organisation admin. Only for a
 * route with no target to weigh; a use case with one decides in its handler (assertAdministers).
 */
@Injectable()
export class AdminRouteGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (!flag(this.reflector, ADMIN_ONLY, context)) return true;
    const actor = context.switchToHttp().getRequest<{ user?: Actor }>().user;
    if (actor?.role !== 'admin') throw new AdminOnly();
    return true;
  }
}
