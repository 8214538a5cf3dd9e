import { Module } from '@nestjs/common';
import { ConversationsModule } from '@app/conversations';
import { OrgModule } from '@app/org';
import { HttpPlatformModule } from '@app/platform';

@Module({
  imports: [HttpPlatformModule, OrgModule, ConversationsModule],
})
export class ApiModule {}
