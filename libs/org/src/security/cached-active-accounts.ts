import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';
import { AppConfig, InjectRedis, openSubscriber, type RedisClient } from '@app/platform';
import { AccountStanding, ActiveAccounts, RefreshTokenRepository, UserRepository } from '../org.ports';
import { standingOf } from './account-standing';

const CHANGED_CHANNEL = 'org:account-changed';
const MAX_ACCOUNTS = 10_000;
/** A safety net only: changes reach every process at once through CHANGED_CHANNEL. */
const TTL_MS = 30_000;
const SUBSCRIBE_WAIT_MS = 2_000;

/**
 * Every authenticated request needs its caller's current role, department, status and ended
 * sessions. They are kept in memory per API process, and a change to an account or its
 * sessions is announced over Redis pub/sub so that every process forgets it before the change
 * is acknowledged. While the subscription is down a missed announcement could go unnoticed, so
 * nothing is cached then, and the cache is emptied whenever the subscription comes back.
 */
@Injectable()
export class CachedActiveAccounts extends ActiveAccounts implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(CachedActiveAccounts.name);
  private readonly standings = new LRUCache<string, { standing: AccountStanding | null }>({ max: MAX_ACCOUNTS, ttl: TTL_MS });
  private readonly accessTokenTtlMs: number;
  private subscriber: Redis | null = null;
  private listening = false;
  /** Bumped by every forgetting, so that a read racing a change never caches what it read. */
  private forgettings = 0;

  constructor(
    private readonly users: UserRepository,
    private readonly refreshTokens: RefreshTokenRepository,
    @InjectRedis() private readonly redis: RedisClient,
    config: AppConfig,
  ) {
    super();
    this.accessTokenTtlMs = config.get('JWT_ACCESS_TTL_SECONDS') * 1000;
  }

  async onModuleInit() {
    // A subscribed connection can do nothing else, so it is a connection of its own.
    this.subscriber = openSubscriber(this.redis, 'account-changes');
    this.subscriber.on('message', (_channel: string, userId: string) => this.forget(userId));
    this.subscriber.on('error', (error) => this.logger.warn({ err: error }, 'account change subscriber error'));
    this.subscriber.on('close', () => this.stopCaching());
    this.subscriber.on('ready', () => void this.resubscribe());
    // While Redis is unreachable a subscription waits for it without end, and the process (the
    // API, or the admin CLI) must start all the same, reading accounts on every request until
    // the subscription is up; a reachable Redis subscribes well within the wait.
    await Promise.race([this.resubscribe(), sleep(SUBSCRIBE_WAIT_MS, undefined, { ref: false })]);
  }

  async onApplicationShutdown() {
    this.stopCaching();
    const subscriber = this.subscriber;
    // A QUIT sent before the connection is up would wait for it, so only a live one gets it.
    if (subscriber?.status === 'ready') await subscriber.quit().catch(() => subscriber.disconnect());
    else subscriber?.disconnect();
  }

  async standingOf(userId: string): Promise<AccountStanding | null> {
    const cached = this.standings.get(userId);
    if (cached) return cached.standing;
    const forgettingsBefore = this.forgettings;
    const standing = await this.read(userId);
    if (this.listening && this.forgettings === forgettingsBefore) this.standings.set(userId, { standing });
    return standing;
  }

  async changed(userId: string): Promise<void> {
    this.forget(userId);
    await this.redis.publish(CHANGED_CHANNEL, userId);
  }

  private async read(userId: string): Promise<AccountStanding | null> {
    const user = await this.users.findById(userId);
    if (!user) return null;
    if (!user.isActive()) return standingOf(user, []);
    // A session ended earlier than one access-token lifetime ago has no unexpired token left.
    const ended = await this.refreshTokens.endedSessionsOf(userId, new Date(Date.now() - this.accessTokenTtlMs));
    return standingOf(user, ended);
  }

  private async resubscribe() {
    try {
      await this.subscriber?.subscribe(CHANGED_CHANNEL);
      this.forgetAll();
      this.listening = true;
    } catch (error) {
      this.logger.warn({ err: error }, 'could not subscribe to account changes; accounts are read on every request');
    }
  }

  private stopCaching() {
    this.listening = false;
    this.forgetAll();
  }

  private forget(userId: string) {
    this.forgettings++;
    this.standings.delete(userId);
  }

  private forgetAll() {
    this.forgettings++;
    this.standings.clear();
  }
}
