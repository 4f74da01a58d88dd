// Renewing the production CSID (issue #12) on a real till's SQLite file, against the platform simulator over real
// HTTPS: onboard, sell, renew, sell again — the unit and its ICV/PIH chain go on, the new document is signed with
// the new certificate, documents signed before are reported with the new credentials, `ledger verify` replays the
// renewal. A wrong OTP, a refusal, a network failure change nothing; a crash between storing the new key and
// switching the unit (or just after) leaves a unit whose key is its certificate's.
import { X509Certificate } from 'node:crypto';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { ledgerFile, LEDGER_PROJECTIONS } from '../../main/app';
import { checkLedgerFile } from '../../main/backup';
import { openDatabase } from '../../main/db';
import { createEinvoicing, createPlatformClient, tokenOf, type PlatformAccess, type RenewResult } from '../../main/einvoicing';
import { readCsr } from '../../main/einvoicing/onboarding';
import { identityOfCertificate, renewUnit } from '../../main/einvoicing/onboarding/renew';
import { createUnitStore, secretNamesOf, type UnitRow } from '../../main/einvoicing/units';
import { readStampCertificate, SEED_PIH, verifySignedInvoice } from '../../main/fiscal/einvoice';
import { createJournal } from '../../main/ledger';
import { createFileSecretStore } from '../../main/secrets';
import { openSettings } from '../../main/settings';
import { createTillSimulators, type TillSimulators } from '../../main/sim';
import { DEFAULT_OTP, startZatcaSimulator, type ZatcaFault, type ZatcaSimulator, type ZatcaSimulatorOptions } from '../../main/sim/zatca';
import { DEMO, startTestTill, type TestTill } from '../support/till';

const sims: ZatcaSimulator[] = [];
let t: TestTill | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
  await Promise.all(sims.splice(0).map((s) => s.close()));
});

async function platformSim(options: ZatcaSimulatorOptions = {}): Promise<ZatcaSimulator> {
  const sim = await startZatcaSimulator({ outOfOrder: true, ...options });
  sims.push(sim);
  return sim;
}

const adoptInto = (sim: ZatcaSimulator): NonNullable<PlatformAccess['simulator']>['adopt'] => ({ certificate, secret, chain }) =>
  sim.adoptCsid({ certificate, kind: 'production', secret, ...(chain ? { chain } : {}) });

/** The demo's simulators, with the platform the test holds (it outlives a till restart, or is swapped for a fresh one). */
function withPlatform(platform: () => ZatcaSimulator): TillSimulators {
  const base = createTillSimulators();
  return {
    ...base,
    async einvoicing() {
      const sim = platform();
      return { baseUrl: sim.baseUrl, caPem: sim.caPem, otp: DEFAULT_OTP, adopt: adoptInto(sim), close: async () => undefined };
    },
    currentEinvoicing: () => platform(),
  };
}

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** E-invoicing on the stopped till's data folder, as `nuqta zatca renew` opens it. */
function offline(dir: string, sim: ZatcaSimulator) {
  const db = openDatabase(ledgerFile(dir));
  const settings = openSettings(db);
  const secrets = createFileSecretStore({ dataDir: dir });
  const journal = createJournal(db, settings.get().tillId);
  const client = createPlatformClient({ baseUrl: sim.baseUrl, ca: sim.caPem, timeoutMs: 1500 });
  const access: PlatformAccess = { environment: 'simulator', client, simulator: { otp: DEFAULT_OTP, adopt: adoptInto(sim) } };
  const e = createEinvoicing({ db, journal, secrets, settings: settings.get, platform: async () => access, appVersion: 'test', log: quiet });
  return {
    e,
    db,
    secrets,
    journal,
    settings,
    client,
    /** The unit's current production CSID, as the till reports with it. */
    current: (unit: UnitRow) => ({ binarySecurityToken: tokenOf(unit.certificate!), secret: Buffer.from(secrets.get(secretNamesOf(secrets, unit).csidSecret)!).toString('utf8') }),
    close: async () => {
      await e.close();
      db.close();
    },
  };
}

function read<T>(dir: string, sql: string): T[] {
  const db = new Database(ledgerFile(dir), { readonly: true });
  try {
    return db.prepare<[], T>(sql).all();
  } finally {
    db.close();
  }
}

