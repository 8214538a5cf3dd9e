import { Link, useRouteError } from 'react-router';

/** Whatever broke while rendering, the person sees words and a way on, never a blank page. */
export function RouteError() {
  const error = useRouteError();
  const chunkFailed = error instanceof TypeError && /dynamically imported module|Importing a module script failed/i.test(error.message);
  return (
    <main className="page-message">
      <h1>{chunkFailed ? 'The app was updated' : 'Something went wrong'}</h1>
      <p className="muted">{chunkFailed ? 'Reload the page to get the new version.' : 'This screen could not be shown. Reloading usually helps.'}</p>
      <button type="button" className="button primary" onClick={() => window.location.reload()}>
        Reload
      </button>
    </main>
  );
}

export function NotFound() {
  return (
    <div className="page-message">
      <h1>Page not found</h1>
      <p className="muted">There is nothing at this address.</p>
      <Link to="/chat" className="button primary">
        Go to the chat
      </Link>
    </div>
  );
}
