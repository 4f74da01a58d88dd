// The simulated mada terminal's brain: it decides outcomes (default approve, or the next scripted behaviour), keeps
// its own record of transactions and answers repeat-last (C2), check-status (C3), reversal (A5) and settlement (B1)
// from that record. The wire protocol (ACK/NAK, faults) lives in session.ts.
import { formatEcrDateTime } from '../../payments/ecr';
import type { DecodedRequest, EcrCommand, EcrRequest } from '../../payments/ecr';
import type { SignatureProvider } from '../../payments/ecr';
import { loadRecord, saveRecord } from './record-store';
import {
  DEFAULT_MERCHANT,
  formatErrorFields,
  noDataFields,
  schemeLabelOf,
  repeatFields,
  settlementFields,
  statusFields,
  transactionFields,
  type MerchantProfile,
  type TransactionAnswer,
} from './responses';
import type { Behaviour, SimCard, SimRecord, SimTransaction } from './types';

const FINANCIAL: readonly EcrCommand[] = ['A1', 'A6', 'A5'];

export interface TerminalOptions {
  recordFile?: string;
  merchant?: Partial<MerchantProfile>;
  /** When set, requests whose signature does not match are answered with a format error (904). */
  verifySignature?: SignatureProvider;
  now?: () => Date;
}

export type TerminalEvent =
  | { event: 'transaction'; transaction: SimTransaction }
  | { event: 'request'; command: string; ecrRef: string | null };

export class SimulatedTerminal {
  readonly record: SimRecord;
  readonly merchant: MerchantProfile;
  /** True while a transaction is being processed: every other request is answered BUSY. */
  busy = false;
  /** Every request accepted (after ACK), in order; not persisted. */
  readonly requests: Array<{ command: string; ecrRef: string | null }> = [];
  private readonly queue: Behaviour[] = [];
  private readonly listeners = new Set<(e: TerminalEvent) => void>();
  private readonly now: () => Date;

  constructor(private readonly options: TerminalOptions = {}) {
    this.record = loadRecord(options.recordFile);
    this.merchant = { ...DEFAULT_MERCHANT, ...options.merchant };
    this.now = options.now ?? (() => new Date());
  }

  script(...behaviours: Behaviour[]): void {
    this.queue.push(...behaviours.map((b) => ({ ...b })));
  }

  clearScript(): void {
    this.queue.length = 0;
  }

  pendingScript(): readonly Behaviour[] {
    return this.queue;
  }

