import { Unauthenticated } from '@app/platform';
import { AccountDisabled, SessionEnded } from '../domain/org-errors';
import { User } from '../domain/user';
import { inMemoryOrg } from '../testing';
import { admitAccessToken, standingOf } from './account-standing';

const at = (seconds: number) => new Date(seconds * 1000);

describe('admitting an access token', () => {
  const user = () => User.register({ id: 'u1', email: 'ada@example.org', passwordHash: 'h', displayName: 'Ada', role: 'member', departmentId: 'd1', now: at(1_000) });

  it('admits a token of an active account as its actor', () => {
    expect(admitAccessToken(standingOf(user(), []), { iat: 1_000, sid: 's1' })).toEqual({ userId: 'u1', role: 'member', departmentId: 'd1' });
  });

  it('tells a disabled account apart from an ended session and from a missing account', () => {
    const disabled = user();
    disabled.disable(at(2_000));
    expect(() => admitAccessToken(standingOf(disabled, []), { iat: 3_000 })).toThrow(AccountDisabled);
    expect(() => admitAccessToken(null, { iat: 3_000 })).toThrow(Unauthenticated);
    expect(() => admitAccessToken(standingOf(user(), ['s1']), { iat: 3_000, sid: 's1' })).toThrow(SessionEnded);
  });

  it('refuses a token without a numeric iat', () => {
    expect(() => admitAccessToken(standingOf(user(), []), { iat: undefined as unknown as number })).toThrow(SessionEnded);
  });

  it('keeps refusing tokens issued before a disable once the account is enabled again', () => {
    const account = user();
    account.disable(at(2_000.4));
    account.enable(at(2_100));
    expect(() => admitAccessToken(standingOf(account, []), { iat: 2_000 })).toThrow(SessionEnded);
    expect(admitAccessToken(standingOf(account, []), { iat: 2_001 })).toMatchObject({ userId: 'u1' });
  });

  it('refuses a token issued earlier in the same second as a sign-out, and admits one issued later in it', async () => {
    const { sessions, signer } = inMemoryOrg();
    const account = user();
    await sessions.issue(account, at(5_000.3));
    account.endSessions(at(5_000.5));
    await sessions.issue(account, at(5_000.7));
    const [before, after] = signer.signed;
    expect(before.iat).toBe(5_000);
    expect(() => admitAccessToken(standingOf(account, []), before)).toThrow(SessionEnded);
    expect(admitAccessToken(standingOf(account, []), after)).toMatchObject({ userId: 'u1' });
    expect(after.iat - 5_000.7).toBeLessThanOrEqual(1);
  });
});
