// The backup verification worker's side (its bundle, dist/main/backup-verify-worker.cjs, is built from
// main/entry/backup-verify-worker.ts, which hands in the projections: only the composition root knows them).
// It checks the one file it was given, read-only, exactly as checkLedgerFile does on the till's thread, and
// posts the report or the error; then it has nothing left to do and ends.
import { parentPort, workerData } from 'node:worker_threads';
import type { ProjectionFactory } from '../ledger';
import { checkLedgerFile } from './check';
import { serializeVerifyError, type VerifyWorkerData, type VerifyWorkerMessage } from './verify-protocol';

export function serveLedgerCheck(projections: readonly ProjectionFactory[]): void {
  const port = parentPort;
  if (!port) throw new Error('backup-verify-worker must run as a worker thread');
  const { file } = workerData as VerifyWorkerData;
  const post = (message: VerifyWorkerMessage) => port.postMessage(message);
  post({ kind: 'started' });
  try {
    post({ kind: 'report', report: checkLedgerFile(file, projections) });
  } catch (e) {
    post({ kind: 'error', error: serializeVerifyError(e) });
  }
}
