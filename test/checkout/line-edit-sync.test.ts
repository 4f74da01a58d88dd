// How durable each step of a sale's commit is (docs/ledger.md, "Line edits"): a line rung up, its quantity changed
// or the line deleted is committed under synchronous=NORMAL (no fsync of its own: the next durable commit takes it
// along, and a process crash loses nothing); the tender and the sale's completion — money — stay synchronous=FULL,
// as does every commit after a line edit (the connection is put back).
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO } from '../support/till';
import { openTillParts } from '../support/payments-rig';
import { tempDir } from '../support/tmp';

const FULL = 2;
const NORMAL = 1;
const tmp = tempDir('nuqta-line-sync-');
afterEach(() => tmp.cleanup());

describe('the sync level of each commit of a sale', () => {
  it('line edits commit without their own fsync; the cash tender and the completed sale with it', async () => {
    const { db, checkout } = openTillParts(tmp.dir);
    // Each transaction the checkout runs: the sync level it commits under, and the journal entries it wrote.
    const commits: Array<{ sync: number; types: string[] }> = [];
    const lastSeq = db.prepare('SELECT COALESCE(MAX(seq), 0) FROM journal').pluck();
    const typesAfter = db.prepare<[number], string>('SELECT type FROM journal WHERE seq > ? ORDER BY seq').pluck();
    const transaction = db.transaction.bind(db);
    db.transaction = ((fn: (...args: unknown[]) => unknown) =>
      transaction((...args: unknown[]) => {
        const before = lastSeq.get() as number;
        const out = fn(...args);
        commits.push({ sync: db.pragma('synchronous', { simple: true }) as number, types: typesAfter.all(before) });
        return out;
      })) as typeof db.transaction;
    const syncOf = (type: string) => commits.filter((c) => c.types.includes(type)).map((c) => c.sync);

    checkout.scanBarcode(DEMO.milk.barcode);
    const sale = checkout.scanBarcode(DEMO.coffee.barcode);
    checkout.scanBarcode(DEMO.coffee.barcode); // a rescan: the quantity goes up
    checkout.setQuantity(sale.lines[0]!.lineId, 3);
    checkout.removeLine(sale.lines[0]!.lineId);
    await checkout.tenderCash(10_000);

    expect(syncOf('line.added')).toEqual([NORMAL, NORMAL]);
    expect(syncOf('line.quantity_changed')).toEqual([NORMAL, NORMAL]);
    expect(syncOf('line.removed')).toEqual([NORMAL]);
    expect(syncOf('tender.accepted')).toEqual([FULL]);
    expect(syncOf('sale.completed')).toEqual([FULL]);
    expect(db.pragma('synchronous', { simple: true })).toBe(FULL);
    db.close();
  });
});
