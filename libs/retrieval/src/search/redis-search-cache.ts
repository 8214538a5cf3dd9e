import { Injectable } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AppConfig } from '@app/platform';
import type { RetrievedChunk } from '../domain/retrieved-chunk';
import { CORPUS_VERSION_KEY } from '../indexing/redis-corpus-version';
import { SearchCache, type CachedSearch } from './search.ports';

const RESULT_PREFIX = 'retrieval:search:';

// Ingestion bumps the corpus version on every write or delete, which retires every cached
// result at once. Reads the version and the entry under it in one round trip (the entry key is derived, so
// this is not cluster-safe; one Redis, or a hash tag, is assumed).
const lookupScript = `
local version = redis.call('GET', KEYS[1]) or '0'
return { version, redis.call('GET', ARGV[1] .. version .. ':' .. ARGV[2]) }
`;

@Injectable()
export class RedisSearchCache extends SearchCache {
  private readonly ttlSeconds: number;

  constructor(
    private readonly redis: Redis,
    config: AppConfig,
  ) {
    super();
    this.ttlSeconds = config.get('RETRIEVAL_CACHE_TTL_SECONDS');
  }

  async lookup(key: string): Promise<CachedSearch> {
    const [corpusVersion, raw] = (await this.redis.eval(lookupScript, 1, CORPUS_VERSION_KEY, RESULT_PREFIX, key)) as [string, string | null];
    return { corpusVersion, chunks: this.ttlSeconds > 0 && raw ? (JSON.parse(raw) as RetrievedChunk[]) : null };
  }

  async store(key: string, corpusVersion: string, chunks: RetrievedChunk[]): Promise<void> {
    if (this.ttlSeconds === 0) return;
    await this.redis.set(`${RESULT_PREFIX}${corpusVersion}:${key}`, JSON.stringify(chunks), 'EX', this.ttlSeconds);
  }
}
