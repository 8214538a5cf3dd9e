import { randomBytes, randomUUID } from 'node:crypto';
import { estimatedBits, weakSecretProblem } from './secret-strength';

describe('weakSecretProblem', () => {
  it.each([
    ['the placeholder .env.example shipped', 'change-me-to-a-long-random-string-of-48-chars', /placeholder/],
    ['a phrase about being a secret', 'our-production-jwt-secret-for-2024-deployments', /"secret"/],
    ['a placeholder in capitals and underscores', 'REPLACE_ME_WITH_SOMETHING_LONG_AND_RANDOM_0123', /"replaceme"/],
    ['one character repeated', 'x'.repeat(48), /repetitive/],
    ['two characters repeated', 'ab'.repeat(24), /repetitive/],
    ['four characters repeated to the minimum length', 'wxyz'.repeat(8), /repetitive/],
  ])('refuses %s', (_case, secret, problem) => {
    expect(weakSecretProblem(secret)).toMatch(problem);
  });

  it.each([
    ['48 random bytes in base64url (what npm run dev generates)', () => randomBytes(48).toString('base64url')],
    ['48 random bytes in base64 (openssl rand -base64 48)', () => randomBytes(48).toString('base64')],
    ['32 random bytes in hex (openssl rand -hex 32)', () => randomBytes(32).toString('hex')],
    ['16 random bytes in hex, the shortest random value the length allows', () => randomBytes(16).toString('hex')],
    ['a UUID', () => randomUUID()],
  ])('accepts %s, every time', (_case, make) => {
    for (let i = 0; i < 500; i++) {
      const secret = make();
      expect([secret, weakSecretProblem(secret)]).toEqual([secret, null]);
    }
  });

  it('estimates bits from character frequencies', () => {
    expect(estimatedBits('aaaa')).toBe(0);
    expect(estimatedBits('abab')).toBe(4);
    expect(estimatedBits('🙂🙃')).toBe(2);
  });
});
