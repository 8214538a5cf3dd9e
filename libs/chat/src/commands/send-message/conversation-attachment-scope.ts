import { Injectable } from '@nestjs/common';
import { ConversationAttachments, type FileRecord } from '@app/files';
import { inConversation, type ReaderScope } from '@app/kernel';
import { accessScopeOf, type AccessScope, type ScopeFilters } from '@app/retrieval';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AgentStatus } from '../../agent/answer-graph.deps';
import { ChatSettings } from '../../chat.settings';
import { AttachmentNotFound } from '../../domain/chat-errors';

/** A conversation's attachments as one question sees them. */
export interface AttachmentContext {
  /** Every live attachment of the conversation: while there is one, searches read them beside the corpus. */
  all: FileRecord[];
  /** Those the question names (`attachmentIds`), which the answer waits for. */
  asked: FileRecord[];
}

/**
 * What attachments add to a question: the check that each one asked with is this conversation's,
 * the search scope that reads the conversation's attachments, and the bounded wait for those
 * still being ingested. The conversation's ownership is the caller's to check: the scope names
 * the asker as owner, so another's conversation would add nothing to it.
 */
@Injectable()
export class ConversationAttachmentScope {
  constructor(
    private readonly attachments: ConversationAttachments,
    private readonly settings: ChatSettings,
  ) {}

  async of(conversationId: string | null, askedIds: readonly string[]): Promise<AttachmentContext> {
    const all = conversationId ? await this.attachments.listOf(conversationId) : [];
    const asked = askedIds.map((id) => {
      const found = all.find((file) => file.id === id.toLowerCase());
      if (!found) throw new AttachmentNotFound(id);
      return found;
    });
    return { all, asked };
  }

  scopeOf(reader: ReaderScope, userId: string, conversationId: string | null, context: AttachmentContext, filters: ScopeFilters): AccessScope {
    const reading = conversationId && context.all.length ? inConversation(reader, { id: conversationId, ownerId: userId }) : reader;
    return accessScopeOf(reading, filters);
  }

  /**
   * Waits until every asked attachment is ready or failed, at most the configured time, saying
   * so in `status` events; answers those it still cannot read (failed, or not ready in time).
   * True in `waited` when anything was waited for, so searches made before must be made again.
   */
  async awaitReadable(conversationId: string, context: AttachmentContext, emit: (status: AgentStatus) => void, signal: AbortSignal): Promise<{ unreadable: FileRecord[]; waited: boolean }> {
    const deadline = Date.now() + this.settings.attachmentWaitMs;
    let pending = context.asked.filter((file) => !isSettled(file));
    const waited = pending.length > 0;
    while (pending.length > 0 && Date.now() < deadline && !signal.aborted) {
      emit({ step: 'reading_attachments', detail: `Still reading ${pending.map((file) => file.filename).join(', ')}` });
      await sleep(Math.min(this.settings.attachmentPollMs, Math.max(0, deadline - Date.now())), undefined, { signal }).catch(() => undefined);
      const now = await this.attachments.listOf(conversationId);
      pending = pending.map((file) => now.find((current) => current.id === file.id) ?? { ...file, status: 'failed' as const }).filter((file) => !isSettled(file));
      context = { ...context, asked: context.asked.map((file) => now.find((current) => current.id === file.id) ?? file) };
    }
    const unreadable = context.asked.filter((file) => file.status !== 'ready' && !file.searchable);
    return { unreadable, waited };
  }
}

const isSettled = (file: FileRecord) => file.status === 'ready' || file.status === 'failed';

/** The whole answer when an attachment asked about cannot be read yet: said plainly, rather than answered without it. */
export function unreadableAnswer(files: FileRecord[]): string {
  const names = files.map((file) => `"${file.filename}"`).join(', ');
  return `I could not read ${names} yet: ${files.length === 1 ? 'it is' : 'they are'} still being processed or could not be read. Ask again once ${files.length === 1 ? 'it shows' : 'they show'} as ready.`;
}
