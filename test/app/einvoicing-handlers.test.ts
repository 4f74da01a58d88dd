// The admin screen's e-invoicing methods through the real dispatcher on a real till, the demo onboarded with the
// platform simulator (real HTTPS, its own CAs): the manager PIN guards every call; onboarding with a wrong OTP is
// refused by the platform, answered in both languages and keeps nothing; documents are listed newest first with
// their state and ZATCA's messages (a rejection, warnings, a platform in trouble) and the stored XML's hashes.
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ledgerFile } from '../../main/app';
import { createEinvoicingHandlers } from '../../main/app/einvoicing-handlers';
import { createManagerAuth } from '../../main/auth';
import { openDatabase } from '../../main/db';
import { createEinvoicing, createPlatformClient } from '../../main/einvoicing';
import { createJournal } from '../../main/ledger';
import { createFileSecretStore } from '../../main/secrets';
import { openSettings } from '../../main/settings';
import { createTillSimulators } from '../../main/sim';
import { DEFAULT_OTP, startZatcaSimulator } from '../../main/sim/zatca';
import { methods, type EinvoiceItem } from '../../preload/contract';
import { updateSettings } from '../support/providers';
import { DEMO, startTestTill, type TestTill } from '../support/till';
import { tempDir } from '../support/tmp';

const PIN = '1234';
let t: TestTill;
let sims: ReturnType<typeof createTillSimulators>;
/** What afterEach closes: the till a test started, and its folder when the test made one to configure first. */
let opened: Array<() => unknown> = [];

const start = async (configure?: (dir: string) => void) => {
  sims = createTillSimulators();
  const tmp = configure ? tempDir() : null;
  if (tmp && configure) configure(tmp.dir);
  t = await startTestTill(tmp?.dir, { simulators: sims, providerCheckMs: 0 });
  opened = [() => t.close(), ...(tmp ? [tmp.cleanup] : [])];
};
afterEach(async () => {
  for (const close of opened.splice(0)) await close();
});

