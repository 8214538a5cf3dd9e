import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { InjectRedis, openSubscriber, type RedisClient } from '@app/platform';
import { StopSignals } from '../chat.ports';

const CHANNEL = 'chat:stop';

/**
 * Stop requests over Redis pub/sub. Every API process subscribes to one channel and stops the
 * answers it holds; stops are rare, so one shared channel beats a subscription per stream.
 */
@Injectable()
export class RedisStopSignals extends StopSignals implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(RedisStopSignals.name);
  private readonly listeners = new Map<string, () => void>();
  private subscriber: Redis | null = null;

  constructor(@InjectRedis() private readonly redis: RedisClient) {
    super();
  }

  async onModuleInit() {
    // A subscribed connection can do nothing else, so it is a connection of its own.
    this.subscriber = openSubscriber(this.redis, 'stop-signals');
    this.subscriber.on('message', (_channel: string, assistantMessageId: string) => this.listeners.get(assistantMessageId)?.());
    this.subscriber.on('error', (error) => this.logger.warn({ err: error }, 'stop signal subscriber error'));
    await this.subscriber.subscribe(CHANNEL);
  }

  async onApplicationShutdown() {
    await this.subscriber?.quit().catch(() => this.subscriber?.disconnect());
  }

  async request(assistantMessageId: string): Promise<void> {
    await this.redis.publish(CHANNEL, assistantMessageId);
  }

  listen(assistantMessageId: string, onStop: () => void): () => void {
    this.listeners.set(assistantMessageId, onStop);
    return () => {
      if (this.listeners.get(assistantMessageId) === onStop) this.listeners.delete(assistantMessageId);
    };
  }
}
