import { aChunk } from '../testing';
import { refineQuery } from './refine-query';

describe('refineQuery', () => {
  const question = 'What is the reimbursement limit for hotel stays abroad?';
  const chunks = [aChunk('Hotel stays are booked through the travel desk.')];

  it('first keeps only key words, the ones the chunks lacked first', () => {
    expect(refineQuery(question, 1, chunks)).toBe('reimbursement limit abroad hotel stays');
  });

  it('then searches only for the words the chunks lacked', () => {
    expect(refineQuery(question, 2, chunks)).toBe('reimbursement limit abroad');
  });

  it('gives a different query than the question', () => {
    expect(refineQuery(question, 1, [])).not.toBe(question);
  });

  it('falls back to the question when it has no key words', () => {
    expect(refineQuery(' what is it? ', 1, [])).toBe('what is it?');
  });
});
