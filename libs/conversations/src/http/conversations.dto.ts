import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

// Length is checked after trimming by the entity; the DTO only stops absurd bodies early.
export class CreateConversationRequest {
  @ApiPropertyOptional({ description: '1–200 characters after trimming; titled from the first message when absent' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  title?: string;
}

export class RenameConversationRequest {
  @ApiProperty({ description: '1–200 characters after trimming' })
  @IsString()
  @MaxLength(1000)
  title!: string;
}
