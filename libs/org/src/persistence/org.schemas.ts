import { EntitySchema } from '@mikro-orm/core';
import { Department } from '../domain/department';
import { RefreshToken } from '../domain/refresh-token';
import { User } from '../domain/user';

export const DepartmentSchema = new EntitySchema<Department>({
  class: Department,
  tableName: 'departments',
  properties: {
    id: { type: 'uuid', primary: true },
    name: { type: 'text' },
    parentId: { type: 'uuid', nullable: true },
    createdAt: { type: 'Date', columnType: 'timestamptz' },
  },
});

export const UserSchema = new EntitySchema<User>({
  class: User,
  tableName: 'users',
  properties: {
    id: { type: 'uuid', primary: true },
    email: { type: 'text' },
    passwordHash: { type: 'text' },
    displayName: { type: 'text' },
    role: { type: 'text' },
    departmentId: { type: 'uuid' },
    disabledAt: { type: 'Date', columnType: 'timestamptz', nullable: true },
    tokensValidFrom: { type: 'Date', columnType: 'timestamptz', nullable: true },
    ssoIssuer: { type: 'text', nullable: true },
    ssoSubject: { type: 'text', nullable: true },
    createdAt: { type: 'Date', columnType: 'timestamptz' },
    updatedAt: { type: 'Date', columnType: 'timestamptz' },
  },
});

export const RefreshTokenSchema = new EntitySchema<RefreshToken>({
  class: RefreshToken,
  tableName: 'refresh_tokens',
  properties: {
    id: { type: 'uuid', primary: true },
    familyId: { type: 'uuid' },
    userId: { type: 'uuid' },
    secretHash: { type: 'text' },
    expiresAt: { type: 'Date', columnType: 'timestamptz' },
    createdAt: { type: 'Date', columnType: 'timestamptz' },
    rotatedAt: { type: 'Date', columnType: 'timestamptz', nullable: true },
    revokedAt: { type: 'Date', columnType: 'timestamptz', nullable: true },
  },
});
