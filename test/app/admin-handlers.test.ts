// The admin's settings screen and commissioning wizard through the real dispatcher on a real till: the manager
// PIN guards every call, a wrong value comes back as each field's error in both languages and writes nothing, a
// good one is journaled with source admin-screen; the self-tests run against the demo's simulated devices.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ledgerFile } from '../../main/app';
import { methods, SETTINGS_PATCH_MAX_BYTES, type MethodInput } from '../../preload/contract';
import { createTillSimulators } from '../../main/sim';
import { DEMO, startTestTill, type TestTill } from '../support/till';

let t: TestTill;
const simulators = () => createTillSimulators();
let sims: ReturnType<typeof simulators>;

beforeEach(async () => {
  sims = simulators();
  t = await startTestTill(undefined, { simulators: sims, providerCheckMs: 0 });
});
afterEach(async () => {
  await t.close();
});

function journal(type: string): Array<Record<string, unknown>> {
  const db = new Database(ledgerFile(t.dir), { readonly: true });
  try {
    return db.prepare<[string], { payload: string }>('SELECT payload FROM journal WHERE type = ? ORDER BY seq').all(type).map((r) => JSON.parse(r.payload) as Record<string, unknown>);
  } finally {
    db.close();
  }
}

function storedSettings(): string {
  const db = new Database(ledgerFile(t.dir), { readonly: true });
  try {
    return db.prepare<[], { value: string }>("SELECT value FROM settings WHERE key = 'till'").get()!.value;
  } finally {
    db.close();
  }
}

const SHOP = {
  shopNameAr: 'أسواق النور',
  shopNameEn: 'Al Noor Markets',
  vatNumber: '310122393500003',
  crNumber: '1010123456',
};

