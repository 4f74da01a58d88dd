// A connector whose every answer the test releases by hand: races the real terminal can produce but not on cue,
// over the real payment service, checkout and SQLite ledger (test/support/payments-rig.ts).
import type { InquiryOutcome, PaymentConnector, TerminalOutcome, TerminalRecord } from '../../main/payments/connector';

export interface Deferred<T> {
  promise: Promise<T>;
  resolve(v: T): void;
}

export const deferred = <T>(): Deferred<T> => {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
};

export const tick = (ms = 20) => new Promise((r) => setTimeout(r, ms));

/** An approval record as a mada terminal returns it. */
export const approval = (reference: string, amountHalalas: number, rrn = '123456789012'): TerminalRecord => ({
  reference,
  responseCode: '000',
  approved: true,
  amountHalalas,
  scheme: 'MADA',
  schemeLabel: 'mada',
  wallet: null,
  verification: 'pin',
  entryMode: 'chip',
  maskedPan: '440647******1234',
  authCode: 'A1B2C3',
  rrn,
  stan: '1',
  tid: 't',
  mid: 'm',
  at: new Date().toISOString(),
  texts: { en: '', ar: '' },
});

type Financial = 'purchase' | 'refund' | 'reverse';

export function scriptedTerminal() {
  const outcomes: Record<Financial, Deferred<TerminalOutcome>[]> = { purchase: [], refund: [], reverse: [] };
  const inquiries: Deferred<InquiryOutcome>[] = [];
  const calls: string[] = [];
  const outcome = (m: Financial) => {
    calls.push(m);
    const d = deferred<TerminalOutcome>();
    outcomes[m].push(d);
    return d.promise;
  };
  const connector: PaymentConnector = {
    protocol: 'mada-ecr',
    purchase: (_request, options) => {
      options?.onStage?.('sent');
      return outcome('purchase');
    },
    refund: () => outcome('refund'),
    reverse: () => outcome('reverse'),
    inquire: () => {
      calls.push('inquire');
      const d = deferred<InquiryOutcome>();
      inquiries.push(d);
      return d.promise;
    },
    settle: async () => ({ kind: 'unknown', detail: 'n/a' }),
    health: async () => ({ state: 'connected' }),
    close: async () => {},
  };
  return {
    connector,
    calls,
    /** The oldest unanswered request of that kind. */
    answer: (m: Financial) => {
      const d = outcomes[m].shift();
      if (!d) throw new Error(`no ${m} is waiting for an answer`);
      return d;
    },
    /** The oldest unanswered inquiry. */
    answerInquiry: () => {
      const d = inquiries.shift();
      if (!d) throw new Error('no inquiry is waiting for an answer');
      return d;
    },
    pendingInquiries: () => inquiries.length,
  };
}
