import type { Cursor } from '@app/kernel';
import { ConversationRepository, MessageRepository, type BranchOrder, type ConversationSummary } from '../conversations.ports';
import type { Conversation } from '../domain/conversation';
import type { AssistantOutcome, Message } from '../domain/message';
import { activeBranch, branchBefore, shownBranchUnder, withVersions } from '../domain/message-branches';

/** In-memory ports for handler specs; they keep the same ordering rules as the SQL. */
export class InMemoryConversations extends ConversationRepository {
  readonly rows = new Map<string, Conversation>();
  constructor(readonly messages = new InMemoryMessages()) {
    super();
    messages.conversations = this;
  }

  async findOwned(id: string, userId: string) {
    const found = this.rows.get(id);
    return found && found.userId === userId ? found : null;
  }

  async listOwned(userId: string, limit: number, after: Cursor | null): Promise<ConversationSummary[]> {
    const key = (c: { updatedAt: Date; id: string }) => `${c.updatedAt.toISOString()}|${c.id}`;
    return [...this.rows.values()]
      .filter((c) => c.userId === userId && (!after || key(c) < `${after.at}|${after.id}`))
      .sort((a, b) => (key(a) < key(b) ? 1 : -1))
      .slice(0, limit)
      .map((c) => ({ ...c, messageCount: this.messages.rows.filter((m) => m.conversationId === c.id).length }));
  }

  async save(conversation: Conversation) {
    this.rows.set(conversation.id, conversation);
  }

  async saveWithMessages(conversation: Conversation, messages: Message[]) {
    this.rows.set(conversation.id, conversation);
    this.messages.rows.push(...messages);
  }

  async delete(conversation: Conversation) {
    this.rows.delete(conversation.id);
    this.messages.rows = this.messages.rows.filter((m) => m.conversationId !== conversation.id);
  }
}

class InMemoryMessages extends MessageRepository {
  rows: Message[] = [];
  conversations!: InMemoryConversations;

  async listOf(conversationId: string) {
    return this.rows.filter((m) => m.conversationId === conversationId);
  }

  async branchPage(conversationId: string, order: BranchOrder, after: string | null, limit: number | null) {
    const all = await this.listOf(conversationId);
    let page;
    if (order === 'oldest') page = shownBranchUnder(all, after);
    else if (after === null) page = activeBranch(all).reverse();
    else
      page = branchBefore(all, after)
        .reverse()
        .map((message) => withVersions(all, message));
    return limit === null ? page : page.slice(0, limit);
  }

  async shownTip(conversationId: string) {
    return activeBranch(await this.listOf(conversationId)).at(-1)?.message ?? null;
  }

  async lineage(messageId: string, maxChars: number) {
    const message = this.rows.find((m) => m.id === messageId);
    if (!message) return [];
    const newestFirst = [message, ...branchBefore(this.rows, messageId).reverse()];
    const kept: Message[] = [];
    let chars = 0;
    for (const m of newestFirst) {
      kept.push(m);
      if ((m.status === 'complete' || m.status === 'interrupted') && m.content.trim()) chars += m.content.length;
      if (chars > maxChars) break;
    }
    return kept;
  }

  async hasStreamingAnswer(questionId: string) {
    return this.rows.some((m) => m.parentId === questionId && m.isStreaming());
  }

  async findOwnedAnswer(messageId: string, userId: string) {
    const message = this.rows.find((m) => m.id === messageId && m.role === 'assistant');
    return message && this.conversations.rows.get(message.conversationId)?.userId === userId ? message : null;
  }

  async findOwned(messageId: string, userId: string) {
    const message = this.rows.find((m) => m.id === messageId);
    return message && this.conversations.rows.get(message.conversationId)?.userId === userId ? message : null;
  }

  async choose(messageId: string, now: Date) {
    const message = this.rows.find((m) => m.id === messageId);
    if (!message) return;
    for (const chosen of [message, ...branchBefore(this.rows, messageId)]) chosen.selectedAt = now;
  }

  async saveProgress(messageId: string, content: string, now: Date) {
    const message = this.rows.find((m) => m.id === messageId && m.isStreaming());
    if (message) Object.assign(message, { content, updatedAt: now });
  }

  async finish(messageId: string, outcome: AssistantOutcome, now: Date) {
    const message = this.rows.find((m) => m.id === messageId && m.isStreaming());
    if (message) Object.assign(message, outcome, { updatedAt: now });
  }

  async listStreaming() {
    return this.rows.filter((m) => m.isStreaming()).map((m) => ({ messageId: m.id, userId: this.conversations.rows.get(m.conversationId)!.userId }));
  }

  async markInterrupted(messageIds: string[], now: Date) {
    const hit = this.rows.filter((m) => messageIds.includes(m.id) && m.isStreaming());
    for (const message of hit) Object.assign(message, { status: 'interrupted', ending: 'interrupted', updatedAt: now });
    return hit.length;
  }
}
