import { RecordingAuditLog } from '@app/testing/audit';
import { RecordingIngestQueue } from '@app/testing/ingest';
import { ConfiguredEmbeddingModels, LocalHashedEmbeddings } from '@app/llm';
import type { Actor } from '@app/platform';
import { InlineTransactions } from '@app/testing/platform';
import { VectorSpaces, type VectorBuildStatus, type VectorSpaceInfo } from '@app/retrieval';
import { RequestReembed } from './request-reembed.command';
import { RequestReembedHandler } from './request-reembed.handler';

const actor: Actor = { userId: 'a0000000-0000-4000-8000-000000000001', role: 'admin', departmentId: 'd0000000-0000-4000-8000-000000000001' };

class OneBuildAtATime extends VectorSpaces {
  building: VectorSpaceInfo | null = null;
  async live(): Promise<VectorSpaceInfo> {
    return { id: 'live', collection: 'chunks', modelId: 'local-hashed-v1-d256', dimension: 256, state: 'live' };
  }
  async active() {
    return [await this.live(), ...(this.building ? [this.building] : [])];
  }
  async find() {
    return this.building;
  }
  async startBuilding(model: { modelId: string; dimension: number }) {
    if (this.building) return null;
    this.building = { id: `space-${model.modelId}`, collection: 'chunks_new', ...model, state: 'building' };
    return this.building;
  }
  async buildStatus(): Promise<VectorBuildStatus | null> {
    return this.building ? { status: 'running', model: this.building.modelId, total: 120, done: 30, startedAt: new Date(0), finishedAt: null, error: null } : null;
  }
  async complete() {
    return 'incomplete' as const;
  }
  async fail() {}
  async dropUnused() {
    return [];
  }
}

function setUp() {
  const spaces = new OneBuildAtATime();
  const queue = new RecordingIngestQueue();
  const models = new ConfiguredEmbeddingModels(new LocalHashedEmbeddings({ dimension: 128 }));
  const audit = new RecordingAuditLog();
  return { spaces, queue, audit, handler: new RequestReembedHandler(spaces, models, queue, new InlineTransactions(), audit) };
}

describe('RequestReembedHandler', () => {
  it('starts building the configured model beside the live vectors and queues the job that fills it', async () => {
    const { spaces, queue, handler } = setUp();
    const status = await handler.execute(new RequestReembed(actor));
    expect(status).toMatchObject({ status: 'running', model: 'local-hashed-v1-d128' });
    expect(spaces.building).toMatchObject({ modelId: 'local-hashed-v1-d128', dimension: 128 });
    expect(queue.reembeds).toEqual([spaces.building!.id]);
  });

  it('records who asked for the build, naming the space it fills', async () => {
    const { spaces, audit, handler } = setUp();
    await handler.execute(new RequestReembed(actor));
    expect(audit.records).toEqual([expect.objectContaining({ actorId: actor.userId, action: 'corpus.reembed_requested', target: { type: 'corpus', id: spaces.building!.id } })]);
  });

  it('refuses a department admin before anything is built, queued or recorded', async () => {
    const { spaces, queue, audit, handler } = setUp();
    await expect(handler.execute(new RequestReembed({ ...actor, role: 'department_admin' }))).rejects.toMatchObject({ code: 'admin_only' });
    expect([spaces.building, queue.reembeds.length, audit.records.length]).toEqual([null, 0, 0]);
  });

  it('refuses a second re-embed while one runs, naming its progress', async () => {
    const { queue, handler } = setUp();
    await handler.execute(new RequestReembed(actor));
    await expect(handler.execute(new RequestReembed(actor))).rejects.toMatchObject({ code: 'reembed_in_progress', kind: 'conflict', message: expect.stringContaining('30 of 120 chunks') });
    expect(queue.reembeds).toHaveLength(1);
  });

  it('answers even when the queue is down: the worker’s reconcile adds the job', async () => {
    const { queue, handler, spaces } = setUp();
    queue.down = true;
    expect(await handler.execute(new RequestReembed(actor))).toMatchObject({ status: 'running' });
    expect(spaces.building).not.toBeNull();
  });
});