const activeUnit = (dir: string) => read<UnitRow>(dir, "SELECT * FROM einvoice_units WHERE state = 'active'")[0]!;
const documents = (dir: string) => read<{ egs_id: string; icv: number; pih: string; hash: string; xml: Buffer }>(dir, 'SELECT egs_id, icv, pih, hash, xml FROM einvoice_documents ORDER BY icv');
const reports = (dir: string) => read<{ icv: number; state: string; attempts: number }>(dir, 'SELECT icv, state, attempts FROM einvoice_reports ORDER BY icv');
const unitSecretNamesIn = (dir: string, egsId: string) =>
  createFileSecretStore({ dataDir: dir })
    .names()
    .filter((n) => n.startsWith(`einvoicing.${egsId}.`));

/** Everything a failed renewal must leave as it was: the units, the journal, the e-invoicing secrets. */
function snapshot(dir: string) {
  const secrets = createFileSecretStore({ dataDir: dir });
  return {
    units: read(dir, 'SELECT * FROM einvoice_units ORDER BY egs_id'),
    journal: read(dir, 'SELECT seq, type FROM journal ORDER BY seq'),
    secrets: secrets
      .names()
      .filter((n) => n.startsWith('einvoicing.'))
      .map((n) => [n, Buffer.from(secrets.get(n)!).toString('base64')]),
  };
}

async function sell(till: TestTill, barcode: string): Promise<string> {
  const due = (await till.call('scanBarcode', { barcode })).dueHalalas;
  return (await till.call('tenderCash', { tenderedHalalas: due })).receipt.receiptNo;
}

// A sale made while a queue pass is running waits for the next pass (the kick joins the running one): the tests
// let the pass at start finish before they sell.
const until = async (check: () => boolean, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
};

const signingCertificate = (xml: Buffer) => /<ds:X509Certificate>([^<]+)<\/ds:X509Certificate>/.exec(xml.toString('utf8'))![1]!;
const authOf = (header: string | undefined) => Buffer.from(header!.replace(/^Basic /, ''), 'base64').toString('utf8');

