import { Injectable } from '@nestjs/common';
import { Redis } from 'ioredis';
import { CorpusVersion } from './indexing.ports';

export const CORPUS_VERSION_KEY = 'retrieval:corpus-version';

@Injectable()
export class RedisCorpusVersion extends CorpusVersion {
  constructor(private readonly redis: Redis) {
    super();
  }

  bump(): Promise<number> {
    return this.redis.incr(CORPUS_VERSION_KEY);
  }

  async current(): Promise<number> {
    return Number((await this.redis.get(CORPUS_VERSION_KEY)) ?? 0);
  }
}
