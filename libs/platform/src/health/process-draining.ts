import { BeforeApplicationShutdown, Injectable } from '@nestjs/common';

/**
 * Whether this process has begun to shut down. Shutdown hooks run module by module, and one may
 * wait (running answers get a grace period), so each hook that cares calls `begin()` first and
 * readiness flips at the start of a shutdown, whichever hook runs first.
 */
@Injectable()
export class ProcessDraining implements BeforeApplicationShutdown {
  private draining = false;

  get active(): boolean {
    return this.draining;
  }

  begin(): void {
    this.draining = true;
  }

  beforeApplicationShutdown(): void {
    this.begin();
  }
}
