import { NavLink, Outlet } from 'react-router';
import { signOut } from '@/features/auth/api/sign-in';
import { isAdmin, useCurrentUser } from '@/lib/auth/use-session';

/** The signed-in frame: the app's name, navigation, the person, and the screen below. */
export function AppShell() {
  const user = useCurrentUser();
  const admin = isAdmin(user);
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <NavLink to="/chat" className="brand" aria-label="Knowledge assistant, home">
          <span className="brand-mark" aria-hidden="true">
            ◆
          </span>
          <span className="hide-narrow">Knowledge assistant</span>
        </NavLink>
        <nav aria-label="Main" className="main-nav">
          <NavLink to="/chat">Chat</NavLink>
          <NavLink to="/files">Files</NavLink>
          {admin && <NavLink to="/organisation">Organisation</NavLink>}
          {admin && <NavLink to="/audit">Audit</NavLink>}
          {user.role === 'admin' && (
            <>
              <NavLink to="/feedback">Feedback</NavLink>
              <NavLink to="/usage">Usage</NavLink>
            </>
          )}
        </nav>
        <div className="topbar-end">
          <details className="menu">
            <summary aria-label={`Account: ${user.displayName}`}>
              <span className="avatar" aria-hidden="true">
                {initials(user.displayName)}
              </span>
              <span className="hide-narrow truncate">{user.displayName}</span>
            </summary>
            <div className="menu-panel">
              <p className="menu-who">
                <strong>{user.displayName}</strong>
                <span className="muted small">{user.email}</span>
                <span className="muted small">
                  {user.department.name} · {roleName(user.role)}
                </span>
              </p>
              <a href="/api/v1/docs" target="_blank" rel="noopener noreferrer">
                API documentation
              </a>
              {user.role === 'admin' && (
                <a href="/api/v1/admin/queues" target="_blank" rel="noopener noreferrer">
                  Queue dashboard
                </a>
              )}
              <button type="button" className="button wide" onClick={() => void signOut()}>
                Sign out
              </button>
            </div>
          </details>
        </div>
      </header>
      <main id="main" className="content" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter((w) => /^\p{L}/u.test(w))
    .slice(0, 2)
    .map((w) => w[0].toUpperCase())
    .join('') || '?';

const roleName = (role: string) => ({ admin: 'Administrator', department_admin: 'Department administrator', member: 'Member' })[role] ?? role;
