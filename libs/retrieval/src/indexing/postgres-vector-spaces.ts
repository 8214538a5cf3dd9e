import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { EmbeddingModels } from '@app/llm';
import { AppConfig, PreparedQueries } from '@app/platform';
import { buildStatusOf, type VectorBuildStatus, type VectorSpaceInfo } from '../domain/vector-space';
import { ChromaCollections } from './chroma-collections';
import { isUniqueViolation } from './sql-errors';
import { CorpusVersion, VectorSpaces } from './indexing.ports';

interface SpaceRow {
  id: string;
  collection: string;
  model_id: string;
  dimension: number;
  state: VectorSpaceInfo['state'];
}

interface BuildRow extends SpaceRow {
  total_chunks: number;
  done_chunks: number;
  error_code: string | null;
  error_message: string | null;
  created_at: Date;
  finished_at: Date | null;
}

const toInfo = (row: SpaceRow): VectorSpaceInfo => ({ id: row.id, collection: row.collection, modelId: row.model_id, dimension: row.dimension, state: row.state });

const COLUMNS = 'id, collection, model_id, dimension, state';
// Every search reads this, so it runs as a named prepared statement.
const LIVE = `select ${COLUMNS} from vector_spaces where base = ? and state = 'live'`;
// What `total` counts: the chunks search serves now.
const LIVE_CHUNKS = `select coalesce(sum(chunk_count), 0)::int from files where live_generation is not null and deleted_at is null`;
// Live files whose live generation the space does not hold yet.
const UNRECORDED = `
  select count(*)::int as missing from files f
   where f.live_generation is not null and f.deleted_at is null
     and not exists (select from vector_space_files v where v.space_id = ? and v.file_id = f.id and v.generation = f.live_generation)`;

/** Vector spaces of this deployment (CHROMA_COLLECTION is their base name) in PostgreSQL, with their Chroma collections. */
@Injectable()
export class PostgresVectorSpaces extends VectorSpaces {
  private readonly logger = new Logger(PostgresVectorSpaces.name);
  private readonly base: string;

  constructor(
    private readonly em: EntityManager,
    private readonly sql: PreparedQueries,
    private readonly chroma: ChromaCollections,
    private readonly models: EmbeddingModels,
    private readonly corpusVersion: CorpusVersion,
    config: AppConfig,
  ) {
    super();
    this.base = config.get('CHROMA_COLLECTION');
  }

  async live(): Promise<VectorSpaceInfo> {
    const [row] = await this.sql.rows<SpaceRow>(LIVE, [this.base]);
    return row ? toInfo(row) : this.adopt();
  }

  async active(): Promise<VectorSpaceInfo[]> {
    const live = await this.live();
    const building = await this.em.getConnection().execute<SpaceRow[]>(`select ${COLUMNS} from vector_spaces where base = ? and state = 'building'`, [this.base]);
    return [live, ...building.map(toInfo)];
  }

  async find(id: string): Promise<VectorSpaceInfo | null> {
    const [row] = await this.em.getConnection().execute<SpaceRow[]>(`select ${COLUMNS} from vector_spaces where id = ? and base = ?`, [id, this.base]);
    return row ? toInfo(row) : null;
  }

  async startBuilding(model: { modelId: string; dimension: number }): Promise<VectorSpaceInfo | null> {
    await this.live(); // the space to switch from is on record first
    const id = randomUUID();
    const collection = `${this.base}_${id.slice(0, 8)}`;
    // The collection exists before the row does: ingestion writes to every space it finds and
    // never creates a collection.
    await this.chroma.create(collection, model);
    try {
      await this.em.getConnection().execute(
        `insert into vector_spaces (id, base, collection, model_id, dimension, state, origin, total_chunks, created_at)
         values (?, ?, ?, ?, ?, 'building', 'reembed', (${LIVE_CHUNKS}), now())`,
        [id, this.base, collection, model.modelId, model.dimension],
      );
    } catch (error) {
      await this.chroma.drop(collection).catch(() => undefined);
      if (isUniqueViolation(error)) return null;
      throw error;
    }
    return { id, collection, modelId: model.modelId, dimension: model.dimension, state: 'building' };
  }

