import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Loading, Notice } from '@/components/notice';
import { ApiError, describeError } from '@/lib/api/errors';
import { session, type SignedOutReason } from '@/lib/auth/session';
import { signIn } from '../api/sign-in';
import { useSignInOptions } from '../api/sign-in-options';

type Fields = { email: string; password: string };

const REASONS: Record<Exclude<SignedOutReason, null>, { kind: 'info' | 'error'; text: string }> = {
  'signed-out': { kind: 'info', text: 'You have signed out.' },
  expired: { kind: 'info', text: 'Your session has ended. Sign in again to continue.' },
  disabled: { kind: 'error', text: 'Your account has been disabled. Ask an administrator if you think this is a mistake.' },
};

export function SignInPage({ reason }: { reason: SignedOutReason }) {
  const options = useSignInOptions();
  const notice = reason ? REASONS[reason] : null;
  const sso = options.data?.sso ?? null;
  // Without the options (the server did not answer) the password form stays: it says what is wrong when used.
  const passwordLogin = options.data?.passwordLogin ?? true;
  return (
    <main className="sign-in">
      <div className="sign-in-card">
        <div className="brand-mark" aria-hidden="true">
          ◆
        </div>
        <h1>Knowledge assistant</h1>
        <p className="muted">Answers from your organisation’s documents, with sources.</p>
        {notice && <Notice kind={notice.kind}>{notice.text}</Notice>}
        {options.isPending ? (
          <Loading label="Loading sign-in options…" />
        ) : (
          <>
            {sso && (
              // A full-page navigation: the provider's page, then the callback that sets the session cookie.
              <a className="button primary wide sso-button" href={sso.loginUrl} onClick={() => session.expectRedirectSignIn()}>
                Sign in with {sso.name}
              </a>
            )}
            {passwordLogin || !sso ? (
              <PasswordForm autoFocus={!sso} />
            ) : (
              // Password sign-in is off; the break-glass accounts still use it when the provider cannot be reached.
              <details className="break-glass">
                <summary>Emergency sign-in with a password</summary>
                <p className="muted small">Only for the accounts your organisation keeps for when single sign-on is down.</p>
                <PasswordForm autoFocus={false} />
              </details>
            )}
          </>
        )}
      </div>
    </main>
  );
}

function PasswordForm({ autoFocus }: { autoFocus: boolean }) {
  const [failure, setFailure] = useState<string | null>(null);
  const { register, handleSubmit, formState } = useForm<Fields>({ defaultValues: { email: '', password: '' } });
  const onSubmit = handleSubmit(async ({ email, password }) => {
    setFailure(null);
    try {
      await signIn(email.trim(), password);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'invalid_credentials') setFailure('That email and password do not match an account.');
      else if (error instanceof ApiError && error.code === 'account_disabled') setFailure(REASONS.disabled.text);
      else if (error instanceof ApiError && error.code === 'password_login_disabled') setFailure('Password sign-in is turned off for this account. Use single sign-on.');
      else setFailure(describeError(error));
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      {failure && <Notice>{failure}</Notice>}
      <label className="field">
        <span>Email</span>
        <input type="email" autoComplete="username" autoFocus={autoFocus} aria-invalid={formState.errors.email ? true : undefined} {...register('email', { required: 'Enter your email address.' })} />
        {formState.errors.email && <span className="field-error">{formState.errors.email.message}</span>}
      </label>
      <label className="field">
        <span>Password</span>
        <input type="password" autoComplete="current-password" aria-invalid={formState.errors.password ? true : undefined} {...register('password', { required: 'Enter your password.' })} />
        {formState.errors.password && <span className="field-error">{formState.errors.password.message}</span>}
      </label>
      <button type="submit" className="button primary wide" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
