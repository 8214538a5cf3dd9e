import { accessScopeOf, scopeAdmits, scopeKey } from './access-scope';

describe('access scope', () => {
  it('gives the same key for the same filters in any order and case', () => {
    const a = accessScopeOf({ departmentIds: ['D', 'P'] }, { fileIds: ['b', 'a', 'a'] });
    const b = accessScopeOf({ departmentIds: ['p', 'd'] }, { fileIds: ['A', 'B'] });
    expect(scopeKey(a)).toBe(scopeKey(b));
  });

  it('keeps no filter apart from a filter', () => {
    expect(scopeKey(accessScopeOf({ departmentIds: ['d'] }))).not.toBe(scopeKey(accessScopeOf({ departmentIds: ['d'] }, { departmentIds: ['d'] })));
  });

  it('gives another key once the reader’s department has moved under another parent', () => {
    expect(scopeKey(accessScopeOf({ departmentIds: ['d', 'old-parent'] }))).not.toBe(scopeKey(accessScopeOf({ departmentIds: ['d', 'new-parent'] })));
  });
});

describe('scopeAdmits', () => {
  const reader = accessScopeOf({ departmentIds: ['D1', 'parent'] });
  const chunk = (departmentId: string, visibility: string, fileId = 'f1') => ({ fileId, departmentId, visibility });

  it('admits organisation-wide chunks of any department and department chunks of the reader’s own and those above it', () => {
    expect(scopeAdmits(reader, chunk('d2', 'organization'))).toBe(true);
    expect(scopeAdmits(reader, chunk('d1', 'department'))).toBe(true);
    expect(scopeAdmits(reader, chunk('parent', 'department'))).toBe(true);
    expect(scopeAdmits(reader, chunk('d2', 'department'))).toBe(false);
  });

  it('narrows by the filters and never widens past the rule', () => {
    const byFile = accessScopeOf({ departmentIds: ['d1'] }, { fileIds: ['F2'] });
    expect(scopeAdmits(byFile, chunk('d1', 'department', 'f1'))).toBe(false);
    expect(scopeAdmits(byFile, chunk('d1', 'department', 'f2'))).toBe(true);
    expect(scopeAdmits(byFile, chunk('d2', 'department', 'f2'))).toBe(false);
    const byDepartment = accessScopeOf({ departmentIds: ['d1'] }, { departmentIds: ['d2'] });
    expect(scopeAdmits(byDepartment, chunk('d2', 'organization'))).toBe(true);
    expect(scopeAdmits(byDepartment, chunk('d1', 'department'))).toBe(false);
  });
});
