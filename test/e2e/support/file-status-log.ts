import type { Redis } from 'ioredis';
import { createRedisConnection, openSubscriber, type RedisClient } from '@app/platform';

/**
 * Listens to every file's events (the registry's Redis pub/sub) and keeps each file's status
 * transitions, so a test can tell a file that reached `ready` once from one that was taken up
 * again afterwards. ioredis resubscribes by itself when Redis comes back after a restart.
 */
export class FileStatusLog {
  private readonly statuses = new Map<string, string[]>();
  private readonly client: RedisClient;
  private readonly subscriber: Redis;

  private constructor(redisUrl: string) {
    this.client = createRedisConnection(redisUrl, { lazyConnect: true }, 'file-status-log');
    this.subscriber = openSubscriber(this.client, 'file-status-log');
    this.subscriber.on('pmessage', (_pattern: string, _channel: string, message: string) => {
      const { id, status } = JSON.parse(message) as { id: string; status: string };
      const seen = this.statuses.get(id) ?? [];
      if (seen.at(-1) !== status) seen.push(status);
      this.statuses.set(id, seen);
    });
  }

  static async listen(redisUrl: string): Promise<FileStatusLog> {
    const log = new FileStatusLog(redisUrl);
    await log.subscriber.psubscribe('files:events:*');
    return log;
  }

  /** The statuses a file went through, in order, as its events announced them. */
  history(fileId: string): string[] {
    return [...(this.statuses.get(fileId) ?? [])];
  }

  /**
   * Waits until a file's events have announced `status`: the record can be read as changed
   * before its event reaches this subscriber.
   */
  async reached(fileId: string, status: string, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.history(fileId).includes(status)) {
      if (Date.now() > deadline) throw new Error(`no ${status} event for file ${fileId} within ${timeoutMs} ms (saw ${this.history(fileId).join(' → ') || 'none'})`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Files that left `ready` again, with the statuses they went through. */
  reopened(fileIds: string[]): string[] {
    return fileIds.flatMap((id) => {
      const seen = this.statuses.get(id) ?? [];
      const firstReady = seen.indexOf('ready');
      return firstReady >= 0 && firstReady < seen.length - 1 ? [`${id}: ${seen.join(' → ')}`] : [];
    });
  }

  close(): void {
    this.subscriber.disconnect();
    this.client.disconnect();
  }
}
