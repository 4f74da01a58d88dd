// The reporting queue against the platform simulator's scripted faults, on a real till: a server error is
// retried with the identical bytes, a rejection is kept with ZATCA's messages and never blocks the documents
// behind it, a 409 counts as reported, a 401 is a health problem; a till set up for ZATCA but not onboarded
// refuses to take money at all; the health page and `nuqta zatca` show the queue.
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { ledgerFile } from '../../main/app';
import { zatcaCommand } from '../../main/cli';
import { openDatabase } from '../../main/db';
import { openSettings } from '../../main/settings';
import { createTillSimulators } from '../../main/sim';
import { DEMO, startTestTill, type TestTill } from '../support/till';
import { tempDir } from '../support/tmp';

let t: TestTill | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

const rows = (dir: string) => {
  const db = new Database(ledgerFile(dir), { readonly: true });
  try {
    return db.prepare<[], { icv: number; state: string; attempts: number; messages: string | null; last_error: string | null }>('SELECT icv, state, attempts, messages, last_error FROM einvoice_reports ORDER BY icv').all();
  } finally {
    db.close();
  }
};

async function sell(till: TestTill, barcode: string): Promise<string> {
  const due = (await till.call('scanBarcode', { barcode })).dueHalalas;
  return (await till.call('tenderCash', { tenderedHalalas: due })).receipt.receiptNo;
}

const until = async (check: () => boolean, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
};

function output() {
  const lines: string[] = [];
  return { io: { out: (s: string) => lines.push(s), err: (s: string) => lines.push(s) }, lines };
}

