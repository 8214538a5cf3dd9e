import { Module } from '@nestjs/common';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { BullBoardModule } from '@bull-board/nestjs';
import { INGEST_QUEUE, IngestQueueModule } from '@app/ingest';
import { OrgModule } from '@app/org';
import { OpenQueueDashboardHandler } from './commands/open-queue-dashboard/open-queue-dashboard.handler';
import { DASHBOARD_ROUTE, DashboardGate } from './http/dashboard-gate.middleware';
import { QueueDashboardController } from './http/queue-dashboard.controller';
import { RedisDashboardAccess } from './persistence/redis-dashboard-access';
import { DashboardAccess } from './queue-dashboard.ports';

/** What the dashboard's gate needs, in a module of its own so Bull Board's root module can import it. */
@Module({
  imports: [OrgModule],
  providers: [{ provide: DashboardAccess, useClass: RedisDashboardAccess }, DashboardGate],
  exports: [DashboardAccess, DashboardGate],
})
class DashboardAccessModule {}

/**
 * Bull Board at /api/v1/admin/queues over the ingestion queue, for admins in a browser tab
 * (see DashboardGate). Read-only: files are re-run or removed through the files API, which
 * keeps the registry and the queue in step; a job removed or retried here would not.
 */
@Module({
  imports: [
    DashboardAccessModule,
    IngestQueueModule,
    BullBoardModule.forRootAsync({
      imports: [DashboardAccessModule],
      inject: [DashboardGate],
      useFactory: (gate: DashboardGate) => ({
        route: `/${DASHBOARD_ROUTE}`,
        adapter: ExpressAdapter,
        middleware: (req: Parameters<DashboardGate['use']>[0], res: Parameters<DashboardGate['use']>[1], next: () => void) => gate.use(req, res, next),
        boardOptions: { uiConfig: { boardTitle: 'Ingestion' } },
      }),
    }),
    BullBoardModule.forFeature({ name: INGEST_QUEUE, adapter: BullMQAdapter, options: { readOnlyMode: true } }),
  ],
  controllers: [QueueDashboardController],
  providers: [OpenQueueDashboardHandler],
})
export class QueueDashboardModule {}
