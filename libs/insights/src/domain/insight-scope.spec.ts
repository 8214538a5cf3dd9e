import { insightScopeOf } from './insight-scope';

describe('insightScopeOf', () => {
  it('gives administrators the whole organisation', () => {
    expect(insightScopeOf({ role: 'admin', departmentId: 'd1' })).toEqual({ kind: 'organization' });
  });

  it('gives members and unknown roles nothing', () => {
    expect(insightScopeOf({ role: 'member', departmentId: 'd1' })).toBeNull();
    expect(insightScopeOf({ role: 'auditor', departmentId: 'd1' })).toBeNull();
  });
});
