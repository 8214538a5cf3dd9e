import { Module } from '@nestjs/common';
import { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { AccessModule } from '@app/access';
import { ConversationsModule } from '@app/conversations';
import { FilesModule } from '@app/files';
import { PromptLibrary } from '@app/llm';
import { AppConfig, chatModelChoice, PlatformModule } from '@app/platform';
import { ChunkSearch, RetrievalModule } from '@app/retrieval';
import { DeterministicAgentDecisions } from './agent/deterministic-agent-decisions';
import { LangGraphAnswerAgent } from './agent/langgraph-answer-agent';
import { ModelAgentDecisions } from './agent/model-agent-decisions';
import { ReactAnswerAgent } from './agent/react-answer-agent';
import { SearchWarmUp } from './agent/search-warm-up';
import { TavilyWebSearch } from './agent/tavily-web-search';
import { PrometheusChatMetrics } from './chat.metrics';
import { AnswerAgent, ChatMetrics, FeedbackRepository, StopSignals, StreamSlots } from './chat.ports';
import { ChatSettings } from './chat.settings';
import { GiveFeedbackHandler } from './commands/give-feedback/give-feedback.handler';
import { ConversationAttachmentScope } from './commands/send-message/conversation-attachment-scope';
import { SendMessageHandler } from './commands/send-message/send-message.handler';
import { StopGenerationHandler } from './commands/stop-generation/stop-generation.handler';
import { ChatController } from './http/chat.controller';
import { SqlFeedbackRepository } from './persistence/sql-feedback.repository';
import { OrphanedAnswerSweep } from './streams/orphaned-answer-sweep';
import { RedisStopSignals } from './streams/redis-stop-signals';
import { RedisStreamSlots } from './streams/redis-stream-slots';
import { RunningAnswers } from './streams/running-answers';

function answerAgentFor(config: AppConfig, search: ChunkSearch, chatModel: BaseChatModel, prompts: PromptLibrary): AnswerAgent {
  const webSearchUrl = config.get('WEB_SEARCH_URL');
  const webSearch = webSearchUrl ? new TavilyWebSearch({ baseUrl: webSearchUrl, apiKey: config.get('WEB_SEARCH_API_KEY') ?? '' }) : undefined;
  // The configuration refuses react with the local model, which cannot call tools.
  if (config.get('CHAT_AGENT') === 'react') return new ReactAnswerAgent({ search, chatModel, prompts, webSearch });
  const deterministic = new DeterministicAgentDecisions({ webSearchEnabled: webSearch !== undefined });
  const decisions =
    chatModelChoice({ CHAT_MODEL: config.get('CHAT_MODEL'), CHAT_PROVIDER: config.get('CHAT_PROVIDER'), OPENAI_CHAT_MODEL: config.get('OPENAI_CHAT_MODEL') }).provider !== 'local'
      ? new ModelAgentDecisions(chatModel, prompts, deterministic, { webSearchEnabled: webSearch !== undefined })
      : deterministic;
  return new LangGraphAnswerAgent({ search, decisions, chatModel, prompts, webSearch });
}

@Module({
  imports: [PlatformModule, AccessModule, ConversationsModule, RetrievalModule, FilesModule],
  controllers: [ChatController],
  providers: [
    {
      provide: ChatSettings,
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        new ChatSettings({ shutdownGraceMs: config.get('CHAT_SHUTDOWN_GRACE_MS'), historyMaxTokens: config.get('CHAT_HISTORY_MAX_TOKENS'), attachmentWaitMs: config.get('ATTACHMENT_WAIT_MS') }),
    },
    { provide: AnswerAgent, inject: [AppConfig, ChunkSearch, BaseChatModel, PromptLibrary], useFactory: answerAgentFor },
    { provide: StreamSlots, useClass: RedisStreamSlots },
    { provide: StopSignals, useClass: RedisStopSignals },
    { provide: FeedbackRepository, useClass: SqlFeedbackRepository },
    { provide: ChatMetrics, useClass: PrometheusChatMetrics },
    OrphanedAnswerSweep,
    RunningAnswers,
    SearchWarmUp,
    ConversationAttachmentScope,
    SendMessageHandler,
    StopGenerationHandler,
    GiveFeedbackHandler,
  ],
})
export class ChatModule {}
