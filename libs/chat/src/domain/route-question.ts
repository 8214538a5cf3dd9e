import { contentTermsOf } from '@app/kernel';
import type { AnswerRoute } from './agent-decisions.types';

// Phrases that make up small talk; a question made only of these needs no documents.
const SMALL_TALK = [
  /\b(hi|hello|hey|hiya|howdy|greetings|yo)\b/g,
  /\bgood (morning|afternoon|evening|day|night)\b/g,
  /\b(many )?(thanks|thank you|thank u|thx|ty|cheers|much appreciated|appreciate it)\b/g,
  /\b(bye|goodbye|see you|see ya|later)\b/g,
  /\bhow are (you|things)( doing)?( today)?\b/g,
  /\b(who|what) are you\b/g,
  /\bwhat can you do\b/g,
  /\b(ok|okay|great|cool|nice|awesome|perfect|sure|yes|no|got it|sounds good|lol)\b/g,
  /\b(a lot|so much|very much|again|there|everyone|all|folks|bot|assistant|mate|buddy)\b/g,
];

// Only things the organisation's documents cannot know; "latest policy" is still a document question.
const CURRENT_EVENTS = /\b(news|headlines?|weather|forecast|stock price|share price|exchange rate|today'?s|this week|yesterday|right now|current events|live score)\b/;

export interface RouteQuestionOptions {
  webSearchEnabled?: boolean;
}

/** The deterministic router of the local provider: small talk → none, current events → web (if enabled), else documents. */
export function routeQuestion(question: string, options: RouteQuestionOptions = {}): AnswerRoute {
  const normalised = question.toLowerCase().replace(/[’']/g, "'");
  let rest = normalised;
  for (const phrase of SMALL_TALK) rest = rest.replace(phrase, ' ');
  if (contentTermsOf(rest).length === 0) return 'none';
  if (options.webSearchEnabled && CURRENT_EVENTS.test(normalised)) return 'web';
  return 'documents';
}
