// What a till is onboarded for (issue 12): a till that issues standard (B2B) tax invoices onboards as a 1100 unit —
// its CSR's title 1100, the six compliance samples (simplified and standard invoice, credit and debit note) chained
// ICV 1-6 — against the platform simulator over real HTTPS; a simplified-only till still as 0100 with three. The unit
// records its types (journaled, replayed by `ledger verify`, kept across a restart); a 0100 unit on a till switched
// to standard invoices is told, in both languages, to onboard again — a renewal keeps its 0100.
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { ledgerFile, LEDGER_PROJECTIONS } from '../../main/app';
import { checkLedgerFile } from '../../main/backup';
import { zatcaCommand } from '../../main/cli';
import { readCsr } from '../../main/einvoicing/onboarding';
import { SEED_PIH } from '../../main/fiscal/einvoice';
import { DEMO_SETTINGS } from '../../main/settings';
import { createTillSimulators } from '../../main/sim';
import { DEFAULT_OTP, type SimRequest, type ZatcaSimulator } from '../../main/sim/zatca';
import { inspectDocument } from '../../main/sim/zatca/inspect';
import { updateSettings } from '../support/providers';
import { DEMO, startTestTill, type TestTill } from '../support/till';
import { tempDir } from '../support/tmp';

const PIN = '1234';
let t: TestTill | null = null;
let folder: ReturnType<typeof tempDir> | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
  folder?.cleanup();
  folder = null;
});

const demoEinvoicing = DEMO_SETTINGS.einvoicing!;

/** A till on the demo's simulators, its settings saying whether it issues standard invoices before its first start. */
async function till(standardInvoices: boolean) {
  const sims = createTillSimulators();
  folder = tempDir();
  updateSettings(folder.dir, { einvoicing: { ...demoEinvoicing, standardInvoices } });
  t = await startTestTill(folder.dir, { simulators: sims, providerCheckMs: 0 });
  return {
    sims,
    platform: () => sims.currentEinvoicing()!,
    /** Stops the till, changes the setting as `nuqta config set` would, and starts it again on the same folder. */
    async switchTo(standard: boolean) {
      await t!.till.close();
      updateSettings(folder!.dir, { einvoicing: { ...demoEinvoicing, standardInvoices: standard } });
      t = await startTestTill(folder!.dir, { simulators: sims, providerCheckMs: 0 });
    },
  };
}

const unitRows = (dir: string) => {
  const db = new Database(ledgerFile(dir), { readonly: true });
  try {
    return db.prepare<[], { egs_id: string; state: string; invoice_types: string }>('SELECT egs_id, state, invoice_types FROM einvoice_units ORDER BY created_seq').all();
  } finally {
    db.close();
  }
};

/** The compliance samples the simulator received since `from`, as it read them. */
function samples(platform: ZatcaSimulator, from = 0) {
  return platform
    .requests('compliance-invoices')
    .filter((r) => r.seq > from)
    .map((r: SimRequest) => {
      const body = r.body as { invoice: string; invoiceHash: string };
      const facts = inspectDocument(Buffer.from(body.invoice, 'base64').toString('utf8'));
      return { status: r.status, check: `${facts.profile}-${facts.kind}`, typeName: facts.typeName, icv: facts.icv, pih: facts.pih, hash: body.invoiceHash };
    });
}

const lastCsr = (platform: ZatcaSimulator, call: 'compliance' | 'renew-csid') => readCsr((platform.requests(call).at(-1)!.body as { csr: string }).csr);

function output() {
  const lines: string[] = [];
  return { io: { out: (s: string) => lines.push(s), err: (s: string) => lines.push(s) }, text: () => lines.join('\n') };
}

const SIX = ['simplified invoice: PASS', 'simplified credit_note: PASS', 'simplified debit_note: PASS', 'standard invoice: PASS', 'standard credit_note: PASS', 'standard debit_note: PASS'];

