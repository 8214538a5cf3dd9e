// The floors the product's figures are read against: one PostgreSQL and one Redis round trip,
// and one Chroma query with nothing of ours around it.
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ChromaClient } from 'chromadb';
import pg from 'pg';
import { root } from '../lib/product.mjs';
import { summarize, timeSequential } from '../lib/stats.mjs';

const ROUND_TRIPS = 2000;
const CHROMA_QUERIES = 300;
const CHROMA_VECTORS = 5000;
const DIMENSION = 1024; // EMBEDDING_DIMENSION's default
const TOP_K = 24; // what the vector leg asks for at chat's limit of 8

export async function runFloors({ product, results, log }) {
  const { DATABASE_URL, REDIS_URL, CHROMA_URL } = product.env;

  log('floors: PostgreSQL SELECT 1');
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    const samples = summarize(await timeSequential(() => client.query('SELECT 1'), { count: ROUND_TRIPS }));
    results.set('floors.postgres.select1.p50Ms', samples.p50);
    results.set('floors.postgres.select1.p99Ms', samples.p99);
  } finally {
    await client.end();
  }

  log('floors: Redis PING');
  // The product's own connection (built into dist/ first), so the floor uses the product's transport.
  const { createRedisConnection } = createRequire(import.meta.url)(path.join(root, 'dist/libs/platform/src/redis/redis-connection.js'));
  const redis = createRedisConnection(REDIS_URL, { lazyConnect: true }, 'floors');
  await redis.connect();
  try {
    const samples = summarize(await timeSequential(() => redis.ping(), { count: ROUND_TRIPS }));
    results.set('floors.redis.ping.p50Ms', samples.p50);
    results.set('floors.redis.ping.p99Ms', samples.p99);
  } finally {
    redis.disconnect();
  }

  log(`floors: Chroma query over ${CHROMA_VECTORS} random vectors`);
  const samples = await chromaQueryFloor(CHROMA_URL);
  results.set('floors.chroma.query.p50Ms', samples.p50);
  results.set('floors.chroma.query.p99Ms', samples.p99);
}

async function chromaQueryFloor(chromaUrl) {
  const url = new URL(chromaUrl);
  const chroma = new ChromaClient({ host: url.hostname, port: Number(url.port), ssl: false });
  const name = `bench_floor_${randomUUID().slice(0, 8)}`;
  const collection = await chroma.createCollection({ name, embeddingFunction: null, configuration: { hnsw: { space: 'cosine' } } });
  try {
    const departments = [randomUUID(), randomUUID()];
    for (let start = 0; start < CHROMA_VECTORS; start += 500) {
      const ids = Array.from({ length: 500 }, (_, i) => String(start + i));
      await collection.add({
        ids,
        embeddings: ids.map(() => randomUnitVector()),
        metadatas: ids.map((_, i) => ({ departmentId: departments[i % 2], visibility: i % 3 ? 'department' : 'organization' })),
      });
    }
    // The same access filter the vector leg sends, so the floor is the query it really makes.
    const where = { $or: [{ visibility: 'organization' }, { departmentId: departments[0] }] };
    const queries = Array.from({ length: CHROMA_QUERIES }, () => randomUnitVector());
    return summarize(
      await timeSequential((i) => collection.query({ queryEmbeddings: [queries[i % queries.length]], nResults: TOP_K, where, include: ['distances'] }), {
        count: CHROMA_QUERIES,
      }),
    );
  } finally {
    await chroma.deleteCollection({ name }).catch(() => {});
  }
}

function randomUnitVector() {
  const vector = Array.from({ length: DIMENSION }, () => Math.random() - 0.5);
  const norm = Math.hypot(...vector);
  return vector.map((x) => x / norm);
}
