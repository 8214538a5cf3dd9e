/** The chat module's fakes and test harnesses, for specs only. */
export { harness, LEAVE_CHUNKS, prompts, RecordingChatModel } from './answer-graph-harness';
export { InMemoryAttachments, InMemoryStopSignals, InMemoryStreamSlots, NoMetrics, ScriptedAgent, streamWords } from './fake-chat-ports';
export { namesOf, readEvents } from './read-chat-events';
export { aChunk } from './retrieved-chunk-builder';
export { ScriptedToolCallingChatModel, type ScriptedTurn } from './scripted-tool-calling-chat-model';
