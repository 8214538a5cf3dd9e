import { Module } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { ChatModule } from '@app/chat';
import { ConversationsModule } from '@app/conversations';
import { FilesModule } from '@app/files';
import { LlmModule } from '@app/llm';
import { OrgModule } from '@app/org';
import { HttpPlatformModule } from '@app/platform';
import { QueueDashboardModule } from '@app/queue-dashboard';

@Module({
  imports: [HttpPlatformModule, LlmModule, OrgModule, ConversationsModule, ChatModule, FilesModule, AuditModule, QueueDashboardModule],
})
export class ApiModule {}
