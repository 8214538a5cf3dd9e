import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { VectorBuildStatus } from '@app/retrieval';

class ReembedErrorView {
  @ApiProperty({ example: 'reembed_failed' })
  code!: string;

  @ApiProperty()
  message!: string;
}

/** A re-embed as GET /files/reembed shows it. */
export class ReembedView {
  @ApiProperty({ enum: ['running', 'completed', 'failed'], description: 'Searches use the new vectors from `completed` on; until then (and after `failed`) the old ones' })
  status!: VectorBuildStatus['status'];

  @ApiProperty({ description: 'The embedding model being built', example: 'local-hashed-v1-d1024' })
  model!: string;

  @ApiProperty({ description: 'Chunks of the live corpus' })
  total!: number;

  @ApiProperty({ description: 'Of those, how many the new vectors already cover' })
  done!: number;

  @ApiProperty({ format: 'date-time' })
  startedAt!: string;

  @ApiPropertyOptional({ format: 'date-time' })
  finishedAt?: string;

  @ApiPropertyOptional({ type: ReembedErrorView })
  error?: ReembedErrorView;
}

export function toReembedView(status: VectorBuildStatus): ReembedView {
  return {
    status: status.status,
    model: status.model,
    total: status.total,
    done: status.done,
    startedAt: status.startedAt.toISOString(),
    ...(status.finishedAt ? { finishedAt: status.finishedAt.toISOString() } : {}),
    ...(status.error ? { error: status.error } : {}),
  };
}
