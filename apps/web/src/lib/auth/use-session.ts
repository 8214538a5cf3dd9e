import { useSyncExternalStore } from 'react';
import { session, type SessionUser } from './session';

export function useSession() {
  return useSyncExternalStore(session.subscribe, session.snapshot);
}

/** The signed-in person; only for screens rendered inside the signed-in layout. */
export function useCurrentUser(): SessionUser {
  const state = useSession();
  if (state.status !== 'signed-in') throw new Error('useCurrentUser outside the signed-in layout');
  return state.user;
}

export const isAdmin = (user: SessionUser) => user.role === 'admin' || user.role === 'department_admin';
