import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheckService, type HealthCheckResult } from '@nestjs/terminus';
import { SkipThrottle } from '@nestjs/throttler';
import { Public } from '../auth/auth.decorators';
import { ServicesNotReady } from '../http/platform-errors';
import { ApiErrors } from '../openapi/api-errors.decorator';
import { DEPENDENCIES, DependencyChecks } from './dependency-checks';
import { LiveView, ReadyView } from './health.views';
import { ProcessDraining } from './process-draining';

const shuttingDown = { field: 'process', problem: 'shutting down' };

@ApiTags('health')
@Public()
@SkipThrottle()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly dependencies: DependencyChecks,
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
    if (this.draining.active) throw new ServicesNotReady([shuttingDown]);
    let result: HealthCheckResult;
    try {
      result = await this.health.check(this.dependencies.all);
    } catch (error) {
      // terminus answers a failed check with a 503 exception carrying the result; the contract's error shape says it instead.
      if (!(error instanceof ServiceUnavailableException)) throw error;
      const failed = error.getResponse() as HealthCheckResult;
      if (failed.status === 'shutting_down') throw new ServicesNotReady([shuttingDown]);
      throw new ServicesNotReady(Object.entries(failed.error ?? {}).map(([field, outcome]) => ({ field, problem: String(outcome?.message ?? 'down') })));
    }
    return { status: 'ok', checks: Object.fromEntries(DEPENDENCIES.map((name) => [name, result.details[name]?.status === 'up' ? ('up' as const) : ('down' as const)])) };
  }
}
