import { planSubQueries } from './plan-sub-queries';

describe('planSubQueries', () => {
  it('keeps a single question as the only sub-query', () => {
    expect(planSubQueries('What is the travel policy for trains and planes?')).toEqual(['What is the travel policy for trains and planes?']);
  });

  it('splits two questions joined by "and" plus a question word', () => {
    expect(planSubQueries('What is the leave policy and how do I request a laptop?')).toEqual(['What is the leave policy', 'how do I request a laptop?']);
  });

  it('splits separate sentences that each ask something', () => {
    expect(planSubQueries('Who approves expenses? When are they paid?')).toEqual(['Who approves expenses?', 'When are they paid?']);
  });

  it('returns at most three sub-queries and merges the rest into the last', () => {
    const plan = planSubQueries('What is A1? What is B2? What is C3? What is D4?');
    expect(plan).toEqual(['What is A1?', 'What is B2?', 'What is C3? What is D4?']);
  });

  it('drops repeated and empty parts', () => {
    expect(planSubQueries('Parking rules? parking rules? ?')).toEqual(['Parking rules?']);
  });

  it('keeps a question made only of stop words as it is', () => {
    expect(planSubQueries(' what is it ')).toEqual(['what is it']);
  });
});
