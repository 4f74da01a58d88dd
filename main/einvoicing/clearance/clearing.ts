// Sending standard (B2B) documents to ZATCA's clearance. A standard invoice is handed over only once cleared, so
// the cashier asks at once (clearNow: the answer, or why there is none, within the client's timeout); documents
// nobody waits for — the cashier moved on, the till restarted, a replaced document whose fate ZATCA has not told
// — are sent in the background, oldest first, each with its own back-off, the identical bytes every time (ZATCA
// answers 409 "cleared earlier" to a repeat of one it cleared). One document at a time per key: a background
// send and the cashier's never race to settle the same one.
import type { ClearResult } from '../platform';
import type { ReportPayload } from '../reporting/answer';
import { retryDelayMs } from '../reporting/queue';
import type { ClearanceOutcome, ClearanceRecord, ClearanceStore } from './store';

export interface ClearingDeps {
  store: ClearanceStore;
  /** The platform with this till's credentials, or null while there are none. */
  clearer: () => ((payload: ReportPayload) => Promise<ClearResult>) | null;
  /** In the transaction that records ZATCA's answer: hand the invoice over, cancel a replaced one… */
  settledInTx: (record: ClearanceRecord, outcome: ClearanceOutcome, seq: number) => void;
  now?: () => Date;
  log?: { warn(message: string, detail?: unknown): void };
  /** The wait after the n-th failed try (default: the reporting queue's back-off). */
  retryDelayMs?: (attempts: number) => number;
}

/** The QR ZATCA put in its cleared copy (AdditionalDocumentReference QR), or null when it cannot be read. */
export function qrOfClearedXml(xml: string): string | null {
  const m = /<cbc:ID>QR<\/cbc:ID>\s*<cac:Attachment>\s*<cbc:EmbeddedDocumentBinaryObject[^>]*>([A-Za-z0-9+/=\s]+)<\/cbc:EmbeddedDocumentBinaryObject>/.exec(xml);
  return m ? m[1]!.replace(/\s+/g, '') : null;
}

function outcomeOf(result: ClearResult): ClearanceOutcome | null {
  switch (result.kind) {
    case 'cleared': {
      const xml = Buffer.from(result.clearedInvoice, 'base64');
      return { outcome: 'cleared', messages: result.warnings, clearedXml: xml, clearedQr: qrOfClearedXml(xml.toString('utf8')) };
    }
    case 'already-cleared':
      // Cleared by an earlier send whose answer was lost: ZATCA does not send its copy again; ours is kept.
      return { outcome: 'cleared', messages: [], clearedXml: null, clearedQr: null };
    case 'clearance-off':
      return { outcome: 'reported' };
    case 'rejected':
      return { outcome: 'rejected', messages: result.errors };
    default:
      return null;
  }
}

export function createClearing(deps: ClearingDeps) {
  const { store } = deps;
  const now = deps.now ?? (() => new Date());
  const backoff = deps.retryDelayMs ?? retryDelayMs;
  const inFlight = new Map<string, Promise<ClearanceRecord>>();

  const send = async (record: ClearanceRecord): Promise<ClearanceRecord> => {
    const clear = deps.clearer();
    if (!clear) return { ...record, lastError: 'this till has no ZATCA credentials to clear with' };
    const result = await clear(store.payload(record.egsId, record.icv));
    const at = now().toISOString();
    const outcome = outcomeOf(result);
    if (outcome) {
      store.settle(record, outcome, at, (seq) => deps.settledInTx(store.byKey(record.egsId, record.icv)!, outcome, seq));
      if (outcome.outcome === 'rejected') deps.log?.warn('standard e-invoice refused by ZATCA', { egsId: record.egsId, icv: record.icv, number: record.number, errors: outcome.messages });
    } else {
      const detail = result.kind === 'unauthorized' || result.kind === 'retry' ? result.detail : result.kind;
      const wait = result.kind === 'retry' && result.retryAfterMs !== null ? result.retryAfterMs : backoff(record.attempts + 1);
      store.retryLater(record, at, new Date(now().getTime() + wait).toISOString(), result.kind === 'unauthorized' ? `401: ${detail}` : detail);
    }
    return store.byKey(record.egsId, record.icv)!;
  };

  const once = (record: ClearanceRecord): Promise<ClearanceRecord> => {
    const key = `${record.egsId}#${record.icv}`;
    const running = inFlight.get(key);
    if (running) return running;
    const p = send(record).finally(() => inFlight.delete(key));
    inFlight.set(key, p);
    return p;
  };

  return {
    /** The cashier waits: one send now, whatever the back-off says; a send already in flight is shared. */
    clearNow(record: ClearanceRecord): Promise<ClearanceRecord> {
      if (record.settled) return Promise.resolve(record);
      return once(record);
    },
    /** The background round: what is due, oldest first; stops after three failures in a row (platform down). */
    async runDue(limit = 20): Promise<number> {
      let failures = 0;
      let sent = 0;
      for (const record of store.due(now().toISOString(), limit)) {
        const after = await once(record);
        sent += 1;
        failures = after.settled ? 0 : failures + 1;
        if (failures >= 3) break;
      }
      return sent;
    },
    idle: (): Promise<unknown> => Promise.allSettled([...inFlight.values()]),
  };
}
export type Clearing = ReturnType<typeof createClearing>;
