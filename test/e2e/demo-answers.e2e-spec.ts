import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { ApiModule } from '../../apps/api/src/api.module';
import { configureHttpApp } from '@app/platform';
import { createMigratedDatabase } from './support/own-database';
import { SseReader } from './support/sse-client';
import { createSession, useTestEnvironment, type TestUser } from './support/test-app';
import { startWorker } from './support/test-worker';

// The demo organisation's documents, answered by the local providers (no key, no download) the way
// `npm run dev` serves them: Engineering's and People & Culture's files in their departments, the
// handbook for everyone.
const DEMO = path.resolve(__dirname, '../../demo/documents');
const NOT_FOUND = 'I could not find that in the documents.';

interface Expectation {
  as: 'alice' | 'bob';
  question: string;
  /** Every one of these must be in the answer; none of `absent`. */
  facts: string[];
  /** Exactly the files the answer cites. */
  cites: string[];
  absent?: RegExp[];
}

const ANSWERS: Expectation[] = [
  // The questions of issue 23, which used to be refused or padded with unrelated sentences.
  { as: 'alice', question: 'How many waves does the rollout have?', facts: ['three waves'], cites: ['deployment-runbook.md'] },
  {
    as: 'alice',
    question: 'Who is on call on weekends and how fast must they respond?',
    facts: ['Monday 09:00 to Monday 09:00', 'acknowledged within 15 minutes'],
    cites: ['on-call-policy.md'],
  },
  { as: 'alice', question: "what's the deploy freeze rule?", facts: ['Fridays after 14:00', 'quarterly freeze'], cites: ['deployment-runbook.md'] },
  { as: 'alice', question: 'Can I work from home?', facts: ['up to three days a week'], cites: ['company-handbook.txt'], absent: [/allowance/, /incident/] },
  { as: 'bob', question: 'How do I claim expenses?', facts: ['within 60 days'], cites: ['expense-policy.md'], absent: [/^How to claim/, /claim \[\d\]\./i] },
  // Others like them: reworded, compounds, synonyms.
  { as: 'alice', question: 'How long does a rollback take?', facts: ['about four minutes'], cites: ['deployment-runbook.md'] },
  { as: 'alice', question: 'What is the on-call allowance?', facts: ['300 euros per week'], cites: ['on-call-policy.md'] },
  { as: 'alice', question: 'When is the rotation published?', facts: ['six weeks ahead'], cites: ['on-call-policy.md'] },
  { as: 'bob', question: 'How many days of annual leave do I get?', facts: ['28 days'], cites: ['leave-policy.html'] },
  { as: 'bob', question: "Do I need a doctor's note when I'm ill?", facts: ['fourth consecutive day'], cites: ['leave-policy.html'] },
  { as: 'bob', question: 'What is the daily meal allowance when travelling?', facts: ['45 euros per day'], cites: ['expense-policy.md'] },
  { as: 'bob', question: 'What are the office hours?', facts: ['09:00 to 17:30'], cites: ['company-handbook.txt'] },
];

// Another department's facts, and things no demo document says.
const REFUSALS: Array<Pick<Expectation, 'as' | 'question'>> = [
  { as: 'bob', question: 'How many waves does the rollout have?' },
  { as: 'bob', question: 'How much is the on-call allowance?' },
  { as: 'alice', question: 'How many weeks of parental leave do parents get?' },
  { as: 'alice', question: 'Is there a gym in the office?' },
  { as: 'bob', question: 'Can I bring my dog to work?' },
];

jest.setTimeout(60_000);

// A database of its own: other suites upload documents for everyone into the shared one, and
// this suite is about what the demo organisation's documents alone answer.
const settings: Record<string, string> = {
  CHROMA_COLLECTION: `demo_${randomUUID().slice(0, 8)}`,
  STORAGE_DIR: path.join(process.env.TEST_DATA_DIR ?? '/tmp', `demo-blobs-${randomUUID().slice(0, 8)}`),
};

