import type { ChatEvent } from '../commands/send-message/chat-events';

/** Reads an answer's events to the end, or until `leaveWhen` says the reader goes away. */
export async function readEvents(events: AsyncIterable<ChatEvent>, leaveWhen: (event: ChatEvent) => boolean = () => false): Promise<ChatEvent[]> {
  const read: ChatEvent[] = [];
  for await (const event of events) {
    read.push(event);
    if (leaveWhen(event)) break;
  }
  return read;
}

export const namesOf = (events: ChatEvent[]) => events.map((e) => e.event);