describe('the admin settings methods', () => {
  it('refuse a wrong manager PIN, and never show the PIN hash', async () => {
    const wrong = await t.attempt('getSettings', { managerPin: '9999' });
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.error.code).toBe('MANAGER_PIN_WRONG');
    const update = await t.attempt('updateSettings', { managerPin: '9999', settings: { vatNumber: '310122393500003' } });
    expect(update.ok).toBe(false);
    expect(JSON.parse(storedSettings()).vatNumber).toBe('300000000000003');
    const step = await t.attempt('commissioningStep', { managerPin: '0000', step: 'identity' });
    expect(step.ok).toBe(false);

    const shown = await t.call('getSettings', { managerPin: '1234' });
    expect(shown.settings).not.toHaveProperty('managerPin');
    expect(JSON.stringify(shown)).not.toContain(JSON.parse(storedSettings()).managerPin.hash);
    const postal = shown.fields.find((f) => f.key === 'nationalAddress.postalCode');
    expect(postal).toMatchObject({ group: 'address', kind: 'text', value: '12211' });
    expect(shown.fields.find((f) => f.key === 'printer.profile')?.options).toContain('generic-80');
    expect(methods.getSettings.output.safeParse(shown).success).toBe(true);
  });

  it('answer invalid settings with each field in both languages, and change nothing', async () => {
    const before = storedSettings();
    const entries = journal('settings.changed').length;
    const answer = await t.call('updateSettings', {
      managerPin: '1234',
      settings: { 'nationalAddress.postalCode': '1221', vatNumber: '123', 'printer.link': { kind: 'tcp', host: '10.0.0.5', port: 99999 } },
    });
    expect(answer.outcome).toBe('invalid');
    if (answer.outcome !== 'invalid') return;
    const byKey = new Map(answer.errors.map((e) => [e.key, e]));
    expect(byKey.get('nationalAddress.postalCode')).toEqual({ key: 'nationalAddress.postalCode', en: 'postal code: 5 digits', ar: 'الرمز البريدي: ٥ أرقام' });
    expect(byKey.get('vatNumber')?.ar).toMatch(/[\u0600-\u06ff]/);
    expect(byKey.get('printer.link.port')?.en).toBe('at most 65535');
    expect(storedSettings()).toBe(before);
    expect(journal('settings.changed')).toHaveLength(entries);
  });

  it('refuse keys the screen does not own (the PIN hash, preferences) by name', async () => {
    const answer = await t.call('updateSettings', { managerPin: '1234', settings: { managerPin: { salt: 'x'.repeat(8), hash: '0'.repeat(64) }, preferences: { locale: 'en' } } });
    expect(answer.outcome).toBe('invalid');
    if (answer.outcome === 'invalid') expect(answer.errors.map((e) => e.key).sort()).toEqual(['managerPin', 'preferences']);
  });

  it('save a valid change in one transaction journaled with source admin-screen', async () => {
    const answer = await t.call('updateSettings', {
      managerPin: '1234',
      settings: { ...SHOP, 'nationalAddress.postalCode': '12345', drawer: { pin: 5, pulseMs: 120 } },
    });
    expect(answer).toEqual({ outcome: 'saved', changed: ['shopNameAr', 'shopNameEn', 'vatNumber', 'crNumber', 'nationalAddress', 'drawer'], restartNeeded: true });
    const [entry] = journal('settings.changed').slice(-1);
    expect(entry).toMatchObject({ source: 'admin-screen' });
    const changes = entry!.changes as Array<{ key: string; before: unknown; after: unknown }>;
    expect(changes.find((c) => c.key === 'vatNumber')).toEqual({ key: 'vatNumber', before: '300000000000003', after: '310122393500003' });
    expect(JSON.parse(storedSettings()).nationalAddress.postalCode).toBe('12345');
    expect((await t.call('getTill', {})).shopNameEn).toBe('Al Noor Markets');

    // The same values again: nothing to change, nothing journaled.
    const again = await t.call('updateSettings', { managerPin: '1234', settings: SHOP });
    expect(again).toEqual({ outcome: 'saved', changed: [], restartNeeded: false });
    expect(journal('settings.changed')).toHaveLength(1);
  });

  it('edit the discount limit and the scale labels in the sales group: a wrong layout is named, a right one saved', async () => {
    const shown = await t.call('getSettings', { managerPin: '1234' });
    const sales = shown.fields.filter((f) => f.group === 'sales');
    expect(sales.map((f) => [f.key, f.kind])).toEqual([
      ['discounts.limitPercent', 'number'],
      ['scaleBarcodes', 'json'],
    ]);
    expect(sales[0]!.value).toBe(10);
    const layouts = sales[1]!.value as Array<{ prefix: string }>;
    expect(layouts.map((l) => l.prefix)).toEqual(['20', '21', '22', '23', '24', '25']);

    const wrong = await t.call('updateSettings', {
      managerPin: '1234',
      settings: { 'discounts.limitPercent': 120, scaleBarcodes: [{ prefix: '30', itemDigits: 5, value: 'weight-grams', valueDigits: 5, priceCheckDigit: false }] },
    });
    expect(wrong.outcome).toBe('invalid');
    if (wrong.outcome !== 'invalid') return;
    const byKey = new Map(wrong.errors.map((e) => [e.key, e]));
    expect(byKey.get('discounts.limitPercent')).toMatchObject({ en: '0 to 100 %' });
    expect(byKey.get('scaleBarcodes.0.prefix')).toMatchObject({ en: 'a prefix 20 to 29', ar: 'بادئة من 20 إلى 29' });

    const price26 = { prefix: '26', itemDigits: 5, value: 'price-halalas', valueDigits: 4, priceCheckDigit: true };
    const right = await t.call('updateSettings', { managerPin: '1234', settings: { 'discounts.limitPercent': 5, scaleBarcodes: [...layouts, price26] } });
    expect(right).toEqual({ outcome: 'saved', changed: ['discounts', 'scaleBarcodes'], restartNeeded: true });
    const stored = JSON.parse(storedSettings()) as { discounts: { limitPercent: number }; scaleBarcodes: Array<{ prefix: string }> };
    expect(stored.discounts.limitPercent).toBe(5);
    expect(stored.scaleBarcodes.map((l) => l.prefix)).toContain('26');
  });

  it('edit the two-factor thresholds in the people group: halalas as riyals, a wrong amount named in both languages', async () => {
    const shown = await t.call('getSettings', { managerPin: '1234' });
    const people = shown.fields.filter((f) => f.group === 'people' && f.key.startsWith('twoFactor.'));
    expect(people.map((f) => [f.key, f.kind, f.value])).toEqual([
      ['twoFactor.refundAboveHalalas', 'riyals', 50_000],
      ['twoFactor.cashDifferenceAboveHalalas', 'riyals', 5_000],
    ]);
    const entries = journal('settings.changed').length;
    const wrong = await t.call('updateSettings', { managerPin: '1234', settings: { 'twoFactor.refundAboveHalalas': -1, 'twoFactor.cashDifferenceAboveHalalas': 12.5 } });
    expect(wrong.outcome).toBe('invalid');
    if (wrong.outcome !== 'invalid') return;
    const byKey = new Map(wrong.errors.map((e) => [e.key, e]));
    expect(byKey.get('twoFactor.refundAboveHalalas')).toMatchObject({ en: 'SAR 0 to 1,000,000', ar: 'من 0 إلى 1,000,000 ريال' });
    expect(byKey.get('twoFactor.cashDifferenceAboveHalalas')).toMatchObject({ en: 'an amount in riyals, at most 2 decimals' });
    expect(journal('settings.changed')).toHaveLength(entries);

    const right = await t.call('updateSettings', { managerPin: '1234', settings: { 'twoFactor.refundAboveHalalas': 75_050, 'twoFactor.cashDifferenceAboveHalalas': 5_000 } });
    expect(right).toEqual({ outcome: 'saved', changed: ['twoFactor'], restartNeeded: true });
    expect(journal('settings.changed').at(-1)).toMatchObject({ source: 'admin-screen', changes: [{ key: 'twoFactor', after: { refundAboveHalalas: 75_050, cashDifferenceAboveHalalas: 5_000 } }] });
    expect(JSON.parse(storedSettings()).twoFactor).toEqual({ refundAboveHalalas: 75_050, cashDifferenceAboveHalalas: 5_000 });
  });

  it('list the role limits in the people group with today\'s values, and refuse a lower role above a higher one or a wrong value', async () => {
    const shown = await t.call('getSettings', { managerPin: '1234' });
    const limits = shown.fields.filter((f) => f.key.startsWith('roleLimits.'));
    expect(new Set(limits.map((f) => f.group))).toEqual(new Set(['people']));
    expect(limits).toHaveLength(15);
    const at = (key: string) => limits.find((f) => f.key === key);
    expect(at('roleLimits.cashier.lineDiscountPercent')).toMatchObject({ kind: 'number', value: 5 });
    expect(at('roleLimits.supervisor.saleDiscountPercent')).toMatchObject({ kind: 'number', value: 10 });
    expect(at('roleLimits.cashier.priceOverride')).toMatchObject({ kind: 'boolean', value: false });
    expect(at('roleLimits.supervisor.refundWithoutApprovalHalalas')).toMatchObject({ kind: 'riyals', value: 20_000 });
    expect(at('roleLimits.manager.drawerWithoutSale')).toMatchObject({ kind: 'boolean', value: true });

    const before = storedSettings();
    const wrong = await t.call('updateSettings', {
      managerPin: '1234',
      settings: { 'roleLimits.cashier.lineDiscountPercent': 30, 'roleLimits.manager.saleDiscountPercent': 101, 'roleLimits.supervisor.priceOverride': 'yes' },
    });
    expect(wrong.outcome).toBe('invalid');
    if (wrong.outcome !== 'invalid') return;
    const byKey = new Map(wrong.errors.map((e) => [e.key, e]));
    expect(byKey.get('roleLimits.manager.saleDiscountPercent')).toMatchObject({ en: '0 to 100 %', ar: 'من 0 إلى 100 ٪' });
    expect(byKey.get('roleLimits.supervisor.priceOverride')).toBeDefined();
    expect(storedSettings()).toBe(before);
    // The ranges right, the order wrong: a cashier may not give more alone than a supervisor.
    const above = await t.call('updateSettings', { managerPin: '1234', settings: { 'roleLimits.cashier.lineDiscountPercent': 30 } });
    expect(above.outcome).toBe('invalid');
    if (above.outcome !== 'invalid') return;
    expect(above.errors).toEqual([expect.objectContaining({ key: 'roleLimits.supervisor.lineDiscountPercent', en: expect.stringContaining("at least the cashier's") as unknown })]);
    expect(storedSettings()).toBe(before);
  });

  it("save a changed role limit, journaled, and main enforces it at once: the cashier's line discount, the drawer and a refund alone", async () => {
    expect(await t.attempt('openDrawer', { reason: 'change' })).toMatchObject({ ok: false, error: { code: 'DRAWER_NEEDS_APPROVAL' } });
    // The line discount: 5 % alone by default; the cashier's limit lowered to 0, the same 5 % needs an approver.
    const line = (await t.call('scanBarcode', { barcode: DEMO.milk.barcode })).lines[0]!;
    const fivePercent = { lineId: line.lineId, discount: { rule: { kind: 'percent' as const, percent: 5 }, reason: 'promotion' as const } };
    expect((await t.attempt('setLineDiscount', fivePercent)).ok).toBe(true);
    await t.call('setLineDiscount', { lineId: line.lineId, discount: null });
    expect((await t.call('updateSettings', { managerPin: '1234', settings: { 'roleLimits.cashier.lineDiscountPercent': 0 } })).outcome).toBe('saved');
    expect(await t.attempt('setLineDiscount', fivePercent)).toMatchObject({ ok: false, error: { code: 'DISCOUNT_NEEDS_APPROVAL' } });
    let due = 0;
    for (const barcode of [DEMO.milk.barcode]) due = (await t.call('scanBarcode', { barcode })).dueHalalas;
    const receipt = (await t.call('tenderCash', { tenderedHalalas: due })).receipt;
    const returnOne = () => t.attempt('returnSale', { receiptNo: receipt.receiptNo, lines: [{ lineId: receipt.lines[0]!.lineId, quantity: 1 }], reason: 'damaged' });
    expect(await returnOne()).toMatchObject({ ok: false, error: { code: 'REFUND_NEEDS_APPROVAL' } });

    const saved = await t.call('updateSettings', {
      managerPin: '1234',
      settings: { 'roleLimits.cashier.drawerWithoutSale': true, 'roleLimits.cashier.refundWithoutApprovalHalalas': DEMO.milk.price },
    });
    expect(saved).toEqual({ outcome: 'saved', changed: ['roleLimits'], restartNeeded: true });
    const [entry] = journal('settings.changed').slice(-1);
    expect(entry).toMatchObject({
      source: 'admin-screen',
      changes: [{ key: 'roleLimits', after: { cashier: { lineDiscountPercent: 0, drawerWithoutSale: true, refundWithoutApprovalHalalas: DEMO.milk.price } } }],
    });

    expect((await t.attempt('openDrawer', { reason: 'change' })).ok).toBe(true);
    expect((await returnOne()).ok).toBe(true);
    // One halala past the new limit still needs an approver.
    await t.call('updateSettings', { managerPin: '1234', settings: { 'roleLimits.cashier.refundWithoutApprovalHalalas': DEMO.milk.price - 1 } });
    expect(await returnOne()).toMatchObject({ ok: false, error: { code: 'REFUND_NEEDS_APPROVAL' } });
  });

  it('edit the idle lock time (lockAfterMinutes), refusing what the schema refuses, and the till then locks on it', async () => {
    const shown = await t.call('getSettings', { managerPin: '1234' });
    expect(shown.fields.find((f) => f.key === 'lockAfterMinutes')).toMatchObject({ group: 'time', kind: 'number', value: 5 });
    const bad = await t.call('updateSettings', { managerPin: '1234', settings: { lockAfterMinutes: 241 } });
    expect(bad.outcome).toBe('invalid');
    if (bad.outcome === 'invalid') expect(bad.errors.map((e) => e.key)).toEqual(['lockAfterMinutes']);
    expect(await t.call('updateSettings', { managerPin: '1234', settings: { lockAfterMinutes: 12 } })).toMatchObject({ outcome: 'saved', changed: ['lockAfterMinutes'] });
    expect(JSON.parse(storedSettings()).lockAfterMinutes).toBe(12);
    expect((await t.call('currentUser', {})).lockAfterMs).toBe(12 * 60_000);
  });

  it('limit one save to what the browser host carries', () => {
    const at = (n: number) => ({ managerPin: '1234', settings: { 'receipt.footerAr': '\u0001'.repeat(n) } });
    expect(Buffer.byteLength(JSON.stringify(at(187).settings))).toBeLessThanOrEqual(SETTINGS_PATCH_MAX_BYTES);
    expect(methods.updateSettings.input.safeParse(at(187)).success).toBe(true);
    expect(methods.updateSettings.input.safeParse(at(188)).success).toBe(false);
  });
});

