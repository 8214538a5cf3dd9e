import { routeQuestion } from './route-question';

describe('routeQuestion', () => {
  it.each(['Hello!', 'hi there', 'Thanks a lot!', 'Thank you, bye', 'Good morning', 'How are you?', 'ok cool', 'Who are you?'])('answers small talk "%s" without documents', (question) => {
    expect(routeQuestion(question)).toBe('none');
  });

  it.each(['What is the travel policy?', 'Hi, how many vacation days do I get?', 'Thanks! And who approves expenses?', 'latest onboarding checklist'])(
    'sends the question "%s" to the documents',
    (question) => {
      expect(routeQuestion(question, { webSearchEnabled: true })).toBe('documents');
    },
  );

  it('sends a current-events question to the web when web search is enabled', () => {
    expect(routeQuestion("What's in the news today about interest rates?", { webSearchEnabled: true })).toBe('web');
  });

  it('keeps a current-events question on the documents when web search is disabled', () => {
    expect(routeQuestion("What's in the news today about interest rates?")).toBe('documents');
  });

  it('treats an empty question as small talk', () => {
    expect(routeQuestion('   ')).toBe('none');
  });
});
