import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Actor } from './actor';

export const IS_PUBLIC = 'auth:public';
export const ADMIN_ONLY = 'auth:admin-only';

/** The route needs no access token. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** The route is for administrators; members get 403. */
export const AdminOnlyRoute = () => SetMetadata(ADMIN_ONLY, true);

/** The authenticated caller, as the auth guard put it on the request. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  return context.switchToHttp().getRequest<{ user: Actor }>().user;
});
