import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CitationView } from '@app/conversations';
import type { AgentStep, FinishReason } from '../agent/answer-graph.deps';

const steps: AgentStep[] = ['reading_attachments', 'routing', 'planning', 'retrieving', 'evaluating', 'refining', 'web_search', 'generating'];
const finishReasons: FinishReason[] = ['stop', 'length', 'stopped'];

// The `data` of each event of the POST /chat stream, in the order API.md gives them.

export class ChatMetaEvent {
  @ApiProperty({ format: 'uuid' })
  conversationId!: string;

  @ApiProperty({ format: 'uuid' })
  userMessageId!: string;

  @ApiProperty({ format: 'uuid', description: 'Stop, feedback and the stored answer use this id' })
  assistantMessageId!: string;
}

export class ChatStatusEvent {
  @ApiProperty({ enum: steps })
  step!: AgentStep;

  @ApiPropertyOptional()
  detail?: string;
}

export class ChatTokenEvent {
  @ApiProperty({ description: 'The next piece of the answer: plain text' })
  text!: string;
}

export class ChatCitationsEvent {
  @ApiProperty({ type: [CitationView] })
  citations!: CitationView[];
}

export class AnswerUsageView {
  @ApiProperty()
  inputTokens!: number;

  @ApiProperty()
  outputTokens!: number;

  @ApiProperty()
  totalTokens!: number;
}

export class ChatDoneEvent {
  @ApiProperty({ format: 'uuid' })
  assistantMessageId!: string;

  @ApiProperty({ enum: finishReasons, description: '`stopped` after POST /chat/:id/stop' })
  finishReason!: FinishReason;

  @ApiPropertyOptional({ type: AnswerUsageView })
  usage?: AnswerUsageView;
}

export class ChatErrorEvent {
  @ApiProperty({ example: 'answer_generation_failed' })
  code!: string;

  @ApiProperty()
  message!: string;

  @ApiProperty()
  requestId!: string;
}

export class StopView {
  @ApiProperty({ format: 'uuid' })
  assistantMessageId!: string;

  @ApiProperty({ enum: [true] })
  stopping!: true;
}

export class FeedbackView {
  @ApiProperty({ format: 'uuid' })
  assistantMessageId!: string;

  @ApiProperty({ enum: ['up', 'down'] })
  rating!: 'up' | 'down';

  @ApiProperty({ type: String, nullable: true })
  comment!: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt!: Date;
}
