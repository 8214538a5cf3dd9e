import { coverageOf, FRAMING_WEIGHT, irregularFormsOf, matchOf, questionTermsOf, termSetOf } from './question-terms';

describe('questionTermsOf', () => {
  const termsOf = (question: string) => Object.fromEntries(questionTermsOf(question).map((t) => [t.term, t]));

  it('keeps the topic words at full weight and framing words at less', () => {
    const terms = termsOf("what's the deploy freeze rule?");
    expect(Object.keys(terms).sort()).toEqual(['deploy', 'freez', 'rule']);
    expect(terms.deploy.weight).toBe(1);
    expect(terms.rule.weight).toBe(FRAMING_WEIGHT);
  });

  it('frames with the word after "how" and drops contractions and indefinite pronouns', () => {
    const terms = termsOf("How long can someone stay? I'm asking");
    expect(terms.long.weight).toBe(FRAMING_WEIGHT);
    expect(Object.keys(terms)).not.toEqual(expect.arrayContaining(['im']));
    expect(terms.someon).toBeUndefined();
  });

  it('lets a compound’s parts, a joined phrasal verb and irregular forms stand in', () => {
    expect(matchOf(termsOf('How many waves does the rollout have?').rollout, termSetOf('It rolls out to production in three waves.'))).toBeCloseTo(0.8);
    expect(matchOf(termsOf('when do we roll out?').roll, termSetOf('The rollout starts on Monday.'))).toBeCloseTo(0.8);
    expect(matchOf(termsOf('how long are backups retained?').retain, termSetOf('Backups are kept for 35 days.'))).toBeCloseTo(0.8);
    expect(matchOf(termsOf('When do we pay invoices?').pay, termSetOf('Invoices are paid in 30 days.'))).toBe(1);
  });

  it('does not let a synonym stand in for a word when it is itself a word of the question', () => {
    // WordNet has "work" among the synonyms of "bring".
    expect(termsOf('Can I bring my dog to work?').bring.alternatives.has('work')).toBe(false);
  });

  it('lets a passage that states a number answer the word after "how"', () => {
    const quickly = termsOf('How quickly should reviewers get back to me?').quick;
    expect(matchOf(quickly, termSetOf('Reviewers respond within one working day.'))).toBeGreaterThan(0);
    expect(matchOf(quickly, termSetOf('Status pages are updated every 30 minutes.'))).toBeGreaterThan(0);
    expect(matchOf(quickly, termSetOf('Reviewers respond in the review channel.'))).toBe(0);
    // Only the word "how" frames asks for a number.
    expect(matchOf(termsOf('Who reviews pull requests?').review, termSetOf('Two engineers sign off.'))).toBe(0);
  });

  it('reads a verb and its particle as one word, the particle no topic of its own', () => {
    const terms = termsOf('How quickly should reviewers get back to me?');
    expect(Object.keys(terms).sort()).toEqual(['get', 'quick', 'review']);
    expect(terms.get.weight).toBe(FRAMING_WEIGHT);
    // "back" is no particle here: "sell back" is no verb WordNet knows.
    expect(Object.keys(termsOf('How many days of leave can I sell back?'))).toContain('back');
  });

  it('marks a noun that modifies the next one, unless WordNet knows the pair as one word', () => {
    expect(termsOf('Do I have to tell anyone about a side job?').side.head).toBe('job');
    expect(termsOf('What is the limit on a company card?').compani.head).toBe('card');
    // "dress code" is one word to WordNet; "spending" is mostly the verb "spend"; a job is the last word.
    expect(termsOf('What is the dress code?').dress.head).toBeUndefined();
    expect(termsOf('What is the spending limit?').spend.head).toBeUndefined();
    expect(termsOf('Do I have to tell anyone about a side job?').job.head).toBeUndefined();
  });

  it('lets a passage that states a time answer a question beginning with "when"', () => {
    const terms = questionTermsOf('When is the change freeze?');
    const dated = coverageOf(terms, termSetOf('Between 15 December and 5 January there is a change freeze.'));
    const undated = coverageOf(terms, termSetOf('There is a change freeze.'));
    expect(dated.share).toBeGreaterThan(undated.share);
    expect(coverageOf(terms, termSetOf('The change freeze starts in October.')).share).toBeCloseTo(dated.share);
    // Inside a question "when" joins clauses and asks for no time.
    expect(questionTermsOf('What happens when a laptop is lost?').map((t) => t.term)).toEqual(questionTermsOf('What happens if a laptop is lost?').map((t) => t.term));
  });

  it('matches nothing for a text without the words', () => {
    expect(matchOf(termsOf('parking for staff').park, termSetOf('The canteen opens at noon.'))).toBe(0);
  });
});

describe('coverageOf', () => {
  it('weighs matches by the terms’ weights and counts topic words', () => {
    const terms = questionTermsOf("what's the deploy freeze rule?");
    const coverage = coverageOf(terms, termSetOf('Deployments are not allowed during the quarterly freeze.'));
    expect(coverage).toEqual({ share: 2 / 2.5, topicMatched: 2, topicTerms: 2 });
  });

  it('lets a missing modifier give way where the passage names its head itself', () => {
    const terms = questionTermsOf('Do I have to tell anyone about a side job?');
    expect(coverageOf(terms, termSetOf('Declare any outside job to your manager.'))).toEqual({ share: 1 / 1.5, topicMatched: 1, topicTerms: 1 });
    // Found, the modifier counts fully.
    expect(coverageOf(terms, termSetOf('Declare a side job.'))).toEqual({ share: 1, topicMatched: 2, topicTerms: 2 });
    // A chain of modifiers gives way to the head they narrow.
    expect(coverageOf(questionTermsOf('holiday code freeze'), termSetOf('There is a change freeze.')).topicTerms).toBe(1);
  });

  it('keeps a missing modifier at full weight where its head is matched only through a related word', () => {
    const terms = questionTermsOf('How much is a side job paid?');
    const job = terms.find((t) => t.term === 'job')!;
    const [relatedStem, related] = [...job.alternatives].find(([, a]) => a.kind === 'synonym')!;
    expect(relatedStem).toBeTruthy();
    const coverage = coverageOf(terms, termSetOf(`Every ${related.word} is paid.`));
    expect(coverage.topicTerms).toBe(3);
    expect(coverage.topicMatched).toBe(2);
  });

  it('is zero for a question without terms', () => {
    expect(coverageOf([], termSetOf('anything'))).toEqual({ share: 0, topicMatched: 0, topicTerms: 0 });
  });
});

describe('irregularFormsOf', () => {
  it('gives forms stemming cannot reach and leaves out regular ones', () => {
    expect(irregularFormsOf('keep')).toContain('kept');
    expect(irregularFormsOf('child')).toContain('children');
    expect(irregularFormsOf('held')).toContain('hold');
    expect(irregularFormsOf('claim')).toEqual([]);
  });
});
