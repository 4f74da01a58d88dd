// A split card and cash return approved later (by recovery, nobody at the counter) owes its cash part until a
// manager pays it out (docs/returns.md, "Cash owed"). Here the day is closed in between: the shift and the Z of
// the return's period leave the owed cash in the drawer, the next shift and the next Z count it when it is paid,
// and the day's totals (migration 0240) say what the two Zs say together.
import { describe, expect, it } from 'vitest';
import type { PeriodReport } from '../../preload/contract';
import { DEMO } from '../support/till';
import { until } from '../support/until';
import { PIN, useCardRig } from '../returns/rig';

const rig = useCardRig();

const cashOf = (r: PeriodReport) => ({
  taken: r.cash.takenHalalas,
  refunded: r.cash.refundedHalalas,
  refunds: r.refunds.filter((x) => x.kind === 'cash').reduce((n, x) => n + x.amountHalalas, 0),
  returns: r.returns,
});

describe('cash owed by a late return, across a shift and a Z', () => {
  it('counts in the shift and the Z when it is paid out, and the day adds up', async () => {
    const receipt = await rig.sellByCard([DEMO.dates.barcode, DEMO.coffee.barcode], 1000);
    const total = DEMO.dates.price + DEMO.coffee.price;
    const busy = Array.from({ length: 400 }, () => ({ commands: ['C2', 'C3'] as Array<'C2' | 'C3'>, outcome: 'busy' as const }));
    rig.terminal.terminal.script({ commands: ['A6'], drop: 'after-approve' }, ...busy);
    const lines = receipt.lines.map((l) => ({ lineId: l.lineId, quantity: l.quantity }));
    expect(await rig.t.attempt('returnSale', { receiptNo: receipt.receiptNo, lines, reason: 'sold_by_mistake', managerPin: PIN })).toMatchObject({ ok: false, error: { code: 'RETURN_REFUND_UNKNOWN' } });
    rig.terminal.terminal.clearScript();
    await until(() => rig.query<{ state: string }>('SELECT state FROM return_requests')[0]!.state === 'issued', 30_000);
    const [owed] = (await rig.t.call('listWaitingReturns', {})).owedCash;
    expect(owed).toMatchObject({ amountHalalas: 1000 });

    // Shift 1 (the demo's, float 0): 10.00 taken, nothing paid out yet.
    const first = await rig.t.call('closeShift', { count: { n10: 1 } });
    expect(first.result).toMatchObject({ expectedHalalas: 1000, countedHalalas: 1000, differenceHalalas: 0 });
    const z1 = (await rig.t.call('closeDay', { managerPin: PIN })).z.report;
    // How the return paid back is its refund receipt's, at its issue (cash 10.00 among the refunds); the drawer's
    // cash refunded is when the cash leaves it (docs/shifts.md: "a late return's cash counts when paid out").
    expect(cashOf(z1)).toEqual({ taken: 1000, refunded: 0, refunds: 1000, returns: { count: 1, halalas: total } });

    // Shift 2: a float of 50.00; the manager pays the 10.00 out of it.
    await rig.t.call('openShift', { float: { n50: 1 } });
    expect(await rig.t.call('payReturnCash', { returnNo: owed!.returnNo, managerPin: PIN })).toMatchObject({ amountHalalas: 1000 });
    const second = await rig.t.call('closeShift', { count: { n20: 2 } });
    expect(second.result).toMatchObject({ expectedHalalas: 4000, countedHalalas: 4000, differenceHalalas: 0 });
    const z2 = (await rig.t.call('closeDay', { managerPin: PIN })).z.report;
    expect(cashOf(z2)).toEqual({ taken: 0, refunded: 1000, refunds: 0, returns: { count: 0, halalas: 0 } });

    // The day from the daily totals: both Zs.
    const today = new Date(Date.now() + 3 * 3600_000).toISOString().slice(0, 10);
    const day = (await rig.t.call('getSalesReport', { managerPin: PIN, from: today, to: today })).report;
    expect(cashOf(day)).toEqual({ taken: 1000, refunded: 1000, refunds: 1000, returns: { count: 1, halalas: total } });
  }, 60_000);
});
