import { InvalidConversationTitle } from './conversation-errors';

const TITLE_MAX_LENGTH = 200;
const TITLE_FROM_MESSAGE_LENGTH = 80;

/** A title as stored: trimmed, 1–200 characters. */
function validTitle(raw: string): string {
  const title = raw.trim();
  if (title.length === 0) throw new InvalidConversationTitle('must not be empty');
  if (title.length > TITLE_MAX_LENGTH) throw new InvalidConversationTitle(`must be at most ${TITLE_MAX_LENGTH} characters`);
  return title;
}

/** The first words of a message, on one line, cut at a word boundary. */
export function titleFromMessage(message: string): string {
  const line = message.replace(/\s+/g, ' ').trim();
  if (line.length <= TITLE_FROM_MESSAGE_LENGTH) return line;
  const cut = line.slice(0, TITLE_FROM_MESSAGE_LENGTH - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > TITLE_FROM_MESSAGE_LENGTH / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

export class Conversation {
  constructor(
    readonly id: string,
    readonly userId: string,
    public title: string | null,
    readonly createdAt: Date,
    public updatedAt: Date,
  ) {}

  static start(id: string, userId: string, title: string | null, now: Date): Conversation {
    return new Conversation(id, userId, title === null ? null : validTitle(title), now, now);
  }

  /** A conversation opened by its first chat message is titled from that message. */
  static startedBy(id: string, userId: string, firstMessage: string, now: Date): Conversation {
    return new Conversation(id, userId, titleFromMessage(firstMessage), now, now);
  }

  rename(title: string, now: Date): void {
    this.title = validTitle(title);
    this.updatedAt = now;
  }

  /** A new message is activity: it moves the conversation up the list and names an untitled one. */
  recordMessage(content: string, now: Date): void {
    if (this.title === null) this.title = titleFromMessage(content);
    this.updatedAt = now;
  }
}
