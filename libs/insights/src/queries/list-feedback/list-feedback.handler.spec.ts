import { AdminOnly, ValidationFailed, type Actor } from '@app/platform';
import { InMemoryFeedback } from '../../testing';
import type { RatedAnswer } from '../../insights.ports';
import { ListFeedback } from './list-feedback.query';
import { ListFeedbackHandler } from './list-feedback.handler';

const admin: Actor = { userId: 'u1', role: 'admin', departmentId: 'd1' };
const member: Actor = { ...admin, role: 'member' };
const id = (n: number) => `0000000${n}-0000-4000-8000-000000000000`;

function rated(n: number, rating: 'up' | 'down', ratedAt: string): RatedAnswer {
  const at = new Date(ratedAt);
  return { assistantMessageId: id(n), rating, comment: null, ratedAt: at, answeredAt: at, question: `q${n}`, answer: `a${n}`, citations: [], ending: 'complete', department: { id: 'd1', name: 'D' } };
}

describe('ListFeedbackHandler', () => {
  let feedback: InMemoryFeedback;
  let handler: ListFeedbackHandler;

  beforeEach(() => {
    feedback = new InMemoryFeedback();
    handler = new ListFeedbackHandler(feedback);
    feedback.rows = [rated(1, 'down', '2026-01-01T10:00:00Z'), rated(2, 'up', '2026-01-02T10:00:00Z'), rated(3, 'down', '2026-01-03T10:00:00Z'), rated(4, 'down', '2026-01-04T10:00:00Z')];
  });

  it('pages through the rated answers, most recently rated first', async () => {
    const first = await handler.execute(new ListFeedback(admin, { limit: 2 }));
    expect(first.items.map((row) => row.question)).toEqual(['q4', 'q3']);
    const second = await handler.execute(new ListFeedback(admin, { limit: 2, cursor: first.nextCursor! }));
    expect(second.items.map((row) => row.question)).toEqual(['q2', 'q1']);
    expect(second.nextCursor).toBeNull();
  });

  it('filters by rating and by the days rated, both ends included', async () => {
    const downs = await handler.execute(new ListFeedback(admin, { limit: 10, rating: 'down', from: '2026-01-02', to: '2026-01-03' }));
    expect(downs.items.map((row) => row.question)).toEqual(['q3']);
    expect(feedback.asked.at(-1)).toEqual({ scope: { kind: 'organization' }, rating: 'down', range: { start: new Date('2026-01-02T00:00:00Z'), endExclusive: new Date('2026-01-04T00:00:00Z') } });
  });

  it('refuses members before reading anything', async () => {
    await expect(handler.execute(new ListFeedback(member, { limit: 10 }))).rejects.toBeInstanceOf(AdminOnly);
    expect(feedback.asked).toEqual([]);
  });

  it('names each bad filter: a cursor it did not issue, a day that does not exist, a range backwards', async () => {
    const refusal = await handler.execute(new ListFeedback(admin, { limit: 10, cursor: 'made-up', from: '2026-02-30' })).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ValidationFailed);
    expect((refusal as ValidationFailed).details).toEqual([
      { field: 'from', problem: 'must be a day written YYYY-MM-DD' },
      { field: 'cursor', problem: 'is not a cursor this API issued' },
    ]);
    await expect(handler.execute(new ListFeedback(admin, { limit: 10, from: '2026-01-03', to: '2026-01-02' }))).rejects.toBeInstanceOf(ValidationFailed);
    expect(feedback.asked).toEqual([]);
  });
});
