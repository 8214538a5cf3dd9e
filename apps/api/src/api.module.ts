import { Module } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { ChatModule } from '@app/chat';
import { ConversationsModule } from '@app/conversations';
import { FilesModule } from '@app/files';
import { LlmModule } from '@app/llm';
import { OrgModule } from '@app/org';
import { HttpPlatformModule } from '@app/platform';

@Module({
  imports: [HttpPlatformModule, LlmModule, OrgModule, ConversationsModule, ChatModule, FilesModule, AuditModule],
})
export class ApiModule {}
