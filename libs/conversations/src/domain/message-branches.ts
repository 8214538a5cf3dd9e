import type { Message } from './message';

/** A message of the branch shown, with where it stands among its versions. */
export interface BranchMessage {
  message: Message;
  /** Every version at this point (this message among them), oldest first. */
  siblingIds: string[];
  /** This message's place in siblingIds, from 1. */
  siblingIndex: number;
}

const oldestFirst = (a: Message, b: Message) => a.createdAt.getTime() - b.createdAt.getTime() || (a.role === b.role ? a.id.localeCompare(b.id) : a.role === 'user' ? -1 : 1);
const chosenLast = (a: Message, b: Message) => a.selectedAt.getTime() - b.selectedAt.getTime() || oldestFirst(a, b);

/**
 * The branch a conversation shows, first message first. A regenerated answer or an edited
 * question is a sibling of the one it replaces (same parent); at each point the version chosen
 * most recently (`selectedAt`: when it was written, or switched to) is shown, and the branch goes
 * on under it. Messages on other branches are kept, only not on this path.
 */
export function activeBranch(messages: readonly Message[]): BranchMessage[] {
  return shownBranchUnder(messages, null);
}

/** The shown branch under a message (null: the whole branch), its first message first. */
export function shownBranchUnder(messages: readonly Message[], under: string | null): BranchMessage[] {
  const children = new Map<string | null, Message[]>();
  const ids = new Set(messages.map((message) => message.id));
  for (const message of messages) {
    // A parent that is gone (never, with the foreign key) would orphan its subtree; treat it as a root.
    const parent = message.parentId !== null && ids.has(message.parentId) ? message.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), message]);
  }
  const branch: BranchMessage[] = [];
  const seen = new Set<string>();
  let parent: string | null = under;
  for (;;) {
    const siblings: Message[] = [...(children.get(parent) ?? [])].sort(oldestFirst);
    if (siblings.length === 0) return branch;
    const shown: Message = [...siblings].sort(chosenLast).at(-1)!;
    if (seen.has(shown.id)) return branch;
    seen.add(shown.id);
    branch.push({ message: shown, siblingIds: siblings.map((sibling) => sibling.id), siblingIndex: siblings.indexOf(shown) + 1 });
    parent = shown.id;
  }
}

/** A message with where it stands among its versions. */
export function withVersions(messages: readonly Message[], message: Message): BranchMessage {
  const siblings = messages.filter((other) => other.parentId === message.parentId).sort(oldestFirst);
  return { message, siblingIds: siblings.map((sibling) => sibling.id), siblingIndex: siblings.indexOf(message) + 1 };
}

/** The shown branch up to (not including) this message: what came before it, for the model. */
export function branchBefore(messages: readonly Message[], messageId: string): Message[] {
  const byId = new Map(messages.map((message) => [message.id, message]));
  const path: Message[] = [];
  const seen = new Set<string>();
  let current = byId.get(messageId)?.parentId ?? null;
  while (current !== null && !seen.has(current)) {
    seen.add(current);
    const message = byId.get(current);
    if (!message) break;
    path.push(message);
    current = message.parentId;
  }
  return path.reverse();
}
