import type { Cursor } from '@app/kernel';
import type { Actor } from '@app/platform';
import type { Department } from './domain/department';
import type { RefreshToken } from './domain/refresh-token';
import type { User } from './domain/user';

export abstract class DepartmentRepository {
  abstract findById(id: string): Promise<Department | null>;
  abstract findByName(name: string, parentId: string | null): Promise<Department | null>;
  abstract list(): Promise<Department[]>;
  abstract add(department: Department): Promise<void>;
}

export abstract class UserRepository {
  abstract findById(id: string): Promise<User | null>;
  abstract findByEmail(email: string): Promise<User | null>;
  /** Oldest first, after the cursor. */
  abstract list(limit: number, after: Cursor | null): Promise<User[]>;
  abstract add(user: User): Promise<void>;
  abstract save(user: User): Promise<void>;
}

/** Who a verified access token acts as right now: null once the account is disabled or gone. */
export abstract class ActiveAccounts {
  abstract actorFor(userId: string): Promise<Actor | null>;
  /** Called after an account changes, so that no API process goes on acting on what it was. */
  abstract changed(userId: string): Promise<void>;
}

export abstract class RefreshTokenRepository {
  abstract findById(id: string): Promise<RefreshToken | null>;
  abstract add(token: RefreshToken): Promise<void>;
  /** Marks the token rotated unless it already was; false means another request got there first. */
  abstract claimForRotation(id: string, now: Date): Promise<boolean>;
  abstract revokeFamily(familyId: string, now: Date): Promise<void>;
  abstract revokeAllOfUser(userId: string, now: Date): Promise<void>;
}

export abstract class PasswordHasher {
  abstract hash(password: string): Promise<string>;
  abstract verify(hash: string, password: string): Promise<boolean>;
}

export interface AccessTokenClaims {
  sub: string;
  role: string;
  dept: string;
}

export abstract class AccessTokenSigner {
  abstract sign(claims: AccessTokenClaims): Promise<{ token: string; expiresIn: number }>;
}
