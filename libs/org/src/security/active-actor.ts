import type { Actor } from '@app/platform';
import type { User } from '../domain/user';

/** Who a user acts as while their account is active; null once it is disabled or gone. */
export function activeActorOf(user: User | null): Actor | null {
  return user?.isActive() ? { userId: user.id, role: user.role, departmentId: user.departmentId } : null;
}
