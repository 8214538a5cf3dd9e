import { EntityManager } from '@mikro-orm/postgresql';
import { ChromaClient } from 'chromadb';

// File ids travel as one JSON parameter, so a batch of any size is one statement.
const IDS = '(select jsonb_array_elements_text(?::jsonb)::uuid)';

/** How many of these files are in each status. */
export async function statusCounts(em: EntityManager, fileIds: string[]): Promise<Record<string, number>> {
  const rows = await em.getConnection().execute<Array<{ status: string; n: number }>>(`select status, count(*)::int as n from files where id in ${IDS} group by status`, [JSON.stringify(fileIds)]);
  return Object.fromEntries(rows.map((row) => [row.status, row.n]));
}

/**
 * Everything that breaks "each file is ready with exactly one copy of each chunk": per file, the
 * rows in PostgreSQL against its chunk_count (and chunk indexes 0..n-1 once each); across the
 * batch, the Chroma ids against the PostgreSQL ids; and the whole collection against every
 * file written to it, so a vector left over from a crash is found even under another file id.
 */
export async function chunkCopyProblems(em: EntityManager, collectionName: string, fileIds: string[], allFileIds = fileIds): Promise<string[]> {
  const connection = em.getConnection();
  const problems: string[] = [];
  const files = await connection.execute<Array<{ id: string; status: string; chunk_count: number; rows: number; indexes: number; max_index: number }>>(
    `select f.id, f.status, f.chunk_count, count(c.id)::int as rows, count(distinct c.chunk_index)::int as indexes,
            coalesce(max(c.chunk_index), -1)::int as max_index
     from files f left join chunks c on c.file_id = f.id where f.id in ${IDS} group by f.id`,
    [JSON.stringify(fileIds)],
  );
  if (files.length !== fileIds.length) problems.push(`${fileIds.length - files.length} file row(s) missing`);
  for (const file of files) {
    if (file.status !== 'ready') problems.push(`${file.id} is ${file.status}`);
    if (file.chunk_count < 1 || file.rows !== file.chunk_count || file.indexes !== file.chunk_count || file.max_index !== file.chunk_count - 1) {
      problems.push(`${file.id}: chunk_count ${file.chunk_count}, ${file.rows} row(s), ${file.indexes} distinct index(es), max index ${file.max_index}`);
    }
  }

  const rowIds = (await connection.execute<Array<{ id: string }>>(`select id from chunks where file_id in ${IDS}`, [JSON.stringify(fileIds)])).map((row) => row.id);
  const collection = await chromaCollection(collectionName);
  const vectorIds = await vectorIdsOf(collection, fileIds);
  const vectors = new Set(vectorIds);
  const rows = new Set(rowIds);
  if (vectors.size !== vectorIds.length) problems.push(`Chroma returned ${vectorIds.length - vectors.size} duplicate id(s)`);
  const missing = rowIds.filter((id) => !vectors.has(id));
  const extra = vectorIds.filter((id) => !rows.has(id));
  if (missing.length) problems.push(`${missing.length} chunk row(s) without a vector, e.g. ${missing[0]}`);
  if (extra.length) problems.push(`${extra.length} vector(s) without a chunk row, e.g. ${extra[0]}`);

  const [{ total }] = await connection.execute<Array<{ total: number }>>(`select count(*)::int as total from chunks where file_id in ${IDS}`, [JSON.stringify(allFileIds)]);
  const inCollection = await collection.count();
  if (inCollection !== total) problems.push(`the collection holds ${inCollection} vectors for ${total} chunk rows`);
  return problems;
}

type Collection = Awaited<ReturnType<ChromaClient['getCollection']>>;

function chromaCollection(name: string): Promise<Collection> {
  const url = new URL(process.env.CHROMA_URL!);
  return new ChromaClient({ host: url.hostname, port: Number(url.port) }).getCollection({ name });
}

async function vectorIdsOf(collection: Collection, fileIds: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await collection.get({ where: { fileId: { $in: fileIds } }, include: [], limit: 1000, offset });
    ids.push(...page.ids);
    if (page.ids.length < 1000) return ids;
  }
}
