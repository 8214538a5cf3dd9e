import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsObject, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';

const MESSAGE_MAX_LENGTH = 8000;

export class ChatFilters {
  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Only these files (never widens what the caller may read)' })
  @IsOptional()
  @IsUUID('all', { each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  fileIds?: string[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Only files of these departments (never widens what the caller may read)' })
  @IsOptional()
  @IsUUID('all', { each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  departmentIds?: string[];
}

export class ChatRequest {
  @ApiPropertyOptional({ format: 'uuid', description: 'Omit to start a new conversation titled from the message' })
  @IsOptional()
  @IsUUID()
  conversationId?: string;

  @ApiProperty({ minLength: 1, maxLength: MESSAGE_MAX_LENGTH })
  @IsString()
  @MinLength(1)
  @MaxLength(MESSAGE_MAX_LENGTH)
  @Matches(/\S/, { message: 'must not be blank' })
  message!: string;

  @ApiPropertyOptional({ type: ChatFilters })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ChatFilters)
  filters?: ChatFilters;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'Attachments of this conversation (POST /conversations/{id}/attachments) the question is about: recorded on the message; the answer waits a bounded time for any still being ingested',
  })
  @IsOptional()
  @IsArray()
  @IsUUID('all', { each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  attachmentIds?: string[];
}

export class RegenerateRequest {
  @ApiPropertyOptional({ type: ChatFilters })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ChatFilters)
  filters?: ChatFilters;
}

export class EditRequest extends RegenerateRequest {
  @ApiProperty({ minLength: 1, maxLength: MESSAGE_MAX_LENGTH, description: 'The question as edited' })
  @IsString()
  @MinLength(1)
  @MaxLength(MESSAGE_MAX_LENGTH)
  @Matches(/\S/, { message: 'must not be blank' })
  message!: string;
}

const ratings = ['up', 'down'] as const;

export class FeedbackRequest {
  @ApiProperty({ enum: ratings })
  @IsIn(ratings)
  rating!: (typeof ratings)[number];

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}
