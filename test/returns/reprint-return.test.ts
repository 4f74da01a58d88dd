// A copy of a refund receipt on a real demo till (real SQLite file, the ZATCA platform simulator, the virtual
// printer): a return to store credit prints its refund receipt; `reprintReturn` prints it again from the stored
// body, marked نسخة / COPY top and bottom, with the same lines, totals, credit note QR and the voucher's barcode —
// the way a customer who lost the voucher gets it back — and the journal says who asked.
import { describe, expect, it } from 'vitest';
import type { MonoBitmap } from '../../main/printing/render';
import { printedCode128 } from '../support/printed-code128';
import { printedQr } from '../support/printed-qr';
import { DEMO } from '../support/till';
import { until } from '../support/until';
import { PIN, useCardRig } from './rig';

/** Rows where at least 90 % of the dots are black: an inverted banner (the COPY mark), never text or a rule's 2 dots. */
function bannerRows(image: MonoBitmap): number[] {
  const rows: number[] = [];
  for (let y = 0; y < image.height; y++) {
    let black = 0;
    for (let x = 0; x < image.width; x++) if (image.get(x, y)) black++;
    if (black >= image.width * 0.9) rows.push(y);
  }
  return rows;
}

function lastInked(image: MonoBitmap): number {
  for (let y = image.height - 1; y >= 0; y--) for (let x = 0; x < image.width; x++) if (image.get(x, y)) return y;
  return -1;
}

/** Whether `part` (rows from..to of it) sits in `whole` from row `at`, dot for dot. */
function sameRows(part: MonoBitmap, from: number, to: number, whole: MonoBitmap, at: number): boolean {
  if (part.rowBytes !== whole.rowBytes || at + (to - from) > whole.height) return false;
  const a = part.data.subarray(from * part.rowBytes, to * part.rowBytes);
  const b = whole.data.subarray(at * whole.rowBytes, (at + to - from) * whole.rowBytes);
  return Buffer.from(a).equals(Buffer.from(b));
}

describe('a refund receipt printed again', () => {
  // The demo till with its virtual printer (the rig's terminal goes unused); its folder is checked with the whole
  // `ledger verify` when it is removed (test/support/tmp.ts).
  const rig = useCardRig();
  const query = rig.query;
  const printed = () => rig.sims.currentPrinter()?.receipts ?? [];

  it('prints the stored refund receipt as a COPY with its lines and its store credit voucher, journaled', async () => {
    let due = 0;
    for (const barcode of [DEMO.coffee.barcode, DEMO.milk.barcode]) due = (await rig.t.call('scanBarcode', { barcode })).dueHalalas;
    const { receipt } = await rig.t.call('tenderCash', { tenderedHalalas: due });
    await until(() => printed().length === 1);
    const lines = receipt.lines.map((l) => ({ lineId: l.lineId, quantity: l.quantity }));
    const issued = await rig.t.call('returnSale', { receiptNo: receipt.receiptNo, lines, reason: 'damaged', refundTo: 'credit', managerPin: PIN });
    const credit = issued.refund.refunds[0];
    if (credit?.kind !== 'credit') throw new Error('not a credit refund');
    await until(() => printed().length === 2);
    const original = printed()[1]!.image;
    expect(printedCode128(original).map((b) => b.text)).toEqual([credit.voucherNo]);

    const answer = await rig.t.call('reprintReturn', { returnNo: issued.refund.returnNo });
    expect(answer).toEqual({ returnNo: issued.refund.returnNo, printError: null });
    expect(printed()).toHaveLength(3);
    const copy = printed()[2]!.image;

    // The COPY banner at the top and at the bottom; the original has none there (its voucher box has a banner of its own).
    expect(bannerRows(original).filter((y) => y < 40 || y > lastInked(original) - 40)).toEqual([]);
    const banners = bannerRows(copy);
    expect(banners[0]).toBeLessThan(40);
    expect(banners.at(-1)).toBeGreaterThan(lastInked(copy) - 10); // the printer feeds blank paper before the cut

    // Between the banners, the original dot for dot: the same lines, totals, voucher box and QR, from the stored body.
    const body = { from: 4, to: lastInked(original) + 1 };
    const at = Array.from({ length: 200 }, (_, d) => d).find((d) => sameRows(original, body.from, body.to, copy, body.from + d));
    expect(at).toBeGreaterThan(banners[0]!);
    // …so the voucher a customer lost reads off the copy, and the credit note's QR with it.
    expect(printedCode128(copy).map((b) => b.text)).toEqual([credit.voucherNo]);
    expect(printedQr(copy)).toBe(issued.refund.einvoiceQr);

    // Journaled before it printed, naming the return, its receipt and who asked (the signed-in cashier).
    const [entry] = query<{ payload: string }>(`SELECT payload FROM journal WHERE type = 'return.reprinted'`);
    expect(JSON.parse(entry!.payload)).toMatchObject({ returnNo: issued.refund.returnNo, receiptNo: receipt.receiptNo, copy: 'copy', actor: expect.any(String) });
    // …and listed in the manager's audit as a reprint.
    const audit = await rig.t.call('listAudit', { action: 'reprint', limit: 10, managerPin: PIN });
    expect(audit.rows.map((r) => [r.type, r.detail])).toEqual([['return.reprinted', `receipt ${receipt.receiptNo} · return ${issued.refund.returnNo}`]]);

    // An unknown return: refused, nothing printed or written.
    expect(await rig.t.attempt('reprintReturn', { returnNo: 'T01-R999999' })).toMatchObject({ ok: false, error: { code: 'RETURN_UNKNOWN' } });
    expect(printed()).toHaveLength(3);
    expect(query(`SELECT seq FROM journal WHERE type = 'return.reprinted'`)).toHaveLength(1);
  });
});
