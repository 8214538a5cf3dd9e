import { Injectable } from '@nestjs/common';
import { InjectRedis, type RedisClient } from '@app/platform';
import { CorpusVersion } from './indexing.ports';

export const CORPUS_VERSION_KEY = 'retrieval:corpus-version';

@Injectable()
export class RedisCorpusVersion extends CorpusVersion {
  constructor(@InjectRedis() private readonly redis: RedisClient) {
    super();
  }

  bump(): Promise<number> {
    return this.redis.incr(CORPUS_VERSION_KEY);
  }

  async current(): Promise<number> {
    return Number((await this.redis.get(CORPUS_VERSION_KEY)) ?? 0);
  }
}
