import { Conversation, titleFromMessage } from './conversation';
import { InvalidConversationTitle } from './conversation-errors';

const now = new Date('2026-01-01T00:00:00Z');
const later = new Date('2026-01-02T00:00:00Z');

describe('Conversation', () => {
  it('trims a new title', () => {
    const conversation = Conversation.start('c', 'u', '  Leave policy  ', now);
    expect(conversation.title).toBe('Leave policy');
  });

  it('refuses a title over 200 characters', () => {
    const conversation = Conversation.start('c', 'u', null, now);
    expect(() => conversation.rename('x'.repeat(201), later)).toThrow(InvalidConversationTitle);
  });

  it('accepts a title of exactly 200 characters after trimming', () => {
    const conversation = Conversation.start('c', 'u', null, now);
    conversation.rename(`  ${'x'.repeat(200)}  `, later);
    expect(conversation.title).toHaveLength(200);
    expect(conversation.updatedAt).toBe(later);
  });

  it('refuses a title that is only whitespace', () => {
    expect(() => Conversation.start('c', 'u', ' \n\t ', now)).toThrow(InvalidConversationTitle);
  });

  it('names an untitled conversation after its first message, and only then', () => {
    const conversation = Conversation.start('c', 'u', null, now);
    conversation.recordMessage('How many  vacation\ndays?', later);
    conversation.recordMessage('And sick days?', later);
    expect(conversation.title).toBe('How many vacation days?');
    expect(conversation.updatedAt).toBe(later);
  });
});

describe('titleFromMessage', () => {
  it('cuts a long message at a word boundary with an ellipsis', () => {
    const title = titleFromMessage('word '.repeat(40));
    expect(title.length).toBeLessThanOrEqual(80);
    expect(title).toMatch(/word…$/);
  });
});
