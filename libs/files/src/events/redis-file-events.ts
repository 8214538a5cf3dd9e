import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { InjectRedis, openSubscriber, type RedisClient } from '@app/platform';
import type { FileView } from '../domain/file-view';
import { FileEvents } from '../files.ports';

const channelOf = (fileId: string) => `files:events:${fileId}`;

/**
 * Redis pub/sub: whichever process changes a file publishes its view, and whichever API
 * process holds the client's stream receives it. One subscriber connection per process,
 * opened on first use, fans messages out to local listeners.
 */
@Injectable()
export class RedisFileEvents extends FileEvents implements OnApplicationShutdown {
  private readonly logger = new Logger(RedisFileEvents.name);
  private subscriber: Redis | null = null;
  private readonly listeners = new Map<string, Set<(view: FileView) => void>>();

  constructor(@InjectRedis() private readonly redis: RedisClient) {
    super();
  }

  publish(view: FileView): void {
    this.redis.publish(channelOf(view.id), JSON.stringify(view)).catch((error: Error) => this.logger.warn(`File event for ${view.id} not sent: ${error.message}`));
  }

  async subscribe(fileId: string, listener: (view: FileView) => void): Promise<() => Promise<void>> {
    const subscriber = this.connect();
    const channel = channelOf(fileId);
    let listeners = this.listeners.get(channel);
    if (!listeners) {
      listeners = new Set();
      this.listeners.set(channel, listeners);
      await subscriber.subscribe(channel);
    }
    listeners.add(listener);
    return async () => {
      listeners.delete(listener);
      if (listeners.size === 0 && this.listeners.get(channel) === listeners) {
        this.listeners.delete(channel);
        await subscriber.unsubscribe(channel).catch(() => undefined);
      }
    };
  }

  private connect(): Redis {
    if (this.subscriber) return this.subscriber;
    const subscriber = openSubscriber(this.redis, 'file-events');
    subscriber.on('error', (error: Error) => this.logger.warn(`File events subscriber: ${error.message}`));
    subscriber.on('message', (channel: string, message: string) => {
      const listeners = this.listeners.get(channel);
      if (!listeners) return;
      try {
        const view = JSON.parse(message) as FileView;
        for (const listener of listeners) listener(view);
      } catch (error) {
        this.logger.warn(`Dropped a malformed file event: ${(error as Error).message}`);
      }
    });
    subscriber.on('error', (error) => this.logger.warn(`File events connection: ${error.message}`));
    this.subscriber = subscriber;
    return subscriber;
  }

  async onApplicationShutdown() {
    await this.subscriber?.quit().catch(() => this.subscriber?.disconnect());
  }
}
