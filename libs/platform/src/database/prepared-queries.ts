import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';

interface Result<Row> {
  rows: Row[];
  rowCount: number | null;
}

interface Statement {
  name: string;
  text: string;
}

export interface QueryOptions {
  /**
   * Plan each call for its own values instead of letting PostgreSQL settle on a generic plan.
   * A generic plan is made once per connection, after five calls, for the table as it is then,
   * and kept until the next ANALYZE: one made while a table was small may pick an index that
   * turns into a scan of thousands of rows as a bulk load grows it. For cheap-to-plan
   * statements on tables that change shape within seconds.
   */
  planEachCall?: boolean;
}

/**
 * Hot statements as named prepared statements on MikroORM's connection pool. MikroORM's
 * `execute` writes the parameters into the SQL text, so PostgreSQL parses and plans every call
 * afresh, a fair share of a short query's time. A named statement is parsed once per
 * connection and its plan may be reused. SQL is written with `?` placeholders, as for
 * MikroORM; arrays travel as PostgreSQL arrays, so write `?::uuid[]`, not `array[?]`. Not for
 * statements inside a transaction: the pool lends any connection. With `planEachCall` the
 * statement goes unnamed, so it is parsed and planned with each call's values.
 */
@Injectable()
export class PreparedQueries {
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly em: EntityManager) {}

  async rows<Row extends object>(sql: string, params: readonly unknown[], options: QueryOptions = {}): Promise<Row[]> {
    return (await this.run<Row>(sql, params, options)).rows;
  }

  /** For a statement that returns no rows: how many it inserted, updated or deleted. */
  async rowCount(sql: string, params: readonly unknown[], options: QueryOptions = {}): Promise<number> {
    return (await this.run(sql, params, options)).rowCount ?? 0;
  }

  private async run<Row extends object>(sql: string, params: readonly unknown[], { planEachCall = false }: QueryOptions): Promise<Result<Row>> {
    const pool = await this.em.getConnection().getNativeClient();
    const { name, text } = this.statementOf(sql);
    return (await pool.query({ name: planEachCall ? undefined : name, text, values: [...params] })) as Result<Row>;
  }

  private statementOf(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      let position = 0;
      const text = sql.replace(/\?/g, () => `$${++position}`);
      // One name per text: a connection refuses a name it knows with another text.
      statement = { name: `q_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`, text };
      this.statements.set(sql, statement);
    }
    return statement;
  }
}
