// The refund cap: what may still be refunded against a card payment is what it took less every refund approved
// or still in doubt. A refund in doubt may yet be approved by the terminal, so leaving it out of the sum would let
// the same money go back twice (issue 9: "in-doubt refunds left out of the refund cap (store level)").
import { afterEach, describe, expect, it } from 'vitest';
import type { IntentState } from '../../preload/contract';
import type { PaymentConnector } from '../../main/payments/connector';
import { openTillParts } from '../support/payments-rig';
import { approval, scriptedTerminal, tick } from '../support/scripted-terminal';
import { DEMO } from '../support/till';
import { tempDir } from '../support/tmp';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('the store sums refunds against one payment', () => {
  // Rows written straight through the intent store, one per state, so the sum shows exactly which states count.
  // Their journal entries are placeholders, not what the service journals: this ledger is not one to replay.
  const parts = () => {
    const tmp = tempDir('nuqta-guard-', { verifyLedger: false });
    const p = openTillParts(tmp.dir, 'T01');
    cleanups.push(() => tmp.cleanup(), () => void p.db.close());
    let n = 0;
    const add = (kind: 'purchase' | 'refund' | 'reversal', state: IntentState, amountHalalas: number, originalId: string | null = null) => {
      n += 1;
      const id = `intent-${n}`;
      p.db.transaction(() => {
        const entry = p.journal.append('test.intent', { id });
        p.intents.insert({
          id,
          reference: String(n).padStart(14, '0'),
          tillId: 'T01',
          kind,
          connector: 'mada-ecr',
          saleId: null,
          originalId,
          amountHalalas,
          state,
          createdAt: entry.at,
          seq: entry.seq,
        });
      })();
      return id;
    };
    return { ...p, add };
  };

  it('counts refunds approved, being sent, sent and unknown; not declined, not found or anything else', () => {
    const t = parts();
    const original = t.add('purchase', 'approved', 100_000);
    // One refund per state, each a different power of two: the total names the states that were counted.
    const states: IntentState[] = ['sending', 'awaiting', 'approved', 'declined', 'unknown', 'not_found', 'reversing', 'reversed', 'orphaned'];
    const amounts = new Map(states.map((s, i) => [s, 2 ** i]));
    for (const s of states) t.add('refund', s, amounts.get(s)!, original);
    const counted = ['sending', 'awaiting', 'approved', 'unknown'] as const;
    expect(t.intents.refundedAgainst(original)).toBe(counted.reduce((sum, s) => sum + amounts.get(s)!, 0));
  });

  it('each in-doubt state alone holds its amount back', () => {
    const t = parts();
    for (const s of ['sending', 'awaiting', 'unknown'] as const) {
      const original = t.add('purchase', 'approved', 10_000);
      t.add('refund', s, 2_500, original);
      expect({ s, refunded: t.intents.refundedAgainst(original) }).toEqual({ s, refunded: 2_500 });
    }
  });

  it("counts only this payment's refunds: not another payment's, not a reversal of it, not the payment itself", () => {
    const t = parts();
    const original = t.add('purchase', 'approved', 50_000);
    const other = t.add('purchase', 'approved', 50_000);
    t.add('refund', 'approved', 1_000, original);
    t.add('refund', 'unknown', 2_000, original);
    t.add('refund', 'approved', 4_000, other);
    t.add('refund', 'unknown', 8_000, other);
    t.add('reversal', 'approved', 50_000, original);
    expect(t.intents.refundedAgainst(original)).toBe(3_000);
    expect(t.intents.refundedAgainst(other)).toBe(12_000);
    expect(t.intents.refundedAgainst('no-such-intent')).toBe(0);
  });
});

describe('the service refuses a refund over what is left', () => {
  function till(connector: PaymentConnector) {
    const tmp = tempDir('nuqta-guard-');
    const parts = openTillParts(tmp.dir, 'T01');
    cleanups.push(() => tmp.cleanup(), () => void parts.db.close());
    const payments = parts.payments(connector, { protocol: 'mada-ecr', transport: 'scripted' }, [60_000]);
    cleanups.push(() => payments.close());
    return { ...parts, payments };
  }

  it('a refund in doubt holds every other refund until the terminal answers; then approved refunds count, declined ones do not', async () => {
    const term = scriptedTerminal();
    const t = till(term.connector);
    const sale = t.checkout.scanBarcode(DEMO.dates.barcode); // 35.00 SAR
    const paying = t.payments.payCard(sale.dueHalalas);
    await tick();
    const purchase = t.intents.last()!;
    term.answer('purchase').resolve({ kind: 'approved', record: approval(purchase.reference, sale.dueHalalas) });
    const paid = await paying;
    expect(paid.completed).not.toBeNull();
    // The payments side of a return's refund (main/returns writes its request in `inTx`; nothing here).
    const refund = (amountHalalas: number) => t.payments.refundPayment({ originalIntentId: purchase.id, amountHalalas, inTx: () => undefined });
    // A refused refund is refused before anything goes to the terminal; one that is not refused waits for it.
    const refusal = (amountHalalas: number) =>
      Promise.race([
        refund(amountHalalas).then(
          () => 'accepted',
          (e: { code?: string }) => e.code,
        ),
        tick(1000).then(() => 'sent to the terminal'),
      ]);

    // 10.00 SAR back; the terminal's answer is lost and it cannot be reached: the refund is in doubt.
    const first = refund(1_000);
    await tick();
    term.answer('refund').resolve({ kind: 'unknown', why: 'timeout', detail: 'no answer' });
    await tick();
    term.answerInquiry().resolve({ kind: 'unreachable', detail: 'offline' });
    const doubtful = await first;
    expect(doubtful.state).toBe('unknown');
    expect(await refusal(100)).toBe('PAYMENT_PENDING');

    // The terminal answers: it was approved. 25.00 SAR are left.
    const asking = t.payments.recoverPayment(doubtful.intentId);
    await tick();
    term.answerInquiry().resolve({ kind: 'found', outcome: { kind: 'approved', record: approval(doubtful.reference, 1_000, '223456789012') } });
    expect((await asking).state).toBe('approved');
    expect(await refusal(2_501)).toBe('REFUND_OVER_ORIGINAL');

    // A declined refund gives nothing back, so it holds nothing back either.
    const declined = refund(2_500);
    await tick();
    term.answer('refund').resolve({ kind: 'declined', record: null, responseCode: '100', reason: { en: 'Declined', ar: 'مرفوضة' } });
    expect((await declined).state).toBe('declined');
    const last = refund(2_500);
    await tick();
    term.answer('refund').resolve({ kind: 'approved', record: approval(t.intents.last()!.reference, 2_500, '323456789012') });
    expect((await last).state).toBe('approved');
    expect(await refusal(1)).toBe('REFUND_OVER_ORIGINAL');
    expect(term.calls.filter((c) => c === 'refund')).toHaveLength(3);
  });
});