function rows<T>(sql: string, ...params: unknown[]): T[] {
  const db = new Database(ledgerFile(t.dir), { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

async function sell(barcode: string): Promise<string> {
  const due = (await t.call('scanBarcode', { barcode })).dueHalalas;
  return (await t.call('tenderCash', { tenderedHalalas: due })).receipt.receiptNo;
}

/** Polls the list until `check` holds (the queue reports in the background). */
async function listedUntil(check: (items: EinvoiceItem[]) => boolean, input: { state?: EinvoiceItem['state'] } = {}): Promise<EinvoiceItem[]> {
  const end = Date.now() + 10_000;
  for (;;) {
    const { items } = await t.call('listEinvoices', { managerPin: PIN, ...input });
    if (check(items)) return items;
    if (Date.now() > end) throw new Error(`not listed as expected: ${JSON.stringify(items.map((i) => [i.receiptNo, i.state]))}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('on the demo till', () => {
  beforeEach(() => start());

  it('refuse a wrong manager PIN on every call, before anything is sent', async () => {
    const before = sims.currentEinvoicing()!.requests().length;
    for (const [method, input] of [
      ['getEinvoicing', { managerPin: '9999' }],
      ['listEinvoices', { managerPin: '9999' }],
      ['onboardEinvoicing', { managerPin: '9999', environment: 'simulator', otp: DEFAULT_OTP }],
      ['renewEinvoicing', { managerPin: '9999', otp: DEFAULT_OTP }],
    ] as const) {
      const answer = await t.attempt(method, input as never);
      expect(answer.ok, method).toBe(false);
      if (!answer.ok) expect(answer.error.code, method).toBe('MANAGER_PIN_WRONG');
    }
    expect(sims.currentEinvoicing()!.requests().length).toBe(before);
    expect(rows('SELECT egs_id FROM einvoice_units')).toHaveLength(1);
  });

  it('show the demo unit onboarded with the simulator, its certificate and an empty queue', async () => {
    const status = await t.call('getEinvoicing', { managerPin: PIN });
    expect(methods.getEinvoicing.output.safeParse(status).success).toBe(true);
    const [unit] = rows<{ egs_id: string; not_after: string }>("SELECT egs_id, not_after FROM einvoice_units WHERE state = 'active'");
    expect(status).toMatchObject({
      environment: 'simulator',
      ready: true,
      unit: { egsId: unit!.egs_id, environment: 'simulator', notAfter: unit!.not_after },
      counts: { waiting: 0, reported: 0, warned: 0, rejected: 0 },
      oldestWaitingAt: null,
      oldestWaitingMinutes: null,
      urgency: 'ok',
      lastProblem: null,
      environments: ['simulator', 'sandbox', 'simulation', 'production'],
    });
    // The simulator issues certificates for 365 days.
    expect(status.unit!.daysToExpiry).toBeGreaterThanOrEqual(363);
    expect(status.unit!.daysToExpiry).toBeLessThanOrEqual(365);
  });

  it('answer a wrong OTP with the platform refusing it, in both languages, and keep nothing', async () => {
    const [before] = rows<{ egs_id: string }>("SELECT egs_id FROM einvoice_units WHERE state = 'active'");
    const answer = await t.call('onboardEinvoicing', { managerPin: PIN, environment: 'simulator', otp: '654321' });
    expect(methods.onboardEinvoicing.output.safeParse(answer).success).toBe(true);
    expect(answer).toMatchObject({ outcome: 'failed', step: 'compliance-csid', error: { code: 'EINVOICE_ONBOARD_OTP_REFUSED' } });
    if (answer.outcome !== 'failed') return;
    expect(answer.error.message_ar).toMatch(/[\u0600-\u06ff]/);
    expect(answer.error.message_en).toContain('OTP');
    expect(answer.messages.map((m) => m.code)).toContain('Invalid-OTP');
    expect(answer.detail).toMatch(/^ZATCA_CSID_REFUSED/);
    // The platform saw the attempt; the till kept no unit, no key and no journal entry of one.
    expect(sims.currentEinvoicing()!.requests('compliance').at(-1)?.status).toBe(400);
    expect(rows("SELECT egs_id FROM einvoice_units WHERE state = 'active'")).toEqual([before]);
    expect(rows('SELECT egs_id FROM einvoice_units')).toHaveLength(1);
    expect((await t.call('getEinvoicing', { managerPin: PIN })).ready).toBe(true);
  });

  it('onboard again with the right OTP: a new unit, the old one retired, the status shows the new certificate', async () => {
    const [before] = rows<{ egs_id: string }>("SELECT egs_id FROM einvoice_units WHERE state = 'active'");
    const answer = await t.call('onboardEinvoicing', { managerPin: PIN, environment: 'simulator', otp: DEFAULT_OTP });
    expect(answer.outcome).toBe('onboarded');
    if (answer.outcome !== 'onboarded') return;
    expect(answer.settingsChanged).toBe(false);
    expect(answer.checks).toHaveLength(6); // the demo issues standard invoices too (1100)
    expect(answer.status.ready).toBe(true);
    expect(answer.status.unit?.egsId).not.toBe(before!.egs_id);
    expect(rows<{ egs_id: string; state: string }>('SELECT egs_id, state FROM einvoice_units ORDER BY created_seq')).toEqual([
      { egs_id: before!.egs_id, state: 'retired' },
      { egs_id: answer.status.unit!.egsId, state: 'active' },
    ]);
    // The new unit signs the next sale, from ICV 1 of its own chain.
    const receiptNo = await sell(DEMO.milk.barcode);
    const [item] = await listedUntil((items) => items[0]?.state === 'reported');
    expect(item).toMatchObject({ receiptNo, egsId: answer.status.unit!.egsId, icv: 1 });
  });

  it('renew the certificate with an OTP: the same unit, a new certificate, the chain going on; a wrong OTP changes nothing', async () => {
    const [before] = rows<{ egs_id: string; certificate: string }>("SELECT egs_id, certificate FROM einvoice_units WHERE state = 'active'");
    const first = await sell(DEMO.milk.barcode);
    const wrong = await t.call('renewEinvoicing', { managerPin: PIN, otp: '654321' });
    expect(methods.renewEinvoicing.output.safeParse(wrong).success).toBe(true);
    expect(wrong).toMatchObject({ outcome: 'failed' });
    if (wrong.outcome === 'failed') {
      expect(wrong.error.message_ar).toMatch(/[\u0600-\u06ff]/);
      expect(wrong.error.message_en.length).toBeGreaterThan(10);
    }
    expect(rows("SELECT egs_id, certificate FROM einvoice_units WHERE state = 'active'")).toEqual([before]);

    const renewed = await t.call('renewEinvoicing', { managerPin: PIN, otp: DEFAULT_OTP });
    expect(renewed.outcome).toBe('renewed');
    if (renewed.outcome !== 'renewed') return;
    expect(renewed.status.unit?.egsId).toBe(before!.egs_id);
    const [after] = rows<{ egs_id: string; certificate: string }>("SELECT egs_id, certificate FROM einvoice_units WHERE state = 'active'");
    expect(after!.egs_id).toBe(before!.egs_id);
    expect(after!.certificate).not.toBe(before!.certificate);
    // The next sale is ICV 2 of the same unit's chain.
    const second = await sell(DEMO.bread.barcode);
    const items = await listedUntil((list) => list.length === 2 && list.every((i) => i.state === 'reported'));
    expect(items.map((i) => [i.receiptNo, i.icv, i.egsId])).toEqual([
      [second, 2, before!.egs_id],
      [first, 1, before!.egs_id],
    ]);
  });

  it('run one onboarding at a time: a second one meanwhile is refused as busy', async () => {
    const [first, second] = await Promise.all([
      t.call('onboardEinvoicing', { managerPin: PIN, environment: 'simulator', otp: DEFAULT_OTP }),
      t.call('onboardEinvoicing', { managerPin: PIN, environment: 'simulator', otp: DEFAULT_OTP }),
    ]);
    expect(first.outcome).toBe('onboarded');
    expect(second).toMatchObject({ outcome: 'failed', step: null, error: { code: 'EINVOICE_ONBOARD_BUSY' } });
    expect(rows("SELECT egs_id FROM einvoice_units WHERE state = 'active'")).toHaveLength(1);
    expect(rows('SELECT egs_id FROM einvoice_units')).toHaveLength(2);
  });

  it('refuse inputs out of bounds: an OTP that is not six Latin digits, a page over 100, unknown keys', async () => {
    for (const otp of ['12345', '1234567', '١٢٣٣٤٥', '12334a', ' 123345']) {
      const answer = await t.attempt('onboardEinvoicing', { managerPin: PIN, environment: 'simulator', otp });
      expect(answer.ok ? 'ok' : answer.error.code, otp).toBe('INVALID_INPUT');
    }
    const bad = [
      ['onboardEinvoicing', { managerPin: PIN, environment: 'staging', otp: DEFAULT_OTP }],
      ['listEinvoices', { managerPin: PIN, pageSize: 101 }],
      ['listEinvoices', { managerPin: PIN, pageSize: 0 }],
      ['listEinvoices', { managerPin: PIN, page: -1 }],
      ['listEinvoices', { managerPin: PIN, page: 100_001 }],
      ['listEinvoices', { managerPin: PIN, state: 'cleared' }],
      ['getEinvoicing', { managerPin: PIN, extra: 1 }],
      ['onboardEinvoicing', { managerPin: PIN, environment: 'simulator', otp: DEFAULT_OTP, egsId: 'x' }],
    ] as const;
    for (const [method, input] of bad) {
      const answer = await t.attempt(method, input as never);
      expect(answer.ok ? 'ok' : answer.error.code, JSON.stringify(input)).toBe('INVALID_INPUT');
    }
    expect(rows('SELECT egs_id FROM einvoice_units')).toHaveLength(1);
  });

  it("list a rejected document with ZATCA's messages, and filter by state", async () => {
    sims.currentEinvoicing()!.script({ call: 'reporting', action: 'rejected' });
    const rejectedNo = await sell(DEMO.milk.barcode);
    await listedUntil((items) => items[0]?.state === 'rejected');
    const reportedNo = await sell(DEMO.bread.barcode);
    const items = await listedUntil((list) => list.length === 2 && list[0]?.state === 'reported');
    expect(items.map((i) => [i.receiptNo, i.state])).toEqual([
      [reportedNo, 'reported'],
      [rejectedNo, 'rejected'],
    ]);
    const rejected = items[1]!;
    expect(rejected).toMatchObject({ kind: 'invoice', icv: 1, reportedAt: null });
    expect(rejected.messages).toEqual([{ code: 'BR-KSA-37', category: 'KSA', message: 'The seller address building number must contain 4 digits.', status: expect.any(String) }]);
    expect(items[0]!.messages).toEqual([]);

    // The hashes shown are the stored document's: ZATCA's invoice hash and the SHA-256 of the exact bytes.
    const [stored] = rows<{ hash: string; xml: Buffer; xml_sha256: string }>('SELECT hash, xml, xml_sha256 FROM einvoice_documents WHERE number = ?', rejectedNo);
    expect(rejected.invoiceHash).toBe(stored!.hash);
    expect(rejected.xmlSha256).toBe(createHash('sha256').update(stored!.xml).digest('hex'));
    expect(rejected.xmlSha256).toBe(stored!.xml_sha256);

    const onlyRejected = await t.call('listEinvoices', { managerPin: PIN, state: 'rejected' });
    // Each state's count comes with the page, from the same read as its items, whatever the filter.
    expect(onlyRejected).toMatchObject({ total: 1, page: 0, pageSize: 20, counts: { waiting: 0, reported: 1, warned: 0, rejected: 1 } });
    expect(onlyRejected.items.map((i) => i.receiptNo)).toEqual([rejectedNo]);
    expect((await t.call('listEinvoices', { managerPin: PIN, state: 'waiting' })).items).toEqual([]);
    expect(methods.listEinvoices.output.safeParse(onlyRejected).success).toBe(true);
    expect((await t.call('getEinvoicing', { managerPin: PIN })).counts).toEqual({ waiting: 0, reported: 1, warned: 0, rejected: 1 });
  });

  it("keep ZATCA's warnings on a document reported with them", async () => {
    sims.currentEinvoicing()!.script({ call: 'reporting', action: 'warnings' });
    const receiptNo = await sell(DEMO.water.barcode);
    const [item] = await listedUntil((items) => items[0]?.state === 'warned', { state: 'warned' });
    expect(item).toMatchObject({ receiptNo, state: 'warned' });
    expect(item!.reportedAt).not.toBeNull();
    expect(item!.messages.map((m) => m.code)).toEqual(['BR-KSA-98']);
  });

  it('show a document the platform could not take as waiting, with its age, why, and the problem', async () => {
    sims.currentEinvoicing()!.script({ call: 'reporting', action: 'status', status: 503 });
    const receiptNo = await sell(DEMO.coffee.barcode);
    const [item] = await listedUntil((items) => items[0]?.attempts === 1);
    expect(item).toMatchObject({ receiptNo, state: 'waiting', attempts: 1 });
    expect(item!.lastError).toContain('503');
    expect(item!.nextAttemptAt).not.toBeNull();
    const status = await t.call('getEinvoicing', { managerPin: PIN });
    expect(status.counts.waiting).toBe(1);
    expect(status.oldestWaitingMinutes).toBe(0);
    expect(Date.parse(status.oldestWaitingAt!)).toBeLessThanOrEqual(Date.now());
    expect(status.urgency).toBe('ok');
    expect(status.lastProblem?.error.code).toBe('ZATCA_UNREACHABLE');
    expect(status.lastProblem?.error.message_ar).toMatch(/[\u0600-\u06ff]/);
  });

  it('page through the documents newest first', async () => {
    const numbers = [];
    for (const barcode of [DEMO.milk.barcode, DEMO.bread.barcode, DEMO.dates.barcode]) numbers.push(await sell(barcode));
    const first = await t.call('listEinvoices', { managerPin: PIN, pageSize: 2 });
    const second = await t.call('listEinvoices', { managerPin: PIN, pageSize: 2, page: 1 });
    expect(first.total).toBe(3);
    expect(first.items.map((i) => [i.receiptNo, i.icv])).toEqual([
      [numbers[2], 3],
      [numbers[1], 2],
    ]);
    expect(second.items.map((i) => [i.receiptNo, i.icv])).toEqual([[numbers[0], 1]]);
    expect((await t.call('listEinvoices', { managerPin: PIN, pageSize: 2, page: 2 })).items).toEqual([]);
  });
});

describe('on a till set up for a ZATCA environment', () => {
  beforeEach(() => start((dir) => updateSettings(dir, { einvoicing: { platform: { kind: 'zatca', environment: 'sandbox' }, standardInvoices: false, zeroRatedReason: { code: 'VATEX-SA-35', text: 'Medicines' }, exemptReason: { code: 'VATEX-SA-29', text: 'Financial services' } } })));

  it('show it not onboarded, and refuse the simulator without sending anything', async () => {
    const status = await t.call('getEinvoicing', { managerPin: PIN });
    expect(status).toMatchObject({ environment: 'sandbox', ready: false, unit: null, environments: ['sandbox'] });
    const answer = await t.call('onboardEinvoicing', { managerPin: PIN, environment: 'simulator', otp: DEFAULT_OTP });
    expect(answer).toMatchObject({ outcome: 'failed', step: null, error: { code: 'EINVOICE_ONBOARD_ENVIRONMENT' } });
    expect(sims.currentEinvoicing()).toBeNull();
    expect(rows('SELECT egs_id FROM einvoice_units')).toEqual([]);
  });
});

describe('going live from the demo', () => {
  it('onboarding into another environment points the settings there, journaled as the admin screen', async () => {
    const tmp = tempDir();
    const sim = await startZatcaSimulator();
    const db = openDatabase(ledgerFile(tmp.dir));
    try {
      const settings = openSettings(db);
      const journal = createJournal(db, settings.get().tillId);
      const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
      // ZATCA's sandbox played by the simulator: the onboarding is the real one, over HTTPS.
      const einvoicing = createEinvoicing({
        db,
        journal,
        secrets: createFileSecretStore({ dataDir: tmp.dir }),
        settings: settings.get,
        platform: async (environment) => ({ environment, client: createPlatformClient({ baseUrl: sim.baseUrl, ca: sim.caPem }) }),
        appVersion: '0.0.0-test',
        log: quiet,
      });
      const manager = createManagerAuth({ db, journal, stored: () => settings.get().managerPin });
      const handlers = createEinvoicingHandlers({ einvoicing, manager, settings, db, journal });

      const answer = await handlers.onboardEinvoicing({ managerPin: PIN, environment: 'sandbox', otp: DEFAULT_OTP });
      expect(answer).toMatchObject({ outcome: 'onboarded', settingsChanged: true, status: { environment: 'sandbox', ready: true, unit: { environment: 'sandbox' }, environments: ['sandbox'] } });
      expect(settings.get().einvoicing?.platform).toEqual({ kind: 'zatca', environment: 'sandbox' });
      const entries = db.prepare<[], { payload: string }>("SELECT payload FROM journal WHERE type = 'settings.changed'").all().map((r) => JSON.parse(r.payload));
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ source: 'admin-screen', reason: 'einvoicing-onboarded', changes: [{ key: 'einvoicing', before: { platform: { kind: 'simulator' } }, after: { platform: { kind: 'zatca', environment: 'sandbox' } } }] });

      // A failed one changes nothing.
      const refused = await handlers.onboardEinvoicing({ managerPin: PIN, environment: 'sandbox', otp: '000000' });
      expect(refused).toMatchObject({ outcome: 'failed', error: { code: 'EINVOICE_ONBOARD_OTP_REFUSED' } });
      expect(db.prepare("SELECT COUNT(*) AS n FROM journal WHERE type = 'settings.changed'").get()).toEqual({ n: 1 });
      await einvoicing.close();
    } finally {
      db.close();
      await sim.close();
      tmp.cleanup();
    }
  });
});
