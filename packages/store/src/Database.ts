/** Anything that can run a parameterised SQL statement: a database or an open transaction. */
export interface Queryable {
  /** Runs one statement with `$1…$n` parameters and returns its rows. */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
}

/** The driver-independent database handle. Both drivers speak the same PostgreSQL dialect. */
export interface Database extends Queryable {
  readonly driver: 'pglite' | 'postgres';
  /**
   * Runs `fn` inside one transaction: committed when `fn` resolves, rolled back when it throws.
   * Writes that belong together go through here.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /** True when the database answers a trivial query. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
