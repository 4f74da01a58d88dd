// A JSON column read back with the schema of what was written into it: a value damaged on disk (or edited by
// hand) is named as such — LEDGER_DAMAGED, with the table and column — instead of flowing on as a half-valid
// object into a receipt, a refund or a print job.
import type { z } from 'zod';
import { TillError } from '../errors';

export function parseJsonColumn<S extends z.ZodType>(schema: S, text: string, where: string): z.infer<S> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new TillError('LEDGER_DAMAGED', `${where}: not JSON`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new TillError('LEDGER_DAMAGED', `${where}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data;
}

/** The same for a nullable column. */
export const parseJsonColumnOrNull = <S extends z.ZodType>(schema: S, text: string | null, where: string): z.infer<S> | null =>
  text === null ? null : parseJsonColumn(schema, text, where);