  subscribe(listener: (e: TerminalEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The next scripted behaviour for this command, without consuming it. */
  peek(command: string): Behaviour | undefined {
    return this.queue.find((b) => (b.commands ?? FINANCIAL).includes(command as EcrCommand));
  }

  consume(behaviour: Behaviour | undefined): void {
    if (!behaviour) return;
    const i = this.queue.indexOf(behaviour);
    if (i >= 0) this.queue.splice(i, 1);
  }

  noteRequest(command: string, request: EcrRequest | null): void {
    const ecrRef = request && 'ecrRef' in request ? request.ecrRef : null;
    this.requests.push({ command, ecrRef });
    if (request?.command === 'A1') {
      this.record.purchaseFrames[request.ecrRef] = (this.record.purchaseFrames[request.ecrRef] ?? 0) + 1;
      this.save();
    }
    this.emit({ event: 'request', command, ecrRef });
  }

  purchaseFrames(ecrRef: string): number {
    return this.record.purchaseFrames[ecrRef] ?? 0;
  }

  transactions(): readonly SimTransaction[] {
    return this.record.transactions;
  }

  find(ecrRef: string): SimTransaction | undefined {
    return this.record.transactions.find((t) => t.ecrRef === ecrRef);
  }

  /**
   * A purchase keyed on the terminal's own keypad, not sent by the till (the cashier charged a card while the ECR
   * link was down): approved and in the batch, with no ECR reference, so the till's ledger never hears of it. The
   * settlement then holds one more than the ledger: how a terminal mismatch at closing arises at a real shop.
   */
  keyedPurchase(amountHalalas: number, card: SimCard = 'mada'): SimTransaction {
    if (!Number.isInteger(amountHalalas) || amountHalalas <= 0) throw new Error('keyed purchase: amountHalalas must be a positive integer');
    this.commit('purchase', 'A1', '', { code: '000', message: 'APPROVED', amount: amountHalalas }, card, {}, formatEcrDateTime(this.now()));
    // It is the terminal's last transaction now (C2 and C3 answer with it, as the device would): no ECR
    // reference, so the till can never take it for one of its own intents.
    return this.record.transactions.at(-1)!;
  }

  /** Decides and records; returns the answer's fields ([0] '' … as splitFrame reads them). */
  process(decoded: DecodedRequest, behaviour: Behaviour = {}): string[] {
    const { request } = decoded;
    if (!this.signatureOk(decoded)) return formatErrorFields(request.command);
    const datetime = formatEcrDateTime(this.now());
    switch (request.command) {
      case 'A1':
        return this.purchase(request, behaviour, datetime);
      case 'A6':
        return this.refund(request, behaviour, datetime);
      case 'A5':
        return this.reversal(request, behaviour, datetime);
      case 'B1':
        return this.settle(request.ecrRef, behaviour, datetime);
      case 'C2':
        return repeatFields(this.record.lastResponse);
      case 'C3': {
        const last = this.record.transactions.at(-1);
        if (!last) return noDataFields('C3');
        return statusFields(last.responseCode, messageOf(last), last.datetime, last.ecrRef);
      }
      case 'A0':
        return ['', 'A0', '000', 'REGISTERED'];
    }
  }

  private signatureOk({ request, signature }: DecodedRequest): boolean {
    const provider = this.options.verifySignature;
    if (!provider || signature === null || !('ecrRef' in request)) return true;
    const amount = 'amountHalalas' in request ? String(request.amountHalalas).padStart(12, '0') : '';
    return provider.sign({ command: request.command, ecrRef: request.ecrRef, amount, datetime: request.datetime }) === signature;
  }

  private nextStan(): string {
    this.record.stan = (this.record.stan % 999_999) + 1;
    return String(this.record.stan).padStart(6, '0');
  }

  private decide(behaviour: Behaviour, requested: number): { code: string; message: string; amount: number } {
    switch (behaviour.outcome) {
      case 'decline':
        return { code: behaviour.declineCode ?? '116', message: 'DECLINED', amount: requested };
      case 'cancel':
        return { code: 'UC', message: 'CANCELLED', amount: requested };
      case 'partial':
        return { code: '002', message: 'APPROVED', amount: behaviour.partialHalalas ?? Math.max(1, Math.floor(requested / 2)) };
      default:
        return { code: '000', message: 'APPROVED', amount: requested };
    }
  }

  private commit(
    kind: SimTransaction['kind'],
    command: 'A1' | 'A6' | 'A5',
    ecrRef: string,
    decision: { code: string; message: string; amount: number },
    card: SimCard,
    behaviour: Behaviour,
    datetime: string,
    extra: Partial<SimTransaction> = {},
  ): string[] {
    const stan = this.nextStan();
    const approved = decision.code === '000' || decision.code === '002' || decision.code === '400';
    const rrn = `${datetime.slice(4, 6)}${datetime.slice(2, 4)}${datetime.slice(0, 2)}${stan}`;
    const authCode = approved ? String((this.record.stan * 7919 + 104_729) % 1_000_000).padStart(6, '0') : '';
    const wallet = behaviour.wallet ?? null;
    const cvm = wallet ? 'cdcvm' : (behaviour.cvm ?? (card === 'mada' ? 'pin' : 'no_cvm'));
    const entry = wallet ? 'contactless' : (behaviour.entry ?? (cvm === 'pin' ? 'chip' : 'contactless'));
    const txn: SimTransaction = {
      ecrRef,
      kind,
      amountHalalas: decision.amount,
      status: approved ? 'approved' : 'declined',
      responseCode: decision.code,
      rrn,
      authCode,
      stan,
      datetime,
      card,
      schemeLabel: schemeLabelOf(card),
      settled: false,
      ...extra,
    };
    this.record.transactions.push(txn);
    const answer: TransactionAnswer = {
      command,
      responseCode: decision.code,
      message: decision.message,
      amountHalalas: decision.amount,
      stan,
      datetime,
      rrn,
      authCode,
      card,
      cvm,
      entry,
      wallet,
      ecrRef,
    };
    const fields = transactionFields({ ...answer, unmaskedPan: behaviour.unmaskedPan ?? false }, this.merchant);
    // C2 repeats the last answer: never keep an unmasked PAN around, even from the test fault.
    this.record.lastResponse = behaviour.unmaskedPan ? transactionFields(answer, this.merchant) : fields;
    this.save();
    this.emit({ event: 'transaction', transaction: txn });
    return fields;
  }

  private purchase(request: Extract<EcrRequest, { command: 'A1' }>, behaviour: Behaviour, datetime: string): string[] {
    const decision = this.decide(behaviour, request.amountHalalas);
    return this.commit('purchase', 'A1', request.ecrRef, decision, behaviour.card ?? 'mada', behaviour, datetime);
  }

  private refund(request: Extract<EcrRequest, { command: 'A6' }>, behaviour: Behaviour, datetime: string): string[] {
    const original = this.record.transactions.find((t) => t.kind === 'purchase' && t.rrn === request.originalRrn && t.status === 'approved');
    const remaining = original ? original.amountHalalas - (original.refundedHalalas ?? 0) : 0;
    let decision = this.decide(behaviour, request.amountHalalas);
    // A refund of something this terminal never approved, or of more than is left, is an invalid transaction.
    if (decision.code === '000' && (!original || request.amountHalalas > remaining)) decision = { code: '902', message: 'DECLINED', amount: request.amountHalalas };
    if (decision.code === '002') decision = { ...decision, code: '000' };
    const fields = this.commit('refund', 'A6', request.ecrRef, decision, behaviour.card ?? original?.card ?? 'mada', behaviour, datetime, {
      original: request.originalRrn,
    });
    if (original && decision.code === '000') {
      original.refundedHalalas = (original.refundedHalalas ?? 0) + decision.amount;
      if (original.refundedHalalas >= original.amountHalalas) original.status = 'refunded';
      this.save();
    }
    return fields;
  }

  private reversal(request: Extract<EcrRequest, { command: 'A5' }>, behaviour: Behaviour, datetime: string): string[] {
    const last = this.record.transactions.at(-1);
    const reversible = last && last.status === 'approved' && last.kind !== 'reversal';
    let decision: { code: string; message: string; amount: number };
    if (!reversible) decision = { code: '100', message: 'DECLINED', amount: 0 };
    else if (behaviour.outcome === 'decline' || behaviour.outcome === 'cancel') decision = this.decide(behaviour, last.amountHalalas);
    else decision = { code: '400', message: 'ACCEPTED', amount: last.amountHalalas };
    const fields = this.commit('reversal', 'A5', request.ecrRef, decision, last?.card ?? 'mada', behaviour, datetime, last ? { original: last.ecrRef } : {});
    if (reversible && decision.code === '400') {
      last.status = 'reversed';
      if (last.kind === 'refund') {
        const purchase = this.record.transactions.find((t) => t.kind === 'purchase' && t.rrn === last.original);
        if (purchase) {
          purchase.refundedHalalas = Math.max(0, (purchase.refundedHalalas ?? 0) - last.amountHalalas);
          if (purchase.status === 'refunded') purchase.status = 'approved';
        }
      }
      this.save();
    }
    return fields;
  }

  /** Totals of the unsettled batch per scheme label: purchases still standing (approved/refunded), approved refunds. */
  private settle(ecrRef: string, behaviour: Behaviour, datetime: string): string[] {
    if (behaviour.refuseSettlement) return ['', 'B1', behaviour.refuseSettlement, 'SETTLEMENT NOT ALLOWED'];
    const totals = new Map<string, { scheme: string; purchaseCount: number; purchaseHalalas: number; refundCount: number; refundHalalas: number }>();
    for (const t of this.record.transactions) {
      if (t.settled) continue;
      t.settled = true;
      const s = totals.get(t.schemeLabel) ?? { scheme: t.schemeLabel, purchaseCount: 0, purchaseHalalas: 0, refundCount: 0, refundHalalas: 0 };
      if (t.kind === 'purchase' && (t.status === 'approved' || t.status === 'refunded')) {
        s.purchaseCount += 1;
        s.purchaseHalalas += t.amountHalalas;
      } else if (t.kind === 'refund' && t.status === 'approved') {
        s.refundCount += 1;
        s.refundHalalas += t.amountHalalas;
      } else continue;
      totals.set(t.schemeLabel, s);
    }
    this.save();
    return settlementFields(behaviour.outOfBalance ? '501' : '500', datetime, this.merchant, [...totals.values()], ecrRef);
  }

  private save(): void {
    saveRecord(this.options.recordFile, this.record);
  }

  private emit(e: TerminalEvent): void {
    for (const l of this.listeners) {
      try {
        l(e);
      } catch {
        // observers never break the terminal
      }
    }
  }
}

function messageOf(t: SimTransaction): string {
  if (t.kind === 'reversal' && t.responseCode === '400') return 'ACCEPTED';
  if (t.responseCode === 'UC') return 'CANCELLED';
  return t.status === 'declined' ? 'DECLINED' : 'APPROVED';
}
