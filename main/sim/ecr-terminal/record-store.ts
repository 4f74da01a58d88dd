// The simulator's own record, optionally persisted to a JSON file after every change (write to a temp file, then
// rename), so a test can restart the till — or the simulator process itself — and the record survives.
import fs from 'node:fs';
import path from 'node:path';
import type { SimRecord } from './types';

export function emptyRecord(): SimRecord {
  return { transactions: [], purchaseFrames: {}, lastResponse: null, stan: 0 };
}

export function loadRecord(file: string | undefined): SimRecord {
  if (!file || !fs.existsSync(file)) return emptyRecord();
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<SimRecord>;
  return {
    transactions: Array.isArray(parsed.transactions) ? parsed.transactions : [],
    purchaseFrames: parsed.purchaseFrames && typeof parsed.purchaseFrames === 'object' ? parsed.purchaseFrames : {},
    lastResponse: Array.isArray(parsed.lastResponse) ? parsed.lastResponse : null,
    stan: typeof parsed.stan === 'number' ? parsed.stan : 0,
  };
}

export function saveRecord(file: string | undefined, record: SimRecord): void {
  if (!file) return;
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  fs.writeFileSync(tmp, JSON.stringify(record, null, 1));
  fs.renameSync(tmp, file);
}