  async buildStatus(): Promise<VectorBuildStatus | null> {
    const [row] = await this.em.getConnection().execute<BuildRow[]>(
      `select ${COLUMNS}, total_chunks, done_chunks, error_code, error_message, created_at, finished_at
         from vector_spaces where base = ? and origin = 'reembed' order by created_at desc limit 1`,
      [this.base],
    );
    if (!row) return null;
    return {
      status: buildStatusOf(row.state),
      model: row.model_id,
      total: row.total_chunks,
      done: row.done_chunks,
      startedAt: new Date(row.created_at),
      finishedAt: row.finished_at ? new Date(row.finished_at) : null,
      error: row.error_code ? { code: row.error_code, message: row.error_message ?? '' } : null,
    };
  }

  async complete(spaceId: string): Promise<'switched' | 'incomplete' | 'not_building'> {
    const outcome = await this.em.fork().transactional(async (em) => {
      // Files first: this waits for writes in flight (a publish among them) and holds new ones
      // off until the switch commits, so no file goes live in the old space alone after the
      // count below. Then the space row, in a mode that lets those publishes' foreign key checks
      // on it through.
      await em.execute('lock table files in share mode', [], 'run');
      const [space] = await em.execute<Array<{ state: string }>>('select state from vector_spaces where id = ? for no key update', [spaceId]);
      if (space?.state !== 'building') return 'not_building' as const;
      const [{ missing }] = await em.execute<Array<{ missing: number }>>(UNRECORDED, [spaceId]);
      if (missing > 0) return 'incomplete' as const;
      await em.execute(`update vector_spaces set state = 'retired', finished_at = coalesce(finished_at, now()) where base = ? and state = 'live'`, [this.base], 'run');
      await em.execute(`update vector_spaces set state = 'live', finished_at = now(), total_chunks = (${LIVE_CHUNKS}), done_chunks = (${LIVE_CHUNKS}) where id = ?`, [spaceId], 'run');
      return 'switched' as const;
    });
    if (outcome === 'switched') await this.corpusVersion.bump();
    return outcome;
  }

  async fail(spaceId: string, { code, message }: { code: string; message: string }): Promise<void> {
    await this.em
      .getConnection()
      .execute(`update vector_spaces set state = 'failed', error_code = ?, error_message = ?, finished_at = now() where id = ? and state = 'building'`, [code, message.slice(0, 2000), spaceId], 'run');
    await this.dropUnused();
  }

  async dropUnused(): Promise<string[]> {
    const spaces = await this.em.getConnection().execute<SpaceRow[]>(`select ${COLUMNS} from vector_spaces where base = ? and state in ('retired', 'failed') and dropped_at is null`, [this.base]);
    for (const space of spaces) {
      await this.chroma.drop(space.collection);
      await this.em.getConnection().execute('delete from vector_space_files where space_id = ?', [space.id], 'run');
      await this.em.getConnection().execute('update vector_spaces set dropped_at = now() where id = ?', [space.id], 'run');
      this.logger.log(`Dropped the ${space.state} vector collection "${space.collection}" (${space.model_id})`);
    }
    return spaces.map((space) => space.collection);
  }

  /**
   * The collection searches used before spaces were recorded has the deployment's own name, and
   * its metadata says which model built it; a new deployment gets it created for the configured
   * model. Every process may race to do this: one row wins.
   */
  private async adopt(): Promise<VectorSpaceInfo> {
    const configured = this.models.configured;
    const recorded = await this.chroma.modelOf(this.base);
    const model = recorded?.modelId ? recorded : { modelId: configured.modelId, dimension: configured.dimension };
    if (!recorded) await this.chroma.create(this.base, model);
    await this.em.getConnection().execute(
      `insert into vector_spaces (id, base, collection, model_id, dimension, state, origin, created_at)
       values (?, ?, ?, ?, ?, 'live', 'adopted', now()) on conflict do nothing`,
      [randomUUID(), this.base, this.base, model.modelId, model.dimension],
      'run',
    );
    const [row] = await this.sql.rows<SpaceRow>(LIVE, [this.base]);
    if (!row) throw new Error(`No live vector space for "${this.base}" after adopting its collection`);
    return toInfo(row);
  }
}
