import fc from 'fast-check';
import type { TokenSettings } from './auth-headers';
import { errorCodeOf, problemsWith, sentRequestId } from './checks';
import { exchange, type Exchange, type ExchangeLimits } from './exchange';
import { fuzzCases, type FuzzCase } from './fuzz-case';
import type { FuzzPool } from './json-values';
import type { Operation } from './operations';
import type { FuzzSessions } from './sessions';

export interface FuzzSettings {
  /** Cases per operation. */
  runs: number;
  seed: number;
  /** Only the operations whose key contains this (`POST /api/v1/chat`). */
  only?: string;
  /** fast-check's replay path of a counterexample (with `seed` and `only`). */
  path?: string;
}

export interface FuzzTarget {
  baseUrl: string;
  sessions: FuzzSessions;
  tokens: TokenSettings;
  pool: FuzzPool;
  maxUploadBytes: number;
  limits: ExchangeLimits;
}

/** Settings from the environment: `npm run fuzz` sets them, `npm test` runs the defaults. */
export function fuzzSettingsFromEnv(env: NodeJS.ProcessEnv, defaults: { runs: number; seed: number }): FuzzSettings {
  const integer = (name: string, fallback: number) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    if (!/^-?\d+$/.test(raw)) throw new Error(`${name} must be an integer, got ${JSON.stringify(raw)}`);
    return Number(raw);
  };
  return { runs: integer('FUZZ_RUNS', defaults.runs), seed: integer('FUZZ_SEED', defaults.seed), only: env.FUZZ_ONLY || undefined, path: env.FUZZ_PATH || undefined };
}

/** Per operation: how many cases were sent and what they were answered. */
export class FuzzStats {
  private readonly byOperation = new Map<string, { cases: number; statuses: Map<string, number>; pastGuard: number; successes: number }>();

  record(operation: Operation, answer: Exchange) {
    const entry = this.byOperation.get(operation.key) ?? { cases: 0, statuses: new Map(), pastGuard: 0, successes: 0 };
    this.byOperation.set(operation.key, entry);
    entry.cases++;
    // A status with its error code (`400 validation_failed`), so a report shows what refused a case.
    const code = answer.outcome === 'answered' && answer.status >= 400 ? errorCodeOf(answer.text) : undefined;
    const outcome = answer.outcome === 'answered' ? `${answer.status}${code ? ` ${code}` : ''}` : answer.outcome;
    entry.statuses.set(outcome, (entry.statuses.get(outcome) ?? 0) + 1);
    if (answer.outcome !== 'answered') return;
    if (answer.status < 300) entry.successes++;
    // Answered by the route (its validation or its handler), not refused at the door.
    if (answer.status !== 401 && !/"code":"(admin_only|unauthenticated|session_ended|account_disabled)"/.test(answer.text)) entry.pastGuard++;
  }

  casesOf(operation: Operation) {
    return this.byOperation.get(operation.key)?.cases ?? 0;
  }

  pastGuardOf(operation: Operation) {
    return this.byOperation.get(operation.key)?.pastGuard ?? 0;
  }

  successesOf(operation: Operation) {
    return this.byOperation.get(operation.key)?.successes ?? 0;
  }

  /** `POST /api/v1/chat   30 cases  200×9, 400 validation_failed×12, …` */
  lineOf(operation: Operation): string {
    const entry = this.byOperation.get(operation.key);
    const statuses = [...(entry?.statuses ?? [])]
      .sort()
      .map(([s, n]) => `${s}×${n}`)
      .join(', ');
    return `${operation.key.padEnd(52)} ${String(entry?.cases ?? 0).padStart(5)} cases  ${statuses}`;
  }
}

/** Fuzzes one operation; answers the failure report, or null when every case kept the contract. */
export async function fuzzOperation(operation: Operation, target: FuzzTarget, settings: FuzzSettings, stats: FuzzStats): Promise<string | null> {
  const property = fc.asyncProperty(fuzzCases(operation, target.pool, target.maxUploadBytes), async (fuzzCase) => {
    const wire = fuzzCase.toWire(target.sessions, target.tokens);
    const answer = await exchange(target.baseUrl, wire, target.limits);
    stats.record(operation, answer);
    const accept = wire.headers.accept;
    const problems = problemsWith(operation, sentRequestId(wire.headers), answer, Array.isArray(accept) ? accept.join(', ') : accept);
    if (mayHaveChangedSessions(fuzzCase, answer)) await target.sessions.heal();
    if (problems.length > 0) throw new Error(`${problems.join('; ')}\n${describeAnswer(answer)}`);
  });
  const perCase = target.limits.answerMs + target.limits.streamMs + 5_000;
  const details = await fc.check(property, {
    seed: seedOf(settings.seed, operation),
    numRuns: settings.runs,
    ...(settings.path ? { path: settings.path, endOnFailure: true } : {}),
    plugins: [fc.timeout(perCase), fc.interruptAfterTimeLimit(Math.max(120_000, settings.runs * perCase))],
  });
  if (!details.failed) return null;
  const replay = `npm run fuzz -- --seed ${settings.seed} --only ${JSON.stringify(operation.key)} --path ${JSON.stringify(details.counterexamplePath ?? '')}`;
  const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  return [
    `${operation.key}: failed after ${details.numRuns} case(s), shrunk ${details.numShrinks} time(s) (seed ${settings.seed}, path ${details.counterexamplePath})`,
    `counterexample:\n${details.counterexample ? fc.stringify((details.counterexample as [FuzzCase])[0]) : '(interrupted before one was found)'}`,
    `problem: ${error}`,
    `replay: ${replay}`,
  ].join('\n');
}

/**
 * The seed of one operation's cases: the run's seed mixed with the operation's key (FNV-1a), so
 * operations do not all draw the same sequence of actors, headers and framings, and a replay with
 * `--only` draws what the full run drew.
 */
function seedOf(seed: number, operation: Operation): number {
  let hash = 0x811c9dc5 ^ (seed | 0);
  for (const char of operation.key) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193);
  return hash | 0;
}

/** A case that may have ended or changed one of the sessions: logouts, refreshes, user changes. */
function mayHaveChangedSessions(fuzzCase: FuzzCase, answer: Exchange): boolean {
  if (answer.outcome !== 'answered') return fuzzCase.operation.method !== 'GET';
  if (answer.status === 401) return fuzzCase.auth.kind === 'session';
  return fuzzCase.operation.method !== 'GET' && answer.status < 300;
}

function describeAnswer(answer: Exchange): string {
  if (answer.outcome !== 'answered') return `answer: ${answer.outcome}`;
  const headers = ['content-type', 'x-request-id'].map((name) => `${name}: ${JSON.stringify(answer.headers[name])}`).join(', ');
  const events = answer.events ? `, events: ${answer.events.map((e) => e.event).join(' ')}` : '';
  return `answer: ${answer.status} (${headers}${events}) ${JSON.stringify(answer.text.slice(0, 800))}`;
}
