import { ApiProperty } from '@nestjs/swagger';
import { CitationView } from '@app/conversations';

const endings = ['complete', 'stopped', 'interrupted', 'failed'] as const;

export class DepartmentRefView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;
}

export class RatedAnswerView {
  @ApiProperty({ format: 'uuid' })
  assistantMessageId!: string;

  @ApiProperty({ enum: ['up', 'down'] })
  rating!: 'up' | 'down';

  @ApiProperty({ type: String, nullable: true, description: 'Untrusted text from the asker: render as text' })
  comment!: string | null;

  @ApiProperty({ type: String, format: 'date-time', description: 'When the feedback was last given' })
  ratedAt!: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  answeredAt!: Date;

  @ApiProperty({ description: 'The question the answer answered; untrusted text' })
  question!: string;

  @ApiProperty({ description: 'Plain text with [n] citation markers; untrusted' })
  answer!: string;

  @ApiProperty({ type: [CitationView] })
  citations!: CitationView[];

  @ApiProperty({ enum: endings, nullable: true, description: 'How the answer ended; null while it still streams' })
  ending!: (typeof endings)[number] | null;

  @ApiProperty({ type: DepartmentRefView, description: "The asker's department (now)" })
  department!: DepartmentRefView;
}

export class AnswerCountsView {
  @ApiProperty()
  complete!: number;

  @ApiProperty({ description: 'Stopped at the asker’s request' })
  stopped!: number;

  @ApiProperty({ description: 'Cut short: the client left, or the server restarted' })
  interrupted!: number;

  @ApiProperty()
  failed!: number;
}

export class UsageFiguresView {
  @ApiProperty({ description: 'Conversations started' })
  conversations!: number;

  @ApiProperty({ type: AnswerCountsView, description: 'Answers by how they ended' })
  answers!: AnswerCountsView;

  @ApiProperty({ description: 'Input tokens the model reported' })
  inputTokens!: number;

  @ApiProperty({ description: 'Output tokens the model reported' })
  outputTokens!: number;

  @ApiProperty({ description: 'Answers with no token counts from the model (cut short before it reported them, or a provider that reports none)' })
  answersWithoutUsage!: number;
}

export class UsageRowView extends UsageFiguresView {
  @ApiProperty({ type: String, format: 'date', description: 'UTC day' })
  day!: string;

  @ApiProperty({ type: DepartmentRefView, description: "The askers' department" })
  department!: DepartmentRefView;
}

export class UsageView {
  @ApiProperty({ type: String, format: 'date', description: 'First day covered (UTC)' })
  from!: string;

  @ApiProperty({ type: String, format: 'date', description: 'Last day covered, included' })
  to!: string;

  @ApiProperty({ type: [UsageRowView], description: 'One row per day and department that had any activity; by day, then department name' })
  rows!: UsageRowView[];

  @ApiProperty({ type: UsageFiguresView, description: 'The sum of the rows' })
  totals!: UsageFiguresView;
}
