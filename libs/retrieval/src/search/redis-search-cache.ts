import { Injectable } from '@nestjs/common';
import { AppConfig, InjectRedis, type RedisClient } from '@app/platform';
import type { RetrievedChunk } from '../domain/retrieved-chunk';
import { CORPUS_VERSION_KEY } from '../indexing/redis-corpus-version';
import { SearchCache, type CachedSearch } from './search.ports';

const RESULT_PREFIX = 'retrieval:search:';

interface Entry {
  corpusVersion: string;
  chunks: RetrievedChunk[];
}

/**
 * Each entry holds the corpus version it was computed under, and ingestion bumps the version on
 * every write or delete, so one bump retires every entry at once: an entry from another version
 * than the one read is a miss. The version and the entry are two keys read side by side in one
 * round trip, not one script: on a Redis Cluster they live on different nodes, and a script may
 * only touch the keys it declares, all in one slot (a hash tag would put every entry on the
 * version's node).
 */
@Injectable()
export class RedisSearchCache extends SearchCache {
  private readonly ttlSeconds: number;

  constructor(
    @InjectRedis() private readonly redis: RedisClient,
    config: AppConfig,
  ) {
    super();
    this.ttlSeconds = config.get('RETRIEVAL_CACHE_TTL_SECONDS');
  }

  async lookup(key: string): Promise<CachedSearch> {
    const [version, raw] = await Promise.all([this.redis.get(CORPUS_VERSION_KEY), this.ttlSeconds > 0 ? this.redis.get(RESULT_PREFIX + key) : null]);
    const corpusVersion = version ?? '0';
    const entry = raw ? (JSON.parse(raw) as Entry) : null;
    return { corpusVersion, chunks: entry?.corpusVersion === corpusVersion ? entry.chunks : null };
  }

  async store(key: string, corpusVersion: string, chunks: RetrievedChunk[]): Promise<void> {
    if (this.ttlSeconds === 0) return;
    const entry: Entry = { corpusVersion, chunks };
    await this.redis.set(RESULT_PREFIX + key, JSON.stringify(entry), 'EX', this.ttlSeconds);
  }
}
