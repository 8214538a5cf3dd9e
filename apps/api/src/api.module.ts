import { type DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { ChatModule } from '@app/chat';
import { ConversationsModule } from '@app/conversations';
import { FilesModule } from '@app/files';
import { queueConnectionFor } from '@app/ingest';
import { InsightsModule } from '@app/insights';
import { LlmModule } from '@app/llm';
import { OrgModule } from '@app/org';
import { AppConfigModule, HttpPlatformModule } from '@app/platform';
import { QueueDashboardModule } from '@app/queue-dashboard';

@Module({
  imports: [HttpPlatformModule, queueConnectionFor('producer'), LlmModule, OrgModule, ConversationsModule, ChatModule, FilesModule, AuditModule, InsightsModule, QueueDashboardModule],
})
export class ApiModule {
  /** The API with its configuration, read from the environment now. */
  static forRoot(): DynamicModule {
    return { module: ApiModule, imports: [AppConfigModule.forRoot()] };
  }
}
