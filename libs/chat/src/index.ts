export { ChatModule } from './chat.module';
export { buildAnswerGraph, type AnswerGraph } from './agent/answer-graph';
export type { AnswerGraphDeps, AnswerResult, Citation, AgentStatus, FinishReason } from './agent/answer-graph.deps';
export { DeterministicAgentDecisions } from './agent/deterministic-agent-decisions';
export { ModelAgentDecisions } from './agent/model-agent-decisions';
export { TavilyWebSearch } from './agent/tavily-web-search';
export { AnswerGenerationFailed } from './domain/answer-generation-failed.error';