describe('a till that issues standard (B2B) invoices', () => {
  it('onboards as 1100: six compliance checks chained ICV 1-6, the unit records 1100, kept across a restart and ledger verify', async () => {
    const { platform } = await till(true);
    // The demo onboarded itself at start: its CSR says 1100, and the six samples passed in order.
    expect(lastCsr(platform(), 'compliance').invoiceTypes).toBe('1100');
    const atStart = samples(platform());
    expect(atStart.map((s) => [s.check, s.status, s.icv])).toEqual([
      ['simplified-invoice', 200, 1],
      ['simplified-credit', 200, 2],
      ['simplified-debit', 200, 3],
      ['standard-invoice', 200, 4],
      ['standard-credit', 200, 5],
      ['standard-debit', 200, 6],
    ]);
    expect(atStart.map((s) => s.typeName)).toEqual(['0200000', '0200000', '0200000', '0100000', '0100000', '0100000']);
    // One chain from the seed: each PIH is the previous sample's hash.
    expect(atStart.map((s) => s.pih)).toEqual([SEED_PIH, ...atStart.slice(0, -1).map((s) => s.hash)]);
    expect(platform().record().csids.find((c) => c.kind === 'compliance')).toMatchObject({
      invoiceTypes: '1100',
      passedChecks: ['simplified-invoice', 'simplified-credit', 'simplified-debit', 'standard-invoice', 'standard-credit', 'standard-debit'],
    });
    expect(unitRows(t!.dir)).toEqual([expect.objectContaining({ state: 'active', invoice_types: '1100' })]);

    // Onboarding again from the admin screen: the six checks, as ZATCA answered them.
    const seen = platform().requests().at(-1)!.seq;
    const answer = await t!.call('onboardEinvoicing', { managerPin: PIN, environment: 'simulator', otp: DEFAULT_OTP });
    expect(answer).toMatchObject({ outcome: 'onboarded', checks: SIX });
    expect(samples(platform(), seen).map((s) => s.check)).toEqual(['simplified-invoice', 'simplified-credit', 'simplified-debit', 'standard-invoice', 'standard-credit', 'standard-debit']);
    expect(unitRows(t!.dir).map((u) => [u.state, u.invoice_types])).toEqual([
      ['retired', '1100'],
      ['active', '1100'],
    ]);

    // It signs (a sale), survives a restart as 1100, and the journal replays to the same rows.
    const due = (await t!.call('scanBarcode', { barcode: DEMO.milk.barcode })).dueHalalas;
    await t!.call('tenderCash', { tenderedHalalas: due });
    await t!.restart();
    expect(unitRows(t!.dir).at(-1)).toMatchObject({ state: 'active', invoice_types: '1100' });
    expect((await t!.call('getHealth', {})).checks.find((c) => c.id === 'einvoicing')).toMatchObject({ state: 'ok', facts: expect.objectContaining({ invoiceTypes: '1100' }) });
    await t!.till.close();
    expect(checkLedgerFile(ledgerFile(t!.dir), LEDGER_PROJECTIONS)).toMatchObject({ ok: true });
    const status = output();
    expect(await zatcaCommand(t!.dir, ['status'], {}, status.io)).toBe(0);
    expect(status.text()).toContain('Document types 1100: standard (B2B) and simplified invoices');
    expect(status.text()).not.toContain('does not cover');

    // A unit's types edited by hand are not what the journal says: ledger verify names the column.
    const db = new Database(ledgerFile(t!.dir));
    db.prepare("UPDATE einvoice_units SET invoice_types = '0100' WHERE state = 'active'").run();
    db.close();
    expect(checkLedgerFile(ledgerFile(t!.dir), LEDGER_PROJECTIONS)).toMatchObject({ ok: false, reason: expect.stringMatching(/einvoice_units .*invoice_types/) });
    const fix = new Database(ledgerFile(t!.dir));
    fix.prepare("UPDATE einvoice_units SET invoice_types = '1100' WHERE state = 'active'").run();
    fix.close();
  }, 60_000);
});

