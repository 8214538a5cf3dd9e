import { baseFormCandidates } from './morphy';

describe('baseFormCandidates (WordNet morphy rules)', () => {
  it('detaches noun endings', () => {
    expect(baseFormCandidates('weekends', 'noun')).toEqual(['weekends', 'weekend']);
    expect(baseFormCandidates('policies', 'noun')).toEqual(['policies', 'policie', 'policy']);
    expect(baseFormCandidates('watches', 'noun')).toContain('watch');
    expect(baseFormCandidates('women', 'noun')).toContain('woman');
  });

  it('detaches verb endings in rule order', () => {
    expect(baseFormCandidates('retained', 'verb')).toEqual(['retained', 'retaine', 'retain']);
    expect(baseFormCandidates('deploying', 'verb')).toEqual(['deploying', 'deploye', 'deploy']);
  });

  it('leaves adverbs and words too short to carry a suffix alone', () => {
    expect(baseFormCandidates('quickly', 'adv')).toEqual(['quickly']);
    expect(baseFormCandidates('is', 'noun')).toEqual(['is']);
  });
});