describe('the commissioning self-tests', () => {
  const step = (input: Omit<MethodInput<'commissioningStep'>, 'managerPin'>) => t.call('commissioningStep', { managerPin: '1234', ...input });

  it('identity fails on the demo shop, passes once the shop is set', async () => {
    const demo = await step({ step: 'identity' });
    expect(demo.result).toMatchObject({ step: 'identity', ok: false, error: { code: 'COMMISSIONING_DEMO_IDENTITY' } });
    expect(demo.result?.error?.message_ar).toMatch(/[\u0600-\u06ff]/);
    await t.call('updateSettings', { managerPin: '1234', settings: SHOP });
    const shop = await step({ step: 'identity' });
    expect(shop.result).toMatchObject({ ok: true, error: null, facts: { vatNumber: '310122393500003', postalCode: '12211' } });
  });

  it('prints the test page (Arabic, a QR, a cut) and kicks the drawer on the printer', async () => {
    const printed = await step({ step: 'printer' });
    expect(printed.result).toMatchObject({ ok: true, facts: { link: 'simulator' } });
    const paper = sims.currentPrinter()!;
    expect(paper.receipts).toHaveLength(1);
    expect(paper.receipts[0]!.cut).not.toBeNull();
    expect(paper.receipts[0]!.image.height).toBeGreaterThan(300);
    const drawer = await step({ step: 'drawer' });
    expect(drawer.result?.ok).toBe(true);
    expect(paper.drawerKicks()).toBe(1);
  });

  it('fails the printer step, with the printer\'s own error, when the printer is offline', async () => {
    await step({ step: 'printer' }); // the virtual printer exists once something has been sent
    sims.currentPrinter()!.setStatus({ paperOut: true, online: false });
    const offline = await step({ step: 'printer' });
    expect(offline.result?.ok).toBe(false);
    expect(offline.result?.error?.code).toMatch(/^PRINTER_/);
    expect(offline.result?.error?.message_ar).toMatch(/[\u0600-\u06ff]/);
  });

  it('reads the scan and the customer display as the screen reports them', async () => {
    expect((await step({ step: 'scanner' })).result?.error?.code).toBe('COMMISSIONING_NO_SCAN');
    expect((await step({ step: 'scanner', scan: { text: 'ٌ٦٢٨١', arabicLayout: false } })).result?.error?.code).toBe('COMMISSIONING_SCAN_NOT_DIGITS');
    const read = await step({ step: 'scanner', scan: { text: '6281000000014', arabicLayout: true } });
    expect(read.result).toMatchObject({ ok: true, facts: { read: '6281000000014', arabicLayout: true } });
    expect((await step({ step: 'customerDisplay', shown: false })).result?.ok).toBe(false);
    expect((await step({ step: 'customerDisplay', shown: true })).result?.ok).toBe(true);
  });

  it('checks the card terminal, settles only with the admin\'s go-ahead, and checks STC Pay', async () => {
    const status = await step({ step: 'cardTerminal' });
    expect(status.result).toMatchObject({ ok: true, facts: { configured: true, health: 'connected', lastTransaction: 'none', settled: false } });
    expect(journal('terminal.settled')).toHaveLength(0);
    const settled = await step({ step: 'cardTerminal', confirmRealCard: true });
    expect(settled.result).toMatchObject({ ok: true, facts: { settled: true, testPurchase: 'reversed' } });
    expect(journal('terminal.settled')).toHaveLength(1);
    // The 1.00 SAR test: approved on the terminal, reversed at once, no sale and no tender, nothing in doubt.
    expect(journal('purchase.approved')).toEqual([expect.objectContaining({ amountHalalas: 100 })]);
    expect(journal('payment.orphaned')).toEqual([expect.objectContaining({ saleId: null, amountHalalas: 100 })]);
    expect(journal('payment.reversed')).toHaveLength(1);
    expect(journal('tender.attached')).toHaveLength(0);
    const after = await t.call('getTerminalStatus', {});
    expect(after.needsAttention).toEqual([]);
    expect((await t.call('getSale', {})).tenders).toEqual([]);
    const providers = await step({ step: 'providers' });
    expect(providers.result).toMatchObject({ ok: true, facts: { stcPay: true, stcPayHealth: 'connected' } });
  });

  it('journals every step, saves the report in the data folder and prints it when done', async () => {
    await t.call('updateSettings', { managerPin: '1234', settings: SHOP });
    const run = async (s: Parameters<typeof step>[0]) => expect((await step(s)).result?.ok).toBe(true);
    await run({ step: 'identity' });
    await run({ step: 'printer' });
    await run({ step: 'drawer' });
    await run({ step: 'scanner', scan: { text: '6281000000014', arabicLayout: false } });
    await run({ step: 'customerDisplay', shown: true });
    await run({ step: 'cardTerminal' });
    await run({ step: 'providers' });
    const done = await step({ step: 'done' });
    expect(done.result).toBeNull();
    expect(done.report).toMatchObject({ complete: true, printed: true, tillId: 'T01' });
    expect(done.report.steps.map((s) => s.step)).toEqual(['identity', 'printer', 'drawer', 'scanner', 'customerDisplay', 'cardTerminal', 'providers']);
    const saved = JSON.parse(fs.readFileSync(path.join(t.dir, 'commissioning-report.json'), 'utf8')) as { complete: boolean; steps: unknown[] };
    expect(saved).toMatchObject({ complete: true });
    expect(saved.steps).toHaveLength(7);
    expect(sims.currentPrinter()!.receipts).toHaveLength(2); // the test page, then the report
    const entries = journal('commissioning.step');
    expect(entries).toHaveLength(7);
    expect(entries[0]).toMatchObject({ step: 'identity', ok: true, detail: { error: null } });
    expect(journal('commissioning.report')).toEqual([expect.objectContaining({ complete: true, printed: true })]);

    // A restart keeps the results.
    await t.restart();
    expect((await t.call('getCommissioningReport', {})).steps).toHaveLength(7);
  });
});
