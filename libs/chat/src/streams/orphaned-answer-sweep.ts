import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { MikroORM, RequestContext } from '@mikro-orm/core';
import { MessageRepository } from '@app/conversations';
import { StreamSlots } from '../chat.ports';

const SWEEP_EVERY_MS = 60_000;

/**
 * Marks answers left `streaming` by a process that died as `interrupted`. An answer whose
 * stream lease is still held belongs to a live process (maybe another one), so it is left
 * alone; that is what makes the sweep safe to run with several API processes.
 */
@Injectable()
export class OrphanedAnswerSweep implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OrphanedAnswerSweep.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly orm: MikroORM,
    private readonly messages: MessageRepository,
    private readonly slots: StreamSlots,
  ) {}

  async onApplicationBootstrap() {
    await this.sweep().catch((error: unknown) => this.logger.warn({ err: error }, 'start-up sweep failed'));
    this.timer = setInterval(() => void this.sweep().catch((error: unknown) => this.logger.warn({ err: error }, 'sweep failed')), SWEEP_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown() {
    if (this.timer) clearInterval(this.timer);
  }

  sweep(): Promise<number> {
    return RequestContext.create(this.orm.em, async () => {
      const streaming = await this.messages.listStreaming();
      const held = await Promise.all(streaming.map(({ userId, messageId }) => this.slots.isHeld(userId, messageId)));
      const orphans = streaming.filter((_, index) => !held[index]).map((s) => s.messageId);
      const swept = await this.messages.markInterrupted(orphans, new Date());
      if (swept > 0) this.logger.log(`marked ${swept} orphaned answer(s) interrupted`);
      return swept;
    });
  }
}
