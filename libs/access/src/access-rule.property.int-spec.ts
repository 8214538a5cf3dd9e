import { Test } from '@nestjs/testing';
import type { INestApplicationContext } from '@nestjs/common';
import { MikroORM, RequestContext } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { DepartmentTree, inConversation, mayRead, readerScopeIn, scopeMayRead, type ReaderConversation } from '@app/kernel';
import { EmbeddingModel, LlmModule } from '@app/llm';
import { AppConfigModule, PlatformModule } from '@app/platform';
import { accessScopeOf, RetrievalModule } from '@app/retrieval';
import { indexGeneration } from '../../../test/e2e/support/index-generation';
import { createMigratedDatabase } from '../../../test/e2e/support/own-database';
import { useTestEnvironment } from '../../../test/e2e/support/test-app';
import { memberReader, MikroOrmFileRepository, StoredFileSchema } from '@app/testing/files';
import { ChunkStore, FullTextLeg, VectorLeg } from '@app/testing/retrieval';
import { AccessModule } from './access.module';
import { AccessDirectory } from './access.ports';

interface World {
  /** Each department's parent, by index: only earlier departments, so the tree has no cycle. */
  parents: Array<number | null>;
  users: number[];
  /**
   * An attachment (`conversation`) belongs to one of three conversations, the k-th owned by the
   * (k mod users)-th user; `foreignOwner` gives it an owner other than the conversation's.
   */
  files: Array<{ department: number; visibility: 'department' | 'organization' | 'conversation'; conversation: number; foreignOwner: boolean }>;
}

const CONVERSATIONS = 3;

const world: fc.Arbitrary<World> = fc.integer({ min: 1, max: 7 }).chain((count) =>
  fc.record({
    parents: fc.tuple(...Array.from({ length: count }, (_, i) => (i === 0 ? fc.constant(null) : fc.option(fc.nat(i - 1), { nil: null })))),
    users: fc.array(fc.nat(count - 1), { minLength: 1, maxLength: 5 }),
    files: fc.array(
      fc.record({
        department: fc.nat(count - 1),
        visibility: fc.constantFrom('department' as const, 'organization' as const, 'conversation' as const),
        conversation: fc.nat(CONVERSATIONS - 1),
        foreignOwner: fc.boolean(),
      }),
      { minLength: 1, maxLength: 8 },
    ),
  }),
);

/**
 * The reading rule is declared once (kernel) and compiled to SQL (the full-text leg, the vector
 * leg's id check, the file registry) and to a Chroma filter. For generated trees, users and files,
 * every compiled form, run on the real PostgreSQL and Chroma with the reader's scope as the tree
 * query resolves it, admits exactly the (user, file) pairs the rule does, computed from the
 * document's side (its department's subtree) rather than the reader's. Each reader reads outside
 * any conversation, and inside every conversation (their own, and others' named as if theirs):
 * attachments are admitted only to their owner in their conversation.
 */
