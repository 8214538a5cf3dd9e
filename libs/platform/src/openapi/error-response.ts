import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ErrorDetail {
  @ApiProperty({ example: 'title' })
  field!: string;

  @ApiProperty({ example: 'must be at most 200 characters' })
  problem!: string;
}

/** API.md's one error shape, whatever raised it; declared once and referenced by every route. */
export class ErrorResponse {
  @ApiProperty({ example: 404 })
  statusCode!: number;

  @ApiProperty({ example: 'Not Found', description: 'The status text' })
  error!: string;

  @ApiProperty({ example: 'conversation_not_found', description: 'Stable snake_case code to switch on' })
  code!: string;

  @ApiProperty({ description: 'For people; may change between versions' })
  message!: string;

  @ApiProperty({ description: 'The same id as the x-request-id header and the log lines of the request' })
  requestId!: string;

  @ApiPropertyOptional({ type: [ErrorDetail], description: 'Validation errors: one entry per problem' })
  details?: ErrorDetail[];
}
