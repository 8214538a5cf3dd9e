import { ApiProperty } from '@nestjs/swagger';

export class LiveView {
  @ApiProperty({ enum: ['ok'] })
  status!: 'ok';
}

export class ReadyView {
  @ApiProperty({ enum: ['ok'] })
  status!: 'ok';

  @ApiProperty({
    description: 'Each dependency and its state',
    type: 'object',
    additionalProperties: { type: 'string', enum: ['up', 'down'] },
    example: { postgres: 'up', redis: 'up', chroma: 'up' },
  })
  checks!: Record<string, 'up' | 'down'>;
}
