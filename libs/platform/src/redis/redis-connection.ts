import { Logger } from '@nestjs/common';
import { Redis, type RedisOptions } from 'ioredis';

/**
 * A Redis connection that reports outages once: ioredis reconnects by itself, and without an
 * error listener each failed attempt would print an "Unhandled error event".
 */
export function createRedisConnection(url: string, options: RedisOptions, name: string): Redis {
  const redis = url.startsWith('unix:') ? new Redis({ ...options, ...unixSocketOf(url) }) : new Redis(url, options);
  const logger = new Logger(`Redis:${name}`);
  let lastProblem = '';
  redis.on('error', (error: Error) => {
    if (error.message !== lastProblem) logger.warn(`Connection problem: ${error.message}`);
    lastProblem = error.message;
  });
  redis.on('ready', () => {
    if (lastProblem) logger.log('Connection restored');
    lastProblem = '';
  });
  return redis;
}

/** `unix:///path/to/redis.sock?db=1`, the form redis-py and others read, as ioredis options. */
function unixSocketOf(url: string): Pick<RedisOptions, 'path' | 'db'> {
  const { pathname, searchParams } = new URL(url);
  const db = searchParams.get('db');
  return { path: decodeURIComponent(pathname), ...(db ? { db: Number(db) } : {}) };
}
