// The returns desk's approvals past the two-factor refund threshold (issue 14, docs/people.md): settling a held
// card return and paying out the cash a late-issued return owes are refunds like returnSale's, so past
// `twoFactor.refundAboveHalalas` they need a manager (not a supervisor) and the manager's authenticator code.
// The demo till's threshold is lowered to SAR 3 and its demo manager enrolled (recovery codes: no clock edge).
import { Secret, TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { ledgerFile } from '../../main/app';
import { openDatabase } from '../../main/db';
import { createJournal } from '../../main/ledger';
import { createUsers, DEMO_CASHIER, DEMO_MANAGER, TOTP_PARAMS } from '../../main/people';
import { openSettings } from '../../main/settings';
import { DEMO } from '../support/till';
import { until } from '../support/until';
import { PIN, useCardRig } from './rig';

const rig = useCardRig();
const SUPERVISOR_PIN = '4321';

/** Lowers the threshold, adds a supervisor and enrols the demo manager: their recovery codes. */
async function twoFactorTill(): Promise<string[]> {
  await rig.t.till.close();
  const db = openDatabase(ledgerFile(rig.t.dir));
  try {
    const settings = openSettings(db);
    createUsers(db, createJournal(db, settings.get().tillId)).add({ nameAr: 'منى', nameEn: 'Muna', role: 'supervisor', pin: SUPERVISOR_PIN }, 'test');
    settings.update({ twoFactor: { refundAboveHalalas: 300, cashDifferenceAboveHalalas: 5_000 } });
  } finally {
    db.close();
  }
  await rig.t.restart();
  await rig.t.call('signIn', { pin: DEMO_MANAGER.pin });
  const started = await rig.t.call('startTotpEnrolment', {});
  const code = TOTP.generate({ secret: Secret.fromBase32(started.secret), ...TOTP_PARAMS, timestamp: Date.now() });
  await rig.t.call('confirmTotpEnrolment', { code });
  await rig.t.call('signIn', { pin: DEMO_CASHIER.pin });
  return started.recoveryCodes;
}

const lastOverride = () => JSON.parse(rig.query<{ payload: string }>(`SELECT payload FROM journal WHERE type = 'manager.override' ORDER BY seq DESC LIMIT 1`)[0]!.payload) as Record<string, unknown>;

describe('the returns desk past the refund threshold', () => {
  it('settling a held card return asks the manager for their code', async () => {
    const recovery = await twoFactorTill();
    const receipt = await rig.sellByCard([DEMO.dates.barcode]);
    rig.terminal.terminal.script({ commands: ['A6'], outcome: 'partial', partialHalalas: 2000 });
    const input = { receiptNo: receipt.receiptNo, lines: [{ lineId: receipt.lines[0]!.lineId, quantity: 1 }], reason: 'damaged' as const, managerPin: PIN, secondFactor: recovery[0]! };
    expect(await rig.t.attempt('returnSale', input)).toMatchObject({ ok: false, error: { code: 'RETURN_REFUND_MISMATCH' } });
    const [request] = (await rig.t.call('listWaitingReturns', {})).requests;

    const settle = { requestId: request!.requestId };
    expect(await rig.t.attempt('settleReturnRequest', { ...settle, managerPin: SUPERVISOR_PIN })).toMatchObject({ ok: false, error: { code: 'APPROVER_NOT_ALLOWED' } });
    expect(await rig.t.attempt('settleReturnRequest', { ...settle, managerPin: PIN })).toMatchObject({ ok: false, error: { code: 'SECOND_FACTOR_REQUIRED' } });
    expect(await rig.t.attempt('settleReturnRequest', { ...settle, managerPin: PIN, secondFactor: '000000' })).toMatchObject({ ok: false, error: { code: 'SECOND_FACTOR_WRONG' } });
    expect(rig.query('SELECT * FROM returns')).toEqual([]);
    const issued = await rig.t.call('settleReturnRequest', { ...settle, managerPin: PIN, secondFactor: recovery[1]! });
    expect(issued.refund.totals.totalHalalas).toBe(DEMO.dates.price);
    expect(lastOverride()).toMatchObject({ method: 'settleReturnRequest', permission: 'approve:manager', approverRole: 'manager', secondFactor: 'recovery' });
  });

  it('paying out the cash a late-issued return owes asks the manager for their code', async () => {
    const recovery = await twoFactorTill();
    const receipt = await rig.sellByCard([DEMO.dates.barcode, DEMO.coffee.barcode], 1000);
    const busy = Array.from({ length: 400 }, () => ({ commands: ['C2', 'C3'] as Array<'C2' | 'C3'>, outcome: 'busy' as const }));
    rig.terminal.terminal.script({ commands: ['A6'], drop: 'after-approve' }, ...busy);
    const lines = receipt.lines.map((l) => ({ lineId: l.lineId, quantity: l.quantity }));
    const answer = await rig.t.attempt('returnSale', { receiptNo: receipt.receiptNo, lines, reason: 'sold_by_mistake', managerPin: PIN, secondFactor: recovery[0]! });
    expect(answer).toMatchObject({ ok: false, error: { code: 'RETURN_REFUND_UNKNOWN' } });
    rig.terminal.terminal.clearScript();
    await until(() => rig.query<{ state: string }>('SELECT state FROM return_requests')[0]!.state === 'issued', 30_000);
    const [owed] = (await rig.t.call('listWaitingReturns', {})).owedCash;

    const pay = { returnNo: owed!.returnNo };
    expect(await rig.t.attempt('payReturnCash', { ...pay, managerPin: SUPERVISOR_PIN })).toMatchObject({ ok: false, error: { code: 'APPROVER_NOT_ALLOWED' } });
    expect(await rig.t.attempt('payReturnCash', { ...pay, managerPin: PIN })).toMatchObject({ ok: false, error: { code: 'SECOND_FACTOR_REQUIRED' } });
    expect(rig.query<{ n: number }>(`SELECT COUNT(*) AS n FROM journal WHERE type = 'return.cash_paid'`)[0]!.n).toBe(0);
    expect(await rig.t.call('payReturnCash', { ...pay, managerPin: PIN, secondFactor: recovery[1]! })).toMatchObject({ returnNo: owed!.returnNo, amountHalalas: 1000 });
    expect(lastOverride()).toMatchObject({ method: 'payReturnCash', permission: 'approve:manager', secondFactor: 'recovery' });
  });
});