describe('the reading rule and its compiled forms admit the same pairs', () => {
  let app: INestApplicationContext;
  let em: EntityManager;
  const inContext = <T>(work: () => Promise<T>) => RequestContext.create(app.get(MikroORM).em, work);

  beforeAll(async () => {
    const databaseUrl = await createMigratedDatabase('access_rule');
    useTestEnvironment({ DATABASE_URL: databaseUrl, CHROMA_COLLECTION: `access_rule_${randomUUID().slice(0, 8)}`, EMBEDDING_DIMENSION: '64', RETRIEVAL_CACHE_TTL_SECONDS: '0' });
    const moduleRef = await Test.createTestingModule({
      imports: [AppConfigModule.forRoot(), PlatformModule, LlmModule, RetrievalModule, AccessModule, MikroOrmModule.forFeature([StoredFileSchema])],
      providers: [MikroOrmFileRepository],
    }).compile();
    app = await moduleRef.init();
    em = app.get(EntityManager);
  });
  afterAll(() => app?.close());

  async function build(generated: World) {
    // A word only this run's chunks hold, so the full-text leg finds them and nothing else.
    const token = `quokka${randomUUID()
      .replace(/[^a-f]/g, '')
      .slice(0, 10)}`;
    const departments = generated.parents.map(() => randomUUID());
    const nodes = generated.parents.map((parent, i) => ({ id: departments[i], parentId: parent === null ? null : departments[parent] }));
    for (const node of nodes) await em.getConnection().execute('insert into departments (id, name, parent_id, created_at) values (?, ?, ?, now())', [node.id, node.id, node.parentId]);
    const userIds = generated.users.map(() => randomUUID());
    const conversations = Array.from({ length: CONVERSATIONS }, (_, k) => ({ id: randomUUID(), ownerId: userIds[k % userIds.length] }));
    const files = generated.files.map((file) => {
      const attachment = file.visibility === 'conversation' ? conversations[file.conversation] : null;
      const ownerId = attachment && !file.foreignOwner ? attachment.ownerId : randomUUID();
      return { id: randomUUID(), chunkId: randomUUID(), departmentId: departments[file.department], visibility: file.visibility, conversationId: attachment?.id ?? null, ownerId };
    });
    const vectors = await app.get(EmbeddingModel).embedDocuments(files.map(() => `${token} field notes`));
    for (const [i, file] of files.entries()) {
      await em.getConnection().execute(
        `insert into files (id, filename, mime_type, size_bytes, sha256, department_id, visibility, conversation_id, status, storage_key, uploaded_by, created_at, updated_at)
         values (?, ?, 'text/plain', 1, ?, ?, ?, ?, 'ready', 'k', ?, now(), now())`,
        [file.id, `${file.id}.txt`, randomUUID(), file.departmentId, file.visibility, file.conversationId, file.ownerId],
      );
      await indexGeneration(app, file, [{ id: file.chunkId, index: 0, text: `${token} field notes`, page: null, headingPath: [] }], { vectorOf: () => vectors[i] });
    }
    const users = generated.users.map((i, u) => ({ departmentId: departments[i], userId: userIds[u] }));
    return { token, nodes, files, users, conversations };
  }

  it('for every reader and every file', async () => {
    await fc.assert(
      fc.asyncProperty(world, async (generated) => {
        const { token, nodes, files, users, conversations } = await build(generated);
        const tree = new DepartmentTree(nodes);
        const byChunk = new Map<string, string>(files.map((file) => [file.chunkId, file.id]));
        const ours = (ids: Iterable<string>) => new Set([...ids].filter((id) => files.some((file) => file.id === id)));
        const readings = users.flatMap((user) => [
          { ...user, conversation: undefined as ReaderConversation | undefined },
          ...conversations.map((conversation) => ({ ...user, conversation: { id: conversation.id, ownerId: user.userId } })),
        ]);
        for (const { departmentId: readerDepartment, conversation } of readings) {
          const expected = new Set(files.filter((file) => mayRead(tree, readerDepartment, file, conversation)).map((file) => file.id));
          const inTree = await app.get(AccessDirectory).readerScopeOf(readerDepartment);
          const reader = conversation ? inConversation(inTree, conversation) : inTree;
          const scope = accessScopeOf(reader);

          const fromTree = readerScopeIn(tree, readerDepartment);
          const fromScope = new Set(files.filter((file) => scopeMayRead(conversation ? inConversation(fromTree, conversation) : fromTree, file)).map((file) => file.id));
          const fullText = ours((await inContext(() => app.get(FullTextLeg).search(token, scope, 100))).map((chunk) => chunk.fileId));
          const idCheck = ours((await inContext(() => app.get(ChunkStore).readableIds([...byChunk.keys()], scope))).map((id) => byChunk.get(id)!));
          const vectorQuery = await inContext(() => app.get(VectorLeg).prepare(`${token} field notes`));
          const chroma = ours((await vectorQuery.nearest(1_000, scope)).map((id) => byChunk.get(id) ?? ''));
          const registry = ours((await inContext(() => app.get(MikroOrmFileRepository).listVisible(memberReader(reader), {}, 100, null))).map((file) => file.id));

          const forms = { fromScope, fullText, idCheck, chroma, registry };
          for (const [form, admitted] of Object.entries(forms)) {
            if ([...admitted].sort().join() !== [...expected].sort().join()) {
              throw new Error(
                `${form} admits ${[...admitted].length} of the files the rule admits ${[...expected].length} of, for a reader in ${readerDepartment}${conversation ? ` in conversation ${conversation.id}` : ''}`,
              );
            }
          }
        }
      }),
      { numRuns: 25 },
    );
    // Twenty-five worlds, each indexed as ingestion does (write, then publish, a generation per file).
  }, 300_000);
});
