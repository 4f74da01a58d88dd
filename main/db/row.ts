// A table's row declared once, as a zod shape keyed by column name: the SELECT list, the TypeScript type and
// the check of what comes back from the disk all derive from it, so a column renamed in a migration, a value
// edited by hand or a state the code no longer knows is named as LEDGER_DAMAGED (with table and column) where it
// is read, not carried on into a receipt or a payment as a half-valid object.
import type { z } from 'zod';
import { TillError } from '../errors';
import type { Db } from './open';

export interface RowQuery<P extends unknown[], T> {
  get(...params: P): T | undefined;
  all(...params: P): T[];
  iterate(...params: P): IterableIterator<T>;
}

export interface TableRow<T> {
  readonly table: string;
  /** `a, b, c`: the columns the shape names, in its order. */
  readonly columns: string;
  parse(raw: unknown): T;
  /** `SELECT <the row's columns> FROM <its table> <rest>`, every row checked against the shape. */
  select<P extends unknown[] = []>(db: Db, rest: string): RowQuery<P, T>;
}

export type RowOf<R> = R extends TableRow<infer T> ? T : never;

export function tableRow<S extends z.ZodRawShape>(table: string, schema: z.ZodObject<S>): TableRow<z.infer<z.ZodObject<S>>> {
  type T = z.infer<z.ZodObject<S>>;
  const parse = (raw: unknown): T => {
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    throw new TillError('LEDGER_DAMAGED', `${table}.${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'invalid row'}`);
  };
  const columns = Object.keys(schema.shape).join(', ');
  return {
    table,
    columns,
    parse,
    select<P extends unknown[]>(db: Db, rest: string): RowQuery<P, T> {
      const statement = db.prepare<P, unknown>(`SELECT ${columns} FROM ${table} ${rest}`);
      return {
        get: (...params) => {
          const raw = statement.get(...params);
          return raw === undefined ? undefined : parse(raw);
        },
        all: (...params) => statement.all(...params).map(parse),
        *iterate(...params) {
          for (const raw of statement.iterate(...params)) yield parse(raw);
        },
      };
    },
  };
}