async function listen(): Promise<{ app: INestApplication; url: string }> {
  // Config is read while the module compiles; restore so this suite's database never reaches the next.
  const saved = { ...process.env };
  useTestEnvironment(settings);
  const moduleRef = await Test.createTestingModule({ imports: [ApiModule.forRoot()] })
    .compile()
    .finally(() => {
      process.env = saved;
    });
  const app = configureHttpApp(moduleRef.createNestApplication({ bufferLogs: true }));
  await app.listen(0, '127.0.0.1');
  return { app, url: `${await app.getUrl()}/api/v1` };
}

describe('answers over the demo documents (local providers)', () => {
  let api: { app: INestApplication; url: string };
  let worker: INestApplicationContext;
  const people: Record<'alice' | 'bob', TestUser> = {} as never;

  /** Uploads a demo folder as `scripts/dev.mjs` does (POST /files, then the worker) and waits until every file is ready. */
  async function load(admin: TestUser, folder: string, departmentId: string, visibility: 'department' | 'organization') {
    const http = request(api.app.getHttpServer());
    const ids: string[] = [];
    for (const name of readdirSync(path.join(DEMO, folder))) {
      const bytes = readFileSync(path.join(DEMO, folder, name));
      const { body } = await http.post('/api/v1/files').set(admin.auth).field('departmentId', departmentId).field('visibility', visibility).attach('file', bytes, name).expect(202);
      ids.push(body.id);
    }
    const deadline = Date.now() + 60_000;
    for (const id of ids) {
      for (;;) {
        const file = (await http.get(`/api/v1/files/${id}`).set(admin.auth).expect(200)).body;
        if (file.status === 'ready') break;
        if (file.status === 'failed' || Date.now() > deadline) throw new Error(`${file.filename} ended ${file.status}: ${JSON.stringify(file.error)}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }

  beforeAll(async () => {
    settings.DATABASE_URL = await createMigratedDatabase('demo');
    api = await listen();
    worker = await startWorker(settings);
    people.alice = await createSession(api.app, 'member');
    people.bob = await createSession(api.app, 'member');
    const admin = await createSession(api.app, 'admin', people.alice.departmentId);
    await load(admin, 'engineering', people.alice.departmentId, 'department');
    await load(admin, 'people', people.bob.departmentId, 'department');
    await load(admin, 'organization', people.alice.departmentId, 'organization');
  }, 120_000);
  afterAll(async () => {
    await worker?.close();
    await api?.app.close();
  });

  async function ask(as: 'alice' | 'bob', question: string) {
    const stream = await SseReader.post(`${api.url}/chat`, people[as].auth, { message: question });
    expect(stream.status).toBe(200);
    await stream.all();
    const answer = stream.events
      .filter((e) => e.event === 'token')
      .map((e) => e.data.text)
      .join('');
    const citations: Array<{ n: number; filename: string }> = stream.events.find((e) => e.event === 'citations')?.data.citations ?? [];
    return { answer, citations };
  }

  it.each(ANSWERS)('$as: "$question" is answered from $cites', async ({ as, question, facts, cites, absent = [] }) => {
    const { answer, citations } = await ask(as, question);
    for (const fact of facts) expect(answer).toContain(fact);
    for (const pattern of absent) expect(answer).not.toMatch(pattern);
    expect([...new Set(citations.map((c) => c.filename))].sort()).toEqual([...cites].sort());
    // Every quoted sentence carries a marker of a citation the answer lists.
    const markers = [...answer.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
    expect(markers.length).toBeGreaterThan(0);
    for (const n of markers) expect(citations.map((c) => c.n)).toContain(n);
  });

  it.each(REFUSALS)('$as: "$question" is refused with nothing cited', async ({ as, question }) => {
    const { answer, citations } = await ask(as, question);
    expect(answer).toBe(NOT_FOUND);
    expect(citations).toEqual([]);
  });
});
