import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Notice } from '@/components/notice';
import { ApiError, describeError } from '@/lib/api/errors';
import type { SignedOutReason } from '@/lib/auth/session';
import { signIn } from '../api/sign-in';

type Fields = { email: string; password: string };

const REASONS: Record<Exclude<SignedOutReason, null>, { kind: 'info' | 'error'; text: string }> = {
  'signed-out': { kind: 'info', text: 'You have signed out.' },
  expired: { kind: 'info', text: 'Your session has ended. Sign in again to continue.' },
  disabled: { kind: 'error', text: 'Your account has been disabled. Ask an administrator if you think this is a mistake.' },
};

export function SignInPage({ reason }: { reason: SignedOutReason }) {
  const [failure, setFailure] = useState<string | null>(null);
  const { register, handleSubmit, formState } = useForm<Fields>({ defaultValues: { email: '', password: '' } });
  const onSubmit = handleSubmit(async ({ email, password }) => {
    setFailure(null);
    try {
      await signIn(email.trim(), password);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'invalid_credentials') setFailure('That email and password do not match an account.');
      else if (error instanceof ApiError && error.code === 'account_disabled') setFailure(REASONS.disabled.text);
      else setFailure(describeError(error));
    }
  });
  const notice = reason ? REASONS[reason] : null;
  return (
    <main className="sign-in">
      <div className="sign-in-card">
        <div className="brand-mark" aria-hidden="true">
          ◆
        </div>
        <h1>Knowledge assistant</h1>
        <p className="muted">Answers from your organisation’s documents, with sources.</p>
        {notice && !failure && <Notice kind={notice.kind}>{notice.text}</Notice>}
        {failure && <Notice>{failure}</Notice>}
        <form onSubmit={onSubmit} noValidate>
          <label className="field">
            <span>Email</span>
            <input type="email" autoComplete="username" autoFocus aria-invalid={formState.errors.email ? true : undefined} {...register('email', { required: 'Enter your email address.' })} />
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
      </div>
    </main>
  );
}
