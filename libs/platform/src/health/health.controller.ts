import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { Public } from '../auth/auth.decorators';
import { ServicesNotReady } from '../http/platform-errors';
import { ApiErrors } from '../openapi/api-errors.decorator';
import { DependencyProbes } from './dependency-probes';
import { LiveView, ReadyView } from './health.views';
import { ProcessDraining } from './process-draining';

@ApiTags('health')
@Public()
@SkipThrottle()
@Controller('health')
export class HealthController {
  constructor(
    private readonly dependencies: DependencyProbes,
    private readonly draining: ProcessDraining,
  ) {}

  @Get('live')
  @ApiOkResponse({ type: LiveView })
  live(): LiveView {
    return { status: 'ok' };
  }

  /** 200 when PostgreSQL, Redis and Chroma all answer; 503 naming each one that did not, or the process shutting down. */
  @Get('ready')
  @ApiOkResponse({ type: ReadyView })
  @ApiErrors([503, 'not_ready'])
  async ready(): Promise<ReadyView> {
    // From the start of a shutdown, so a load balancer sends new requests elsewhere while this process drains.
    if (this.draining.active) throw new ServicesNotReady([{ field: 'process', problem: 'shutting down' }]);
    const names = Object.keys(this.dependencies.probes) as Array<keyof DependencyProbes['probes']>;
    const outcomes = await Promise.allSettled(names.map((name) => this.dependencies.probes[name]()));
    const failed = outcomes.flatMap((outcome, index) =>
      outcome.status === 'rejected' ? [{ field: names[index], problem: String(outcome.reason?.message ?? outcome.reason) }] : [],
    );
    if (failed.length) throw new ServicesNotReady(failed);
    return { status: 'ok', checks: Object.fromEntries(names.map((name) => [name, 'up' as const])) };
  }
}