describe('renewing the production CSID', () => {
  it('onboard, sell, renew, sell again: the same unit and chain, a new key and certificate, old and new documents reported with the new CSID', async () => {
    let platform = await platformSim();
    t = await startTestTill(undefined, { simulators: withPlatform(() => platform), providerCheckMs: 0 });
    // The first two documents wait (FATOORA down): signed with the old certificate, reported after the renewal.
    platform.script({ call: 'reporting', action: 'status', status: 503, count: 50 });
    await sell(t, DEMO.milk.barcode);
    await sell(t, DEMO.bread.barcode);
    await until(() => reports(t!.dir).length === 2 && reports(t!.dir).every((r) => r.attempts >= 1));
    const before = activeUnit(t.dir);
    const oldSecret = Buffer.from(createFileSecretStore({ dataDir: t.dir }).get(`einvoicing.${before.egs_id}.secret`)!).toString('utf8');
    await t.till.close();
    platform.clearScript();

    const o = offline(t.dir, platform);
    const result = await o.e.renew({ otp: DEFAULT_OTP });
    await o.close();
    expect(result).toMatchObject({ ok: true, egsId: before.egs_id, environment: 'simulator', previousNotAfter: before.not_after });

    // The same unit, active, with a new certificate on a new key, issued by the platform's CA for the same EGS.
    const after = activeUnit(t.dir);
    expect(after).toMatchObject({ egs_id: before.egs_id, state: 'active', common_name: before.common_name, serial: before.serial });
    expect(after.certificate).not.toBe(before.certificate);
    expect(after.not_after).toBe((result as Extract<RenewResult, { ok: true }>).notAfter);
    const oldCert = readStampCertificate(before.certificate!);
    const newCert = readStampCertificate(after.certificate!);
    expect(newCert.publicKeySpki.equals(oldCert.publicKeySpki)).toBe(false);
    expect(new X509Certificate(newCert.der).verify(new X509Certificate(platform.einvoiceCaPem).publicKey)).toBe(true);
    expect(identityOfCertificate(after.certificate!)).toEqual(identityOfCertificate(before.certificate!));
    // Journaled; the old key and secret are gone, the new pair is the only one.
    expect(read<{ type: string }>(t.dir, "SELECT type FROM journal WHERE type LIKE 'einvoice.unit%' ORDER BY seq").map((r) => r.type)).toEqual([
      'einvoice.unit_created',
      'einvoice.unit_activated',
      'einvoice.unit_renewed',
    ]);
    expect(unitSecretNamesIn(t.dir, before.egs_id)).toHaveLength(2);
    expect(unitSecretNamesIn(t.dir, before.egs_id)).not.toContain(`einvoicing.${before.egs_id}.key`);

    // What went to FATOORA: PATCH production/csids with the OTP, the CURRENT CSID, and a CSR for the new key and the same unit.
    const [patch, ...more] = platform.requests('renew-csid');
    expect(more).toEqual([]);
    expect(patch).toMatchObject({ method: 'PATCH', status: 200, headers: expect.objectContaining({ otp: DEFAULT_OTP, 'accept-version': 'V2' }) });
    expect(authOf(patch!.headers.authorization)).toBe(`${tokenOf(before.certificate!)}:${oldSecret}`);
    const csr = readCsr((patch!.body as { csr: string }).csr);
    expect(csr.spki.equals(newCert.publicKeySpki)).toBe(true);
    expect(`${csr.vatNumber}|${csr.egsSerial}`).toBe(`${identityOfCertificate(before.certificate!)!.vatNumber}|${identityOfCertificate(before.certificate!)!.egsSerial}`);
    expect(platform.requests('compliance')).toHaveLength(1); // onboarding's only: no new compliance CSID

    // The till again, on a FRESH simulator (a restarted demo knows none of it): the waiting documents signed with
    // the old certificate go with the new CSID, and the next sale is ICV 3 on the new certificate.
    const db = new Database(ledgerFile(t.dir));
    db.prepare('UPDATE einvoice_reports SET next_attempt_at = NULL').run();
    db.close();
    platform = await platformSim();
    await t.restart();
    await until(() => reports(t!.dir).every((r) => r.state === 'reported'));
    await sell(t, DEMO.water.barcode);
    await until(() => reports(t!.dir).every((r) => r.state === 'reported'));
    const docs = documents(t.dir);
    expect(docs.map((d) => [d.egs_id, d.icv])).toEqual([1, 2, 3].map((icv) => [before.egs_id, icv]));
    expect(docs[0]!.pih).toBe(SEED_PIH);
    expect(docs[1]!.pih).toBe(docs[0]!.hash);
    expect(docs[2]!.pih).toBe(docs[1]!.hash);
    expect(docs.map((d) => signingCertificate(d.xml))).toEqual([before.certificate, before.certificate, after.certificate]);
    for (const d of docs) expect(verifySignedInvoice(d.xml.toString('utf8')).findings).toEqual([]);
    const newSecret = Buffer.from(createFileSecretStore({ dataDir: t.dir }).get(`${unitSecretNamesIn(t.dir, before.egs_id).find((n) => n.endsWith('.secret'))}`)!).toString('utf8');
    const accepted = platform.requests('reporting').filter((r) => r.status === 200);
    expect(accepted.map((r) => r.icv).sort()).toEqual([1, 2, 3]);
    for (const r of accepted) expect(authOf(r.headers.authorization)).toBe(`${tokenOf(after.certificate!)}:${newSecret}`);
    expect(platform.requests('renew-csid')).toEqual([]); // 365 days left: the demo did not renew at start
    expect(checkLedgerFile(ledgerFile(t.dir), LEDGER_PROJECTIONS)).toMatchObject({ ok: true });
  });

  it('`ledger verify` replays the renewal: a unit row put back to the old certificate is found', async () => {
    const platform = await platformSim();
    t = await startTestTill(undefined, { simulators: withPlatform(() => platform), providerCheckMs: 0 });
    await sell(t, DEMO.milk.barcode);
    const before = activeUnit(t.dir);
    await t.till.close();
    const o = offline(t.dir, platform);
    expect(await o.e.renew({ otp: DEFAULT_OTP })).toMatchObject({ ok: true });
    await o.close();
    expect(checkLedgerFile(ledgerFile(t.dir), LEDGER_PROJECTIONS)).toMatchObject({ ok: true });

    const db = new Database(ledgerFile(t.dir));
    const renewed = activeUnit(t.dir);
    db.prepare('UPDATE einvoice_units SET certificate = ?, not_after = ? WHERE egs_id = ?').run(before.certificate, before.not_after, before.egs_id);
    db.close();
    expect(checkLedgerFile(ledgerFile(t.dir), LEDGER_PROJECTIONS)).toMatchObject({ ok: false, reason: expect.stringContaining('einvoice_units') });
    // Put right again, for the folder's own check at cleanup.
    const fix = new Database(ledgerFile(t.dir));
    fix.prepare('UPDATE einvoice_units SET certificate = ?, not_after = ? WHERE egs_id = ?').run(renewed.certificate, renewed.not_after, renewed.egs_id);
    fix.close();
  });

  it('the demo renews itself at start once fewer than 30 days are left, and the chain goes on', async () => {
    const platform = await platformSim({ certificateDays: 20 });
    t = await startTestTill(undefined, { simulators: withPlatform(() => platform), providerCheckMs: 0 });
    await sell(t, DEMO.milk.barcode);
    await until(() => reports(t!.dir)[0]?.state === 'reported');
    const before = activeUnit(t.dir);
    expect(platform.requests('renew-csid')).toEqual([]); // just onboarded: nothing to renew yet
    await t.restart();
    const after = activeUnit(t.dir);
    expect(platform.requests('renew-csid')).toHaveLength(1);
    expect(platform.requests('renew-csid')[0]!.status).toBe(200);
    expect(after.egs_id).toBe(before.egs_id);
    expect(after.certificate).not.toBe(before.certificate);
    await sell(t, DEMO.bread.barcode);
    await until(() => reports(t!.dir).every((r) => r.state === 'reported'));
    const docs = documents(t.dir);
    expect(docs.map((d) => d.icv)).toEqual([1, 2]);
    expect(docs[1]!.pih).toBe(docs[0]!.hash);
    expect(signingCertificate(docs[1]!.xml)).toBe(after.certificate);
    expect(verifySignedInvoice(docs[1]!.xml.toString('utf8')).findings).toEqual([]);
    const health = (await t.call('getHealth', {})).checks.find((c) => c.id === 'einvoicing');
    expect(health?.facts).toMatchObject({ notAfter: after.not_after });
  });

  const failures: Array<{ name: string; otp?: string; fault?: ZatcaFault; code: string; step: string; said?: string }> = [
    { name: 'a wrong or expired OTP', otp: '999999', code: 'RENEW_OTP_REFUSED', step: 'renew-csid', said: 'Invalid-OTP' },
    { name: 'an OTP that is not digits (nothing sent)', otp: 'abc', code: 'ZATCA_OTP_FORMAT', step: 'renew-csid' },
    {
      name: 'a refusal with reasons (400)',
      fault: { call: 'renew-csid', action: 'status', status: 400, body: JSON.stringify({ errors: [{ code: 'Invalid-CSR', message: 'The CSR does not match the unit.' }] }) },
      code: 'RENEW_REFUSED',
      step: 'renew-csid',
      said: 'Invalid-CSR',
    },
    { name: 'the current CSID refused (401)', fault: { call: 'renew-csid', action: 'unauthorized' }, code: 'RENEW_UNAUTHORIZED', step: 'renew-csid' },
    { name: 'a server error (503)', fault: { call: 'renew-csid', action: 'status', status: 503 }, code: 'RENEW_NO_ANSWER', step: 'renew-csid', said: 'ZATCA_SERVER_ERROR' },
    { name: 'a dropped connection', fault: { call: 'renew-csid', action: 'reset' }, code: 'RENEW_NO_ANSWER', step: 'renew-csid', said: 'ZATCA_RESET' },
    { name: 'no answer in time', fault: { call: 'renew-csid', action: 'timeout' }, code: 'RENEW_NO_ANSWER', step: 'renew-csid', said: 'ZATCA_TIMEOUT' },
    { name: 'an answer that is not JSON', fault: { call: 'renew-csid', action: 'malformed' }, code: 'RENEW_NO_ANSWER', step: 'renew-csid', said: 'ZATCA_MALFORMED' },
    // The platform renewed, but its answer was lost: nothing is kept here, the old CSID still works, a new try passes.
    { name: 'a renewal whose answer was lost', fault: { call: 'renew-csid', action: 'reset', process: true }, code: 'RENEW_NO_ANSWER', step: 'renew-csid', said: 'ZATCA_RESET' },
  ];

  it('a wrong OTP, a refusal, a network failure: a clear bilingual error, and nothing changed', async () => {
    const platform = await platformSim();
    t = await startTestTill(undefined, { simulators: withPlatform(() => platform), providerCheckMs: 0 });
    await sell(t, DEMO.milk.barcode);
    await until(() => reports(t!.dir)[0]?.state === 'reported');
    await t.till.close();
    const before = snapshot(t.dir);
    for (const f of failures) {
      if (f.fault) platform.script(f.fault);
      const o = offline(t.dir, platform);
      const result = await o.e.renew({ otp: f.otp ?? DEFAULT_OTP });
      await o.close();
      platform.clearScript();
      expect(result, f.name).toMatchObject({ ok: false, code: f.code, step: f.step, message: { en: expect.any(String), ar: expect.stringMatching(/[\u0600-\u06FF]/) } });
      const failed = result as Extract<RenewResult, { ok: false }>;
      if (f.said) expect(`${failed.detail} ${failed.messages.map((m) => m.code).join(' ')}`, f.name).toContain(f.said);
      expect(failed.detail, f.name).not.toContain(DEFAULT_OTP);
      expect(snapshot(t.dir), f.name).toEqual(before);
    }
    // Only the renewal whose answer was lost took effect at the platform (besides onboarding's CSID): not kept here.
    expect(platform.record().csids.filter((c) => c.kind === 'production' && !c.adopted)).toHaveLength(2);

    // The till still sells and signs with the certificate it had; a renewal afterwards goes through.
    const unit = activeUnit(t.dir);
    await t.restart();
    await sell(t, DEMO.bread.barcode);
    expect(signingCertificate(documents(t.dir)[1]!.xml)).toBe(unit.certificate);
    await t.till.close();
    const o = offline(t.dir, platform);
    expect(await o.e.renew({ otp: DEFAULT_OTP })).toMatchObject({ ok: true });
    await o.close();
    expect(checkLedgerFile(ledgerFile(t.dir), LEDGER_PROJECTIONS)).toMatchObject({ ok: true });
  }, 30_000);

  it('refuses to renew for a VAT number other than the unit\'s, and a till not onboarded has nothing to renew', async () => {
    const platform = await platformSim();
    t = await startTestTill(undefined, { simulators: withPlatform(() => platform), providerCheckMs: 0 });
    await t.till.close();
    const before = snapshot(t.dir);
    const o = offline(t.dir, platform);
    o.settings.update({ vatNumber: '311111111100003' });
    expect(await o.e.renew({ otp: DEFAULT_OTP })).toMatchObject({ ok: false, step: 'check', code: 'RENEW_VAT_CHANGED' });
    o.settings.update({ vatNumber: '300000000000003', einvoicing: { platform: { kind: 'zatca', environment: 'simulation' }, standardInvoices: false, zeroRatedReason: { code: 'VATEX-SA-35', text: 'x' }, exemptReason: { code: 'VATEX-SA-29', text: 'y' } } });
    const other = await o.e.renew({ otp: DEFAULT_OTP });
    expect(other).toMatchObject({ ok: false, step: 'check', code: 'RENEW_NOT_ONBOARDED', message: { en: expect.stringContaining('onboard') } });
    o.settings.update({ einvoicing: { platform: { kind: 'simulator' }, standardInvoices: true, zeroRatedReason: { code: 'VATEX-SA-35', text: 'x' }, exemptReason: { code: 'VATEX-SA-29', text: 'y' } } });
    await o.close();
    expect(platform.requests('renew-csid')).toEqual([]);
    expect(snapshot(t.dir).units).toEqual(before.units);
    expect(snapshot(t.dir).secrets).toEqual(before.secrets);
  });

  it('a crash after the new key is stored but before the unit switches: the unit signs with its old key and certificate', async () => {
    const platform = await platformSim();
    t = await startTestTill(undefined, { simulators: withPlatform(() => platform), providerCheckMs: 0 });
    await sell(t, DEMO.milk.barcode);
    await until(() => reports(t!.dir)[0]?.state === 'reported');
    await t.till.close();
    const before = activeUnit(t.dir);
    const o = offline(t.dir, platform);
    const crash = new Error('power cut');
    await expect(
      renewUnit(
        { db: o.db, journal: o.journal, secrets: o.secrets, settings: o.settings.get, client: o.client, hooks: { afterSecretsStored: () => { throw crash; } } },
        { otp: DEFAULT_OTP, environment: 'simulator', current: o.current },
      ),
    ).rejects.toBe(crash);
    await o.close();
    // The platform issued a certificate and the new pair is on disk, but the unit still names the old one.
    expect(platform.requests('renew-csid')[0]!.status).toBe(200);
    expect(activeUnit(t.dir)).toEqual(before);
    expect(unitSecretNamesIn(t.dir, before.egs_id)).toHaveLength(4);

    await t.restart();
    await sell(t, DEMO.bread.barcode);
    const doc = documents(t.dir)[1]!;
    expect(doc.icv).toBe(2);
    expect(signingCertificate(doc.xml)).toBe(before.certificate);
    expect(verifySignedInvoice(doc.xml.toString('utf8')).findings).toEqual([]);
    await until(() => reports(t!.dir).every((r) => r.state === 'reported'));
    await t.till.close();

    // The next renewal passes and leaves one pair: the crashed one's is removed.
    const again = offline(t.dir, platform);
    expect(await again.e.renew({ otp: DEFAULT_OTP })).toMatchObject({ ok: true });
    await again.close();
    expect(unitSecretNamesIn(t.dir, before.egs_id)).toHaveLength(2);
    await t.restart();
    await sell(t, DEMO.water.barcode);
    expect(signingCertificate(documents(t.dir)[2]!.xml)).toBe(activeUnit(t.dir).certificate);
    expect(verifySignedInvoice(documents(t.dir)[2]!.xml.toString('utf8')).findings).toEqual([]);
  });

  it('a crash after the unit switched but before the old key is removed: the unit signs with its new key and certificate', async () => {
    const platform = await platformSim();
    t = await startTestTill(undefined, { simulators: withPlatform(() => platform), providerCheckMs: 0 });
    await sell(t, DEMO.milk.barcode);
    await until(() => reports(t!.dir)[0]?.state === 'reported');
    await t.till.close();
    const before = activeUnit(t.dir);
    const o = offline(t.dir, platform);
    await expect(
      renewUnit(
        { db: o.db, journal: o.journal, secrets: o.secrets, settings: o.settings.get, client: o.client, hooks: { afterSwitch: () => { throw new Error('power cut'); } } },
        { otp: DEFAULT_OTP, environment: 'simulator', current: o.current },
      ),
    ).rejects.toThrow('power cut');
    await o.close();
    const after = activeUnit(t.dir);
    expect(after.certificate).not.toBe(before.certificate);
    expect(unitSecretNamesIn(t.dir, before.egs_id)).toHaveLength(4);

    await t.restart();
    await sell(t, DEMO.bread.barcode);
    const doc = documents(t.dir)[1]!;
    expect([doc.icv, doc.pih]).toEqual([2, documents(t.dir)[0]!.hash]);
    expect(signingCertificate(doc.xml)).toBe(after.certificate);
    expect(verifySignedInvoice(doc.xml.toString('utf8')).findings).toEqual([]);
    await until(() => reports(t!.dir).every((r) => r.state === 'reported'));
    expect(checkLedgerFile(ledgerFile(t.dir), LEDGER_PROJECTIONS)).toMatchObject({ ok: true });
  });

  it('a key that is not its certificate\'s never signs: the sale stays open, no ICV is used', async () => {
    const platform = await platformSim();
    t = await startTestTill(undefined, { simulators: withPlatform(() => platform), providerCheckMs: 0 });
    await sell(t, DEMO.milk.barcode);
    await t.till.close();
    const unit = activeUnit(t.dir);
    const oldKey = createFileSecretStore({ dataDir: t.dir }).get(`einvoicing.${unit.egs_id}.key`)!;
    const o = offline(t.dir, platform);
    expect(await o.e.renew({ otp: DEFAULT_OTP })).toMatchObject({ ok: true });
    // The renewed certificate's key replaced by the old one (a store restored from an older copy, say).
    o.secrets.put(secretNamesOf(o.secrets, createUnitStore(o.db).active()!).privateKey, oldKey);
    await o.close();
    await t.restart();
    await t.call('scanBarcode', { barcode: DEMO.bread.barcode });
    expect(await t.attempt('tenderCash', { tenderedHalalas: DEMO.bread.price })).toMatchObject({ ok: false, error: { code: 'EINVOICE_KEY_MISSING' } });
    expect((await t.call('getSale', {})).lines).toHaveLength(1);
    expect(documents(t.dir).map((d) => d.icv)).toEqual([1]);
  });
});
