import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQuery } from '@app/platform';
import type { BranchOrder } from '../conversations.ports';

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

const orders: BranchOrder[] = ['newest', 'oldest'];
// API.md spells the two orders by direction; both spellings are the contract.
const byDirection: Record<string, BranchOrder> = { desc: 'newest', asc: 'oldest' };

export class ListMessagesQuery extends PageQuery {
  @ApiPropertyOptional({
    enum: [...orders, ...Object.keys(byDirection)],
    default: 'newest',
    description: 'Start from the newest message of the branch shown (a chat opening at its end) or from its first; `desc` and `asc` say the same',
  })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' && Object.hasOwn(byDirection, value) ? byDirection[value] : value))
  @IsIn(orders)
  order: BranchOrder = 'newest';
}
