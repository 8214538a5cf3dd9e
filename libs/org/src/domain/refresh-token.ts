/**
 * One link in a refresh-token family. Each use rotates it: the old link is marked and a new one
 * issued in the same family. A rotated link presented again means the token leaked, so the
 * whole family is revoked.
 */
export class RefreshToken {
  constructor(
    readonly id: string,
    readonly familyId: string,
    readonly userId: string,
    readonly secretHash: string,
    readonly expiresAt: Date,
    readonly createdAt: Date,
    public rotatedAt: Date | null,
    public revokedAt: Date | null,
  ) {}

  isExpired(now: Date): boolean {
    return this.expiresAt.getTime() <= now.getTime();
  }

  wasRotated(): boolean {
    return this.rotatedAt !== null;
  }

  /**
   * Whether presenting it again still counts as the same client racing itself (two tabs
   * refreshing at once) rather than a leaked token: only shortly after it was rotated.
   */
  isWithinReuseGrace(now: Date, graceSeconds: number): boolean {
    return this.rotatedAt !== null && now.getTime() - this.rotatedAt.getTime() <= graceSeconds * 1000;
  }

  isRevoked(): boolean {
    return this.revokedAt !== null;
  }
}
