import { accessScopeOf, scopeAdmits, scopeKey } from './access-scope';

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

describe('scopeAdmits', () => {
  const reader = accessScopeOf({ departmentId: 'D1' });
  const chunk = (departmentId: string, visibility: string, fileId = 'f1') => ({ fileId, departmentId, visibility });

  it('admits organisation-wide chunks of any department and department chunks of the reader’s own', () => {
    expect(scopeAdmits(reader, chunk('d2', 'organization'))).toBe(true);
    expect(scopeAdmits(reader, chunk('d1', 'department'))).toBe(true);
    expect(scopeAdmits(reader, chunk('d2', 'department'))).toBe(false);
  });

  it('narrows by the filters and never widens past the rule', () => {
    const byFile = accessScopeOf({ departmentId: 'd1' }, { fileIds: ['F2'] });
    expect(scopeAdmits(byFile, chunk('d1', 'department', 'f1'))).toBe(false);
    expect(scopeAdmits(byFile, chunk('d1', 'department', 'f2'))).toBe(true);
    expect(scopeAdmits(byFile, chunk('d2', 'department', 'f2'))).toBe(false);
    const byDepartment = accessScopeOf({ departmentId: 'd1' }, { departmentIds: ['d2'] });
    expect(scopeAdmits(byDepartment, chunk('d2', 'organization'))).toBe(true);
    expect(scopeAdmits(byDepartment, chunk('d1', 'department'))).toBe(false);
  });
});
