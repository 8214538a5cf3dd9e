import { Department } from './department';
import { assignmentFor, groupsOf, resolve } from './sso-assignment';

const now = new Date();
const departments = [
  Department.create('00000000-0000-4000-8000-000000000001', 'Engineering', null, now),
  Department.create('00000000-0000-4000-8000-000000000002', 'Platform', '00000000-0000-4000-8000-000000000001', now),
  Department.create('00000000-0000-4000-8000-000000000003', 'People', null, now),
];
const [engineering, platform, people] = departments.map((d) => d.id);

describe('single sign-on assignment', () => {
  const rules = [
    { group: 'platform-team', department: 'Engineering/Platform' },
    { group: 'engineering', department: 'engineering' },
    { group: 'hr', department: people.toUpperCase() },
    { group: 'kb-admins', role: 'admin' as const },
    { group: 'eng-leads', role: 'department_admin' as const },
  ];

  it('takes the department of the first matching rule, in the mapping’s order', () => {
    expect(assignmentFor(['engineering', 'platform-team'], rules, departments)).toEqual({ departmentId: platform, role: 'member' });
    expect(assignmentFor(['engineering'], rules, departments)).toEqual({ departmentId: engineering, role: 'member' });
    expect(assignmentFor(['hr'], rules, departments)).toEqual({ departmentId: people, role: 'member' });
  });

  it('grants the strongest role of any matching rule', () => {
    expect(assignmentFor(['eng-leads', 'engineering'], rules, departments)).toEqual({ departmentId: engineering, role: 'department_admin' });
    expect(assignmentFor(['eng-leads', 'kb-admins', 'engineering'], rules, departments)?.role).toBe('admin');
  });

  it('gives no default to someone whose groups name no department', () => {
    expect(assignmentFor(['kb-admins'], rules, departments)).toBeNull();
    expect(assignmentFor([], rules, departments)).toBeNull();
    expect(assignmentFor(['contractors'], [{ group: 'contractors', department: 'Engineering/Nowhere' }], departments)).toBeNull();
  });

  it('resolves a department by id or by path, and nothing else', () => {
    expect(resolve(' Engineering / platform ', departments)).toBe(platform);
    expect(resolve('Platform', departments)).toBeNull();
    expect(resolve('00000000-0000-4000-8000-0000000000ff', departments)).toBeNull();
  });

  it('reads the groups claim as a list, a single value, or a dotted path', () => {
    expect(groupsOf({ groups: ['a', 7, 'b'] }, 'groups')).toEqual(['a', 'b']);
    expect(groupsOf({ groups: 'a' }, 'groups')).toEqual(['a']);
    expect(groupsOf({ realm_access: { roles: ['r'] } }, 'realm_access.roles')).toEqual(['r']);
    expect(groupsOf({}, 'groups')).toEqual([]);
  });
});
