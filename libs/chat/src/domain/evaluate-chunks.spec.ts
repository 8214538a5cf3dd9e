import { aChunk } from '../testing';
import { evaluateChunks } from './evaluate-chunks';

describe('evaluateChunks', () => {
  const question = 'How many vacation days do new employees get?';

  it('finds chunks sufficient when on-topic chunks cover the question', () => {
    const chunks = [aChunk('New employees get 25 vacation days per year.'), aChunk('The canteen opens at noon.')];
    const result = evaluateChunks(question, chunks);
    expect(result.sufficient).toBe(true);
    expect(result.onTopic.map((c) => c.text)).toEqual(['New employees get 25 vacation days per year.']);
  });

  it('finds chunks insufficient when none is about the question', () => {
    const result = evaluateChunks(question, [aChunk('The canteen opens at noon.')]);
    expect(result).toMatchObject({ sufficient: false, onTopic: [] });
    expect(result.reason).toMatch(/none of 1 chunks/);
  });

  it('finds chunks insufficient when they cover only a small part of the question', () => {
    const result = evaluateChunks('vacation days carry over for contractors', [aChunk('Vacation days are booked in the HR portal.')]);
    expect(result.sufficient).toBe(false);
    expect(result.onTopic).toHaveLength(1);
  });

  it('drops chunks below the score threshold even when their words match', () => {
    const result = evaluateChunks(question, [aChunk('New employees get 25 vacation days.', { score: 0.01 })], { minScore: 0.2 });
    expect(result.sufficient).toBe(false);
  });

  it('counts headings and file names as part of a chunk', () => {
    const chunk = aChunk('25 days per year for new employees.', { headingPath: ['Vacation'], filename: 'leave.pdf' });
    expect(evaluateChunks(question, [chunk]).sufficient).toBe(true);
  });

  it('answers a question whose modifier the documents word differently when they name its head', () => {
    const declare = aChunk('Declare any outside job, investment or family relationship that could conflict with your work.');
    expect(evaluateChunks('Do I have to tell anyone about a side job?', [declare]).sufficient).toBe(true);
    const card = aChunk('Corporate cards have a monthly limit of 5,000 euros.');
    expect(evaluateChunks('What is the spending limit on a company card?', [card]).sufficient).toBe(true);
  });

  it('still refuses when only a related word of the head is found and the modifier is missing', () => {
    // WordNet relates "party" to "company"; a summer party is not company business.
    const mileage = aChunk('Mileage for using your own car on company business is reimbursed at 0.30 euros per kilometre.');
    expect(evaluateChunks('When is the summer party?', [mileage]).sufficient).toBe(false);
  });

  it('finds no chunks insufficient', () => {
    expect(evaluateChunks(question, []).sufficient).toBe(false);
  });
});

describe('evaluateChunks on reworded questions', () => {
  const onCall = aChunk('A page must be acknowledged within 15 minutes.', { filename: 'on-call-policy.md', headingPath: ['On-call policy', 'Response times'] });

  it('is satisfied by a chunk matching the key words though "weekends" appears nowhere', () => {
    const result = evaluateChunks('Who is on call on weekends and how fast must they respond?', [onCall]);
    expect(result.sufficient).toBe(true);
  });

  it('is satisfied when a framing word ("rule") appears nowhere', () => {
    const chunk = aChunk('Deployments are not allowed on Fridays after 14:00 or during the quarterly freeze.');
    expect(evaluateChunks("what's the deploy freeze rule?", [chunk]).sufficient).toBe(true);
  });

  it('is not satisfied by chunks that each share one word with the question', () => {
    const chunks = [aChunk('Larger refunds need a team lead’s approval.', { chunkId: 'a' }), aChunk('A ticket moves to tier 3 when it needs a code change.', { chunkId: 'b' })];
    const result = evaluateChunks('How many approvals does a payments change need?', chunks);
    expect(result.sufficient).toBe(false);
    expect(result.reason).toMatch(/matches only/);
  });

  it('is not satisfied by a chunk sharing one of two topic words', () => {
    const chunk = aChunk('Employees may work remotely; teams agree their office days together.');
    expect(evaluateChunks('Is there a gym at the office?', [chunk]).sufficient).toBe(false);
  });
});