describe('the reporting queue against ZATCA faults', () => {
  it('500 then fine: retried with the same bytes; 400: kept with its messages, the next one still reported; 409: reported', async () => {
    const sims = createTillSimulators();
    t = await startTestTill(undefined, { simulators: sims, providerCheckMs: 0 });
    const platform = sims.currentEinvoicing()!;
    platform.script({ call: 'reporting', action: 'status', status: 500, count: 1 });
    await sell(t, DEMO.milk.barcode);
    await until(() => rows(t!.dir)[0]?.attempts === 1);
    expect(rows(t.dir)[0]).toMatchObject({ state: 'waiting', last_error: expect.stringContaining('500') });

    // The retry is due in 30 s; the test runs the queue itself (as the timer would) after moving the row up.
    const db = new Database(ledgerFile(t.dir));
    db.prepare('UPDATE einvoice_reports SET next_attempt_at = NULL').run();
    db.close();
    platform.script({ call: 'reporting', action: 'rejected', errors: [{ code: 'BR-KSA-37', category: 'KSA', message: 'building number' }], count: 1 });
    await sell(t, DEMO.bread.barcode); // the queue runs: document 1 (retry) gets the rejection, document 2 passes
    await until(() => rows(t!.dir).every((r) => r.state !== 'waiting'));
    const [first, second] = rows(t.dir);
    expect(first).toMatchObject({ icv: 1, state: 'rejected' });
    expect(JSON.parse(first!.messages!)).toEqual([expect.objectContaining({ code: 'BR-KSA-37' })]);
    expect(second).toMatchObject({ icv: 2, state: 'reported' });
    const bodies = platform.requests('reporting').map((r) => JSON.stringify(r.body));
    expect(bodies[0]).toBe(bodies[1]); // the identical payload after the 500

    platform.script({ call: 'reporting', action: 'already-reported', count: 1 });
    await sell(t, DEMO.water.barcode);
    await until(() => rows(t!.dir)[2]?.state === 'reported');

    // The manager's view: the CLI lists the rejected one with ZATCA's message; the health page warns.
    const health = await t.call('getHealth', {});
    expect(health.checks.find((c) => c.id === 'einvoicing')).toMatchObject({ state: 'warning', facts: expect.objectContaining({ rejected: 1 }) });
  });

  it('a document issued while the one before is being reported is sent right after it, not at the next round', async () => {
    const sims = createTillSimulators();
    // The queue's own round is an hour away: only the wake-up after each sale can send anything here.
    t = await startTestTill(undefined, { simulators: sims, providerCheckMs: 0, einvoiceQueueIntervalMs: 3_600_000 });
    const platform = sims.currentEinvoicing()!;
    platform.script({ call: 'reporting', action: 'slow', delayMs: 1_000, count: 1 });
    await sell(t, DEMO.milk.barcode);
    await until(() => platform.requests('reporting').length === 1);
    await sell(t, DEMO.bread.barcode); // issued while the first report waits for its answer
    await until(() => rows(t!.dir).length === 2 && rows(t!.dir).every((r) => r.state === 'reported'));
    expect(platform.requests('reporting')).toHaveLength(2);
  });

  it('401: a health problem (credentials), the document waits', async () => {
    const sims = createTillSimulators();
    t = await startTestTill(undefined, { simulators: sims, providerCheckMs: 0 });
    sims.currentEinvoicing()!.script({ call: 'reporting', action: 'unauthorized', count: 5 });
    await sell(t, DEMO.milk.barcode);
    await until(() => rows(t!.dir)[0]?.attempts === 1);
    expect(rows(t.dir)[0]!.state).toBe('waiting');
    const check = (await t.call('getHealth', {})).checks.find((c) => c.id === 'einvoicing');
    expect(check).toMatchObject({ state: 'problem' });
    expect(check!.summary.en).toContain('credentials');
  });

  it('a till set up for ZATCA but not onboarded takes no money, and says so in both languages', async () => {
    const tmp = tempDir();
    const db = openDatabase(ledgerFile(tmp.dir));
    openSettings(db).update({ einvoicing: { platform: { kind: 'zatca', environment: 'simulation' }, standardInvoices: false, zeroRatedReason: { code: 'VATEX-SA-35', text: 'x' }, exemptReason: { code: 'VATEX-SA-29', text: 'y' } } });
    db.close();
    t = await startTestTill(tmp.dir, { providerCheckMs: 0 });
    await t.call('scanBarcode', { barcode: DEMO.milk.barcode });
    const refused = await t.attempt('tenderCash', { tenderedHalalas: 10_000 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'EINVOICE_NOT_ONBOARDED', message_en: expect.stringContaining('onboard'), message_ar: expect.stringContaining('فاتورة') } });
    expect(await t.attempt('payCard', { amountHalalas: DEMO.milk.price })).toMatchObject({ ok: false, error: { code: 'EINVOICE_NOT_ONBOARDED' } });
    expect((await t.call('getSale', {})).lines).toHaveLength(1);
    expect((await t.call('getHealth', {})).checks.find((c) => c.id === 'einvoicing')).toMatchObject({ state: 'problem' });
  });

  it('nuqta zatca status | documents | xml read the same ledger', async () => {
    const sims = createTillSimulators();
    t = await startTestTill(undefined, { simulators: sims, providerCheckMs: 0 });
    const receiptNo = await sell(t, DEMO.dates.barcode);
    await until(() => rows(t!.dir)[0]?.state === 'reported');
    const status = output();
    expect(await zatcaCommand(t.dir, ['status'], {}, status.io)).toBe(0);
    expect(status.lines.join('\n')).toMatch(/Unit .* \(simulator\)[\s\S]*reported 1/);
    const docs = output();
    await zatcaCommand(t.dir, ['documents'], { state: 'reported' }, docs.io);
    expect(docs.lines.join('\n')).toContain(`${receiptNo}  ICV 1  invoice`);
    const xml = output();
    expect(await zatcaCommand(t.dir, ['xml', receiptNo], {}, xml.io)).toBe(0);
    expect(xml.lines[0]).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<Invoice /);
    expect(await zatcaCommand(t.dir, ['onboard'], { env: 'moon' }, output().io)).toBe(2);
  });
});
