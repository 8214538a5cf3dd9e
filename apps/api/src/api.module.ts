import { Module } from '@nestjs/common';
import { ConversationsModule } from '@app/conversations';
import { FilesModule } from '@app/files';
import { LlmModule } from '@app/llm';
import { OrgModule } from '@app/org';
import { HttpPlatformModule } from '@app/platform';

@Module({
  imports: [HttpPlatformModule, LlmModule, OrgModule, ConversationsModule, FilesModule],
})
export class ApiModule {}