describe('a simplified-only till', () => {
  it('onboards as 0100 with three checks; switched to standard invoices, it is told to onboard again, a renewal keeps 0100, onboarding again makes it 1100', async () => {
    const { platform, switchTo } = await till(false);
    expect(lastCsr(platform(), 'compliance').invoiceTypes).toBe('0100');
    expect(samples(platform()).map((s) => [s.check, s.status, s.icv])).toEqual([
      ['simplified-invoice', 200, 1],
      ['simplified-credit', 200, 2],
      ['simplified-debit', 200, 3],
    ]);
    expect(unitRows(t!.dir)).toEqual([expect.objectContaining({ state: 'active', invoice_types: '0100' })]);
    const einvoicingHealth = async () => (await t!.call('getHealth', {})).checks.find((c) => c.id === 'einvoicing')!;
    expect(await einvoicingHealth()).toMatchObject({ state: 'ok', facts: expect.objectContaining({ invoiceTypes: '0100' }) });

    // The shop opts in to B2B: its 0100 certificate does not cover standard invoices.
    await switchTo(true);
    expect(unitRows(t!.dir)).toEqual([expect.objectContaining({ state: 'active', invoice_types: '0100' })]); // no self-onboarding
    const warned = await einvoicingHealth();
    expect(warned).toMatchObject({ state: 'warning', facts: expect.objectContaining({ invoiceTypes: '0100' }) });
    expect(warned.summary.en).toContain('does not cover standard (B2B) invoices: onboard again');
    expect(warned.summary.ar).toContain('لا تشمل الفواتير الضريبية');
    expect(warned.action!.en).toContain('nuqta zatca onboard');
    expect(warned.action!.ar).toContain('nuqta zatca onboard');
    // Nor does the till name a buyer on such a unit: ZATCA would refuse every standard invoice it signed.
    await t!.call('scanBarcode', { barcode: DEMO.milk.barcode });
    const buyer = { legalName: 'شركة', vatNumber: '310175397400003', address: { street: 'شارع', buildingNumber: '1111', district: 'حي', city: 'الرياض', postalCode: '12222', country: 'SA' as const } };
    expect(await t!.attempt('setSaleBuyer', { buyer })).toMatchObject({ ok: false, error: { code: 'EINVOICE_STANDARD_OFF' } });
    await t!.call('voidSale', {});

    // A renewal keeps what the unit passed: its CSR still says 0100, and the warning stays.
    const renewed = await t!.call('renewEinvoicing', { managerPin: PIN, otp: DEFAULT_OTP });
    expect(renewed).toMatchObject({ outcome: 'renewed' });
    expect(lastCsr(platform(), 'renew-csid').invoiceTypes).toBe('0100');
    expect(unitRows(t!.dir)).toEqual([expect.objectContaining({ state: 'active', invoice_types: '0100' })]);
    expect((await einvoicingHealth()).state).toBe('warning');

    // Onboarding again: a 1100 unit, six checks, and the warning is gone.
    const answer = await t!.call('onboardEinvoicing', { managerPin: PIN, environment: 'simulator', otp: DEFAULT_OTP });
    expect(answer).toMatchObject({ outcome: 'onboarded', checks: SIX });
    expect(lastCsr(platform(), 'compliance').invoiceTypes).toBe('1100');
    expect(unitRows(t!.dir).map((u) => [u.state, u.invoice_types])).toEqual([
      ['retired', '0100'],
      ['active', '1100'],
    ]);
    expect(await einvoicingHealth()).toMatchObject({ state: 'ok', facts: expect.objectContaining({ invoiceTypes: '1100' }) });
  }, 60_000);

  it('nuqta zatca status says so too, in both languages', async () => {
    await till(false);
    await t!.till.close();
    updateSettings(t!.dir, { einvoicing: { ...demoEinvoicing, standardInvoices: true } });
    const status = output();
    expect(await zatcaCommand(t!.dir, ['status'], {}, status.io)).toBe(0);
    expect(status.text()).toContain('Document types 0100: simplified invoices only');
    expect(status.text()).toContain("This unit's certificate does not cover standard (B2B) invoices: onboard again");
    expect(status.text()).toContain('شهادة هذه الوحدة لا تشمل الفواتير الضريبية');
    expect(checkLedgerFile(ledgerFile(t!.dir), LEDGER_PROJECTIONS)).toMatchObject({ ok: true });
  }, 30_000);
});
