import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { PageQuery } from '@app/platform';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const dayMessage = { message: 'must be a day written YYYY-MM-DD' };

export class ListFeedbackQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['up', 'down'], description: 'Only answers rated this way; both when absent' })
  @IsOptional()
  @IsIn(['up', 'down'])
  rating?: 'up' | 'down';

  @ApiPropertyOptional({ type: String, format: 'date', description: 'First day (UTC) the answer was rated on; open when absent' })
  @IsOptional()
  @IsString()
  @Matches(DAY, dayMessage)
  from?: string;

  @ApiPropertyOptional({ type: String, format: 'date', description: 'Last day (UTC), included; open when absent' })
  @IsOptional()
  @IsString()
  @Matches(DAY, dayMessage)
  to?: string;
}

export class UsageQuery {
  @ApiPropertyOptional({ type: String, format: 'date', description: 'First day (UTC); 29 days before `to` when absent. At most 366 days before `to`' })
  @IsOptional()
  @IsString()
  @Matches(DAY, dayMessage)
  from?: string;

  @ApiPropertyOptional({ type: String, format: 'date', description: 'Last day (UTC), included; today when absent' })
  @IsOptional()
  @IsString()
  @Matches(DAY, dayMessage)
  to?: string;
}
