import { api, unwrap } from '@/lib/api/client';
import { session } from '@/lib/auth/session';

export async function signIn(email: string, password: string): Promise<void> {
  // credentials: the answer sets the refresh-token cookie the page itself never reads.
  const grant = await unwrap(api.POST('/api/v1/auth/login', { body: { email, password }, credentials: 'same-origin' }));
  session.accept(grant);
}

export async function signOut(): Promise<void> {
  try {
    // Revokes the session server-side and clears the cookie; signed out locally whatever happens.
    await api.POST('/api/v1/auth/logout', { body: { everywhere: false }, credentials: 'same-origin' });
  } finally {
    session.end('signed-out');
  }
}
