import { Module } from '@nestjs/common';
import { OrgModule } from '@app/org';
import { HttpPlatformModule } from '@app/platform';

@Module({
  imports: [HttpPlatformModule, OrgModule],
})
export class ApiModule {}
