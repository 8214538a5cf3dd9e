import type { Department } from './department';
import type { User } from './user';

/** How a user is shown to themselves (`/me`, login) and to administrators. */
export interface UserProfile {
  id: string;
  email: string;
  displayName: string;
  role: User['role'];
  department: { id: string; name: string };
  disabled: boolean;
  createdAt: Date;
}

export function toUserProfile(user: User, department: Department | null): UserProfile {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    department: { id: user.departmentId, name: department?.name ?? '' },
    disabled: !user.isActive(),
    createdAt: user.createdAt,
  };
}
