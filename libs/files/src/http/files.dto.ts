import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQuery } from '@app/platform';
import type { FileStatus } from '../domain/stored-file';

const statuses: FileStatus[] = ['queued', 'processing', 'ready', 'failed'];

export class ListFilesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: statuses })
  @IsOptional()
  @IsIn(statuses)
  status?: FileStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;
}
