export type Role = 'admin' | 'department_admin' | 'member';

/** Who is calling: carried explicitly by every command and query. */
export interface Actor {
  userId: string;
  role: Role;
  departmentId: string;
}
