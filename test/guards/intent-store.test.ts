// Which payment the intent store finds: "repeat last transaction" and the terminal check ask the terminal about
// the latest payment, and an answer that names a reference is applied to that payment only. Finding an older
// payment, or another one, would settle the wrong sale.
import { afterEach, describe, expect, it } from 'vitest';
import { methodOf } from '../../main/payments/intent-store';
import { openTillParts } from '../support/payments-rig';
import { tempDir } from '../support/tmp';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c();
});

/** Rows written straight through the store (placeholder journal entries: not a ledger to replay). */
function store() {
  const tmp = tempDir('nuqta-guard-', { verifyLedger: false });
  const p = openTillParts(tmp.dir, 'T01');
  cleanups.push(() => tmp.cleanup(), () => void p.db.close());
  let n = 0;
  const add = (connector: string, reference: string) => {
    n += 1;
    const id = `intent-${n}`;
    p.db.transaction(() => {
      const entry = p.journal.append('test.intent', { id });
      p.intents.insert({
        id,
        reference,
        tillId: 'T01',
        kind: 'purchase',
        connector,
        saleId: null,
        originalId: null,
        amountHalalas: 1_000 * n,
        state: 'unknown',
        createdAt: entry.at,
        seq: entry.seq,
      });
    })();
    return id;
  };
  return { ...p, add };
}

describe('the intent store finds the payment asked for', () => {
  it('the last payment is the latest one made, of all or through one connector', () => {
    const t = store();
    expect(t.intents.last()).toBeUndefined();
    const first = t.add('mada-ecr', '00000000000001');
    const wallet = t.add('stcpay', '00000000000002');
    const latest = t.add('mada-ecr', '00000000000003');
    expect(t.intents.last()?.id).toBe(latest);
    expect(t.intents.last('mada-ecr')?.id).toBe(latest);
    expect(t.intents.last('stcpay')?.id).toBe(wallet);
    expect(t.intents.last('nexo')).toBeUndefined();
    expect(first).not.toBe(latest);
  });

  it('a reference finds its own payment and nothing else', () => {
    const t = store();
    const a = t.add('mada-ecr', '00000000000011');
    const b = t.add('mada-ecr', '00000000000012');
    expect(t.intents.byReference('00000000000012')?.id).toBe(b);
    expect(t.intents.byReference('00000000000011')?.id).toBe(a);
    expect(t.intents.byReference('0000000000001')).toBeUndefined();
    expect(t.intents.byReference('')).toBeUndefined();
  });

  it('a payment through STC Pay is shown as STC Pay, one through any card connector as card', () => {
    expect(methodOf('stcpay')).toBe('stcpay');
    for (const connector of ['mada-ecr', 'nexo', 'sdk']) expect(methodOf(connector)).toBe('card');
  });
});
