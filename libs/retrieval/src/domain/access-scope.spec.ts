import { accessScopeOf, scopeKey } from './access-scope';

describe('access scope', () => {
  it('gives the same key for the same filters in any order and case', () => {
    const a = accessScopeOf({ departmentId: 'D' }, { fileIds: ['b', 'a', 'a'] });
    const b = accessScopeOf({ departmentId: 'd' }, { fileIds: ['A', 'B'] });
    expect(scopeKey(a)).toBe(scopeKey(b));
  });

  it('keeps no filter apart from a filter', () => {
    expect(scopeKey(accessScopeOf({ departmentId: 'd' }))).not.toBe(scopeKey(accessScopeOf({ departmentId: 'd' }, { departmentIds: ['d'] })));
  });
});
