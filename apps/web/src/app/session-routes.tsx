import { useEffect } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { Loading } from '@/components/notice';
import { SignInPage } from '@/features/auth/components/sign-in-page';
import { session } from '@/lib/auth/session';
import { useSession } from '@/lib/auth/use-session';

/** On first load the cookie may still hold a session: ask for an access token once. */
function useSessionStart() {
  const state = useSession();
  useEffect(() => {
    if (state.status === 'starting') void session.refresh();
  }, [state.status]);
  return state;
}

export function RequireSession() {
  const state = useSessionStart();
  const location = useLocation();
  if (state.status === 'starting') return <Splash />;
  if (state.status === 'signed-out') return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />;
  return <Outlet />;
}

export function SignInRoute() {
  const state = useSessionStart();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;
  if (state.status === 'starting') return <Splash />;
  if (state.status === 'signed-in') return <Navigate to={from && from !== '/sign-in' ? from : '/chat'} replace />;
  return <SignInPage reason={state.reason} />;
}

function Splash() {
  return (
    <main className="splash">
      <Loading label="Opening your session…" />
    </main>
  );
}
