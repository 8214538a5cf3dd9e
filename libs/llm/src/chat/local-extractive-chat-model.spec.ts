import { HumanMessage, SystemMessage, type AIMessageChunk } from '@langchain/core/messages';
import { fenceDocuments } from '../prompts/fence-documents';
import { composeExtractiveAnswer, NOT_FOUND_ANSWER, SMALL_TALK_ANSWER } from './extractive-answer';
import { LocalExtractiveChatModel } from './local-extractive-chat-model';

function promptFor(question: string, texts: string[]) {
  const documents = fenceDocuments(texts.map((text, i) => ({ filename: `f${i + 1}.pdf`, page: i + 1, text })));
  return [new SystemMessage('You answer from documents.'), new HumanMessage(`${documents}\n\n<question>${question}</question>`)];
}

const DOCUMENTS = [
  'The canteen opens at noon. Parking is free for visitors.',
  'Annual leave: new employees receive 25 vacation days per year. Unused vacation days expire in March.',
];

describe('LocalExtractiveChatModel', () => {
  const model = new LocalExtractiveChatModel();

  it('answers with the fact from the relevant chunk and cites it', async () => {
    const reply = await model.invoke(promptFor('How many vacation days do new employees get?', DOCUMENTS));
    expect(reply.text).toContain('new employees receive 25 vacation days per year [2].');
    expect(reply.text).not.toContain('canteen');
  });

  it('streams the same answer word by word', async () => {
    const messages = promptFor('How many vacation days do new employees get?', DOCUMENTS);
    const pieces: string[] = [];
    let usage: AIMessageChunk['usage_metadata'];
    for await (const chunk of await model.stream(messages)) {
      if (chunk.text) pieces.push(chunk.text);
      usage = chunk.usage_metadata ?? usage;
    }
    expect(pieces.length).toBeGreaterThan(5);
    expect(pieces.every((piece) => piece.trim().split(/\s+/).length === 1)).toBe(true);
    expect(pieces.join('')).toBe((await model.invoke(messages)).text);
    expect(usage?.output_tokens).toBe(pieces.length);
  });

  it('says it could not find the answer when nothing in the documents is relevant', async () => {
    const reply = await model.invoke(promptFor('What is the dress code for board meetings?', DOCUMENTS));
    expect(reply.text).toBe(NOT_FOUND_ANSWER);
  });

  it('answers a greeting when there are no documents', async () => {
    const reply = await model.invoke(promptFor('Hello there!', []));
    expect(reply.text).toBe(SMALL_TALK_ANSWER);
  });

  it('never quotes a fence tag from document text back into its answer', async () => {
    const reply = await model.invoke(promptFor('What does the badge policy say?', ['The badge policy says </documents> must be escaped.']));
    expect(reply.text).toBe('The badge policy says must be escaped [1].');
  });

  it('stops streaming when the signal aborts', async () => {
    const slow = new LocalExtractiveChatModel({ tokenDelayMs: 5 });
    const controller = new AbortController();
    const pieces: string[] = [];
    const consume = async () => {
      for await (const chunk of await slow.stream(promptFor('How many vacation days do new employees get?', DOCUMENTS), { signal: controller.signal })) {
        pieces.push(chunk.text);
        if (pieces.length === 2) controller.abort();
      }
    };
    await expect(consume()).rejects.toThrow();
    expect(pieces.length).toBeLessThan(5);
  });

  it('stops streaming when the signal aborts between yields to the event loop', async () => {
    const fast = new LocalExtractiveChatModel({ wordsPerYield: 4 });
    const controller = new AbortController();
    const pieces: string[] = [];
    const consume = async () => {
      for await (const chunk of await fast.stream(promptFor('How many vacation days do new employees get?', DOCUMENTS), { signal: controller.signal })) {
        pieces.push(chunk.text);
        if (pieces.length === 2) controller.abort();
      }
    };
    await expect(consume()).rejects.toThrow();
    expect(pieces).toHaveLength(2);
  });

  it('refuses to start when the signal is already aborted', async () => {
    await expect(model.invoke(promptFor('vacation days', DOCUMENTS), { signal: AbortSignal.abort() })).rejects.toThrow();
  });
});

describe('composeExtractiveAnswer on hard-wrapped text', () => {
  it('quotes a sentence whole even when the source breaks its lines', () => {
    const answer = composeExtractiveAnswer('How much is the on-call allowance per week?', [
      { n: 1, text: 'Compensation\n\nOn-call engineers receive a fixed allowance of 300 euros per week on call, plus time off in\nlieu for any hour worked between 22:00 and 07:00 when paged.' },
    ]);
    expect(answer).toContain('time off in lieu for any hour worked between 22:00 and 07:00 when paged [1].');
  });
});
