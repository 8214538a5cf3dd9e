import { aChunk } from './chunk.fixture';
import { evaluateChunks } from './evaluate-chunks.service';

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

  it('finds no chunks insufficient', () => {
    expect(evaluateChunks(question, []).sufficient).toBe(false);
  });
});
