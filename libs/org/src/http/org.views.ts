import { ApiProperty } from '@nestjs/swagger';
import type { UserRole } from '../domain/user';

const roles: UserRole[] = ['admin', 'department_admin', 'member'];

export class DepartmentView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null for a top-level department' })
  parentId!: string | null;
}

export class UserDepartmentView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;
}

/** A user as `/me`, login and the admin's user list show them. */
export class UserProfileView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'email' })
  email!: string;

  @ApiProperty()
  displayName!: string;

  @ApiProperty({ enum: roles })
  role!: UserRole;

  @ApiProperty({ type: UserDepartmentView })
  department!: UserDepartmentView;

  @ApiProperty({ description: 'A disabled user cannot sign in and their tokens are refused' })
  disabled!: boolean;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: Date;
}
