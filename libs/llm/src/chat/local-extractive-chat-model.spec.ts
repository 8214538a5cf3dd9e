import { HumanMessage, SystemMessage, type AIMessageChunk } from '@langchain/core/messages';
import { fenceDocuments } from '../prompts/fence-documents';
import { composeExtractiveAnswer, NOT_FOUND_ANSWER, SMALL_TALK_ANSWER } from './extractive-answer';
import { LocalExtractiveChatModel } from './local-extractive-chat-model';

function promptFor(question: string, texts: string[]) {
  const documents = fenceDocuments(texts.map((text, i) => ({ filename: `f${i + 1}.pdf`, page: i + 1, text })));
  return [new SystemMessage('You answer from documents.'), new HumanMessage(`${documents}\n\n<question>${question}</question>`)];
}

const DOCUMENTS = ['The canteen opens at noon. Parking is free for visitors.', 'Annual leave: new employees receive 25 vacation days per year. Unused vacation days expire in March.'];

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

  it('reads each passage’s section from the prompt and never quotes its heading', async () => {
    const documents = fenceDocuments([{ filename: 'expense-policy.md', page: null, headingPath: ['Expense policy', 'How to claim'], text: 'How to claim\n\nSubmit the receipt within 60 days.' }]);
    const reply = await model.invoke([new HumanMessage(`${documents}\n\n<question>How do I claim expenses?</question>`)]);
    expect(reply.text).toBe('Submit the receipt within 60 days [1].');
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

describe('composeExtractiveAnswer choosing sentences', () => {
  const onCall = [
    {
      n: 1,
      filename: 'on-call-policy.md',
      headingPath: ['On-call policy', 'Response times'],
      text: 'Response times\n\nA page must be acknowledged within 15 minutes. Severity 1 incidents need a first update within 30 minutes.',
    },
    { n: 2, filename: 'on-call-policy.md', headingPath: ['On-call policy', 'Rotation'], text: 'Rotation\n\nEach engineer is on call for one week at a time, Monday 09:00 to Monday 09:00.' },
    { n: 3, filename: 'company-handbook.txt', headingPath: [], text: 'Our office hours are 09:00 to 17:30, Monday to Friday.' },
  ];

  it('answers both parts of a question from the passages that hold them, headings read as context', () => {
    const answer = composeExtractiveAnswer('Who is on call on weekends and how fast must they respond?', onCall);
    expect(answer).toBe('A page must be acknowledged within 15 minutes [1]. Each engineer is on call for one week at a time, Monday 09:00 to Monday 09:00 [2].');
  });

  it('never quotes a heading as a sentence', () => {
    const answer = composeExtractiveAnswer('How do I claim expenses?', [
      {
        n: 1,
        filename: 'expense-policy.md',
        headingPath: ['Expense policy', 'How to claim'],
        text: 'How to claim\n\nSubmit the receipt in the expenses tool within 60 days. Claims are reimbursed with the next monthly salary.',
      },
    ]);
    expect(answer).toBe('Submit the receipt in the expenses tool within 60 days [1]. Claims are reimbursed with the next monthly salary [1].');
  });

  it('leaves out sentences of other files that add nothing', () => {
    const answer = composeExtractiveAnswer('Can I work from home?', [
      { n: 1, filename: 'company-handbook.txt', text: 'Everyone may work from home up to three days a week.' },
      { n: 2, filename: 'on-call-policy.md', text: 'Time off in lieu is given for any hour worked between 22:00 and 07:00.' },
      { n: 3, filename: 'expense-policy.md', text: 'Home-office equipment is paid up to 500 euros.' },
    ]);
    expect(answer).toBe('Everyone may work from home up to three days a week [1].');
  });

  it('quotes another file only from a passage that answers the question in the question’s own words', () => {
    // WordNet relates "business" to "job" and "class" to "family": in other senses than these.
    const flights = composeExtractiveAnswer('Can I fly business class?', [
      { n: 1, filename: 'travel-policy.html', headingPath: ['Travel policy', 'Flights'], text: 'Book economy class for flights shorter than six hours.' },
      { n: 2, filename: 'code-of-conduct.md', text: 'Declare any outside job, investment or family relationship that could conflict with your work.' },
    ]);
    expect(flights).toBe('Book economy class for flights shorter than six hours [1].');
    // The expenses passage holds "spending" and a number, but says nothing of hotels or Paris.
    const hotels = composeExtractiveAnswer('How much can I spend on a hotel in Paris?', [
      { n: 1, filename: 'travel-policy.html', text: 'Hotels cost at most 180 euros a night, or 250 euros in Paris.' },
      { n: 2, filename: 'expenses-guide.txt', text: 'Submit every expense claim within 30 days of spending the money.' },
    ]);
    expect(hotels).toBe('Hotels cost at most 180 euros a night, or 250 euros in Paris [1].');
  });

  it('answers "how quickly" with the passage that gives a time in other words', () => {
    const answer = composeExtractiveAnswer('How quickly should reviewers get back to me?', [
      { n: 1, filename: 'code-review-guidelines.docx', headingPath: ['Code review guidelines', 'Turnaround'], text: 'Reviewers respond within one working day.' },
    ]);
    expect(answer).toBe('Reviewers respond within one working day [1].');
  });

  it('refuses when passages share only one topic word each with the question', () => {
    const answer = composeExtractiveAnswer('How many approvals does a payments change need?', [
      { n: 1, text: 'Larger refunds need a team lead’s approval.' },
      { n: 2, text: 'A ticket moves to tier 3 when it needs a code change.' },
    ]);
    expect(answer).toBe(NOT_FOUND_ANSWER);
  });

  it('refuses when the only overlap is a word that frames the question', () => {
    expect(composeExtractiveAnswer('What is the rule?', [{ n: 1, text: 'The dress rule is casual on Fridays.' }])).not.toBe(NOT_FOUND_ANSWER);
    expect(composeExtractiveAnswer('What is the parking rule?', [{ n: 1, text: 'The canteen rule is to clear your tray.' }])).toBe(NOT_FOUND_ANSWER);
  });

  it('quotes the sentence right after an answer when it continues it', () => {
    const answer = composeExtractiveAnswer('Who can approve a refund of 300 euros?', [
      { n: 1, filename: 'escalation-guide.pdf', text: 'Tier 1 agents may approve refunds up to 100 euros. Larger refunds need a team lead’s approval.' },
    ]);
    expect(answer).toContain('team lead’s approval [1].');
  });
});

describe('composeExtractiveAnswer on lists and PDF headings', () => {
  it('quotes list items that end without a full stop', () => {
    const answer = composeExtractiveAnswer('When must receipts be submitted?', [{ n: 1, text: 'Claims\n\nReceipts are submitted within 60 days\n\nManagers approve claims monthly' }]);
    expect(answer).toContain('Receipts are submitted within 60 days [1].');
  });

  it('reads a short unpunctuated line before prose as the heading of what follows', () => {
    const answer = composeExtractiveAnswer('What are the severity levels?', [{ n: 1, filename: 'runbook.pdf', text: 'Severity levels\n\nSEV1 means the product is down for everyone.' }]);
    expect(answer).toBe('SEV1 means the product is down for everyone [1].');
  });
});
