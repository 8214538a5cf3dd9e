import { setTimeout as sleep } from 'node:timers/promises';
import type { ConversationAttachments, FileRecord } from '@app/files';
import type { AccessScope } from '@app/retrieval';
import type { AnswerResult } from '../agent/answer-graph.deps';
import { PrefetchedSearches } from '../agent/prefetched-searches';
import { AnswerAgent, ChatMetrics, StopSignals, StreamSlots, type AnswerRun, type SlotDecision } from '../chat.ports';

export class InMemoryStreamSlots extends StreamSlots {
  readonly held = new Set<string>();
  refusal: SlotDecision | null = null;

  async acquire(_userId: string, streamId: string): Promise<SlotDecision> {
    if (this.refusal) return this.refusal;
    this.held.add(streamId);
    return { granted: true };
  }
  async renew() {}
  async release(_userId: string, streamId: string) {
    this.held.delete(streamId);
  }
  async isHeld(_userId: string, streamId: string) {
    return this.held.has(streamId);
  }
}

export class InMemoryStopSignals extends StopSignals {
  private readonly listeners = new Map<string, () => void>();
  async request(id: string) {
    this.listeners.get(id)?.();
  }
  listen(id: string, onStop: () => void) {
    this.listeners.set(id, onStop);
    return () => this.listeners.delete(id);
  }
}

export class NoMetrics extends ChatMetrics {
  firstToken() {}
  answered() {}
  streamOpened() {}
  streamClosed() {}
}

/** An agent that plays a script: the test decides what it emits and how it ends. */
export class ScriptedAgent extends AnswerAgent {
  runs: AnswerRun[] = [];
  prefetched: Array<{ question: string; scope: AccessScope; searches: PrefetchedSearches }> = [];
  constructor(private readonly script: (run: AnswerRun) => Promise<AnswerResult>) {
    super();
  }
  answer(run: AnswerRun) {
    this.runs.push(run);
    return this.script(run);
  }
  prefetch(question: string, scope: AccessScope) {
    const searches = PrefetchedSearches.start([question], async () => []);
    this.prefetched.push({ question, scope, searches });
    return searches;
  }
}

/** Streams words until done or aborted, the way the real agent resolves on abort. */
export async function streamWords(run: AnswerRun, words: string[], delayMs = 0): Promise<AnswerResult> {
  run.emit({ step: 'routing' });
  run.emit({ step: 'generating' });
  let answer = '';
  for (const word of words) {
    if (run.signal.aborted) return { answer, citations: [], finishReason: 'stopped' };
    run.onToken(word);
    answer += word;
    await sleep(delayMs);
  }
  if (run.signal.aborted) return { answer, citations: [], finishReason: 'stopped' };
  return { answer, citations: [{ n: 1, fileId: 'f1', filename: 'a.pdf', chunkId: 'c1', page: 2, score: 0.5, snippet: 's' }], finishReason: 'stop' };
}

/** A conversation's attachments as the chat sees them, set by the test; `ready` moves one on. */
export class InMemoryAttachments {
  readonly files: Array<FileRecord & { conversationId: string }> = [];
  /** The conversations whose attachments were listed, in order. */
  readonly listed: string[] = [];

  attach(conversationId: string, id: string, status: FileRecord['status'] = 'ready'): void {
    const at = new Date().toISOString();
    this.files.push({
      id,
      conversationId,
      filename: `${id}.docx`,
      mimeType: 'application/octet-stream',
      sizeBytes: 1,
      sha256: '',
      departmentId: 'd1',
      visibility: 'conversation',
      status,
      progress: 0,
      chunkCount: 0,
      pageCount: null,
      searchable: status === 'ready',
      createdAt: at,
      updatedAt: at,
    });
  }

  ready(id: string): void {
    Object.assign(
      this.files.find((file) => file.id === id)!,
      { status: 'ready', searchable: true },
    );
  }

  asService(): ConversationAttachments {
    const listOf = async (conversationId: string) => {
      this.listed.push(conversationId);
      return this.files.filter((file) => file.conversationId === conversationId).map((file) => ({ ...file }));
    };
    return { listOf } as unknown as ConversationAttachments;
  }
}
