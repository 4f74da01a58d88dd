// `nuqta zatca renew` as an admin runs it: the built bundle in a child process, on a demo till's data folder (its
// unit's platform is the simulator, which the CLI starts for the renewal, over real HTTPS). The OTP comes on
// standard input or with --otp; a running till's lock, an empty or wrong OTP change nothing and say why in both
// languages; a renewal keeps the unit and its chain, and the till signs the next sale with the new certificate.
import Database from 'better-sqlite3';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ledgerFile } from '../../main/app';
import { renewalErrors } from '../../main/einvoicing';
import { platformText } from '../../main/einvoicing/platform';
import { verifySignedInvoice } from '../../main/fiscal/einvoice';
import { createFileSecretStore } from '../../main/secrets';
import { DEFAULT_OTP } from '../../main/sim/zatca';
import { ensureMainBuilt } from '../support/build';
import { nuqtaWithInput } from '../support/cli';
import { DEMO, startTestTill, type TestTill } from '../support/till';
import { tempDir } from '../support/tmp';

let tmp: ReturnType<typeof tempDir> | undefined;
let till: TestTill | undefined;
beforeAll(() => ensureMainBuilt(), 120_000);
afterEach(async () => {
  await till?.till.close();
  tmp?.cleanup();
  till = tmp = undefined;
});

function read<T>(sql: string): T[] {
  const db = new Database(ledgerFile(tmp!.dir), { readonly: true });
  try {
    return db.prepare<[], T>(sql).all();
  } finally {
    db.close();
  }
}

const unit = () => read<{ egs_id: string; certificate: string; not_after: string; state: string }>("SELECT egs_id, certificate, not_after, state FROM einvoice_units WHERE state = 'active'")[0]!;
const reportStates = () => read<{ state: string }>('SELECT state FROM einvoice_reports ORDER BY icv').map((r) => r.state);
const secrets = () => {
  const store = createFileSecretStore({ dataDir: tmp!.dir });
  return store
    .names()
    .filter((n) => n.startsWith('einvoicing.'))
    .map((n) => [n, Buffer.from(store.get(n)!).toString('base64')]);
};
const renew = (input: string, ...args: string[]) => nuqtaWithInput(input, 'zatca', 'renew', '--data-dir', tmp!.dir, ...args);

const until = async (check: () => boolean, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
};

async function sell(t: TestTill, barcode: string): Promise<void> {
  const due = (await t.call('scanBarcode', { barcode })).dueHalalas;
  await t.call('tenderCash', { tenderedHalalas: due });
}

describe('nuqta zatca renew', () => {
  it('refuses under a running till and with an empty or wrong OTP (nothing changes), then renews: same unit, new certificate', async () => {
    tmp = tempDir('nuqta-zatca-renew-');
    till = await startTestTill(tmp.dir, { providerCheckMs: 0 });
    await sell(till, DEMO.milk.barcode);
    await until(() => reportStates().every((s) => s === 'reported'));

    const locked = renew('', '--otp', DEFAULT_OTP);
    expect(locked.status).toBe(3);
    expect(locked.stderr).toContain('LEDGER_LOCKED');
    await till.till.close();
    till = undefined;

    const before = { unit: unit(), secrets: secrets() };
    const empty = renew('');
    expect(empty.status).toBe(4);
    expect(empty.stderr).toContain(platformText.text.ZATCA_OTP_FORMAT.en);
    expect(empty.stderr).toContain(platformText.text.ZATCA_OTP_FORMAT.ar);

    const wrong = renew('999999\n');
    expect(wrong.status).toBe(4);
    expect(wrong.stderr).toContain(renewalErrors.text.RENEW_OTP_REFUSED.en);
    expect(wrong.stderr).toContain(renewalErrors.text.RENEW_OTP_REFUSED.ar);
    expect(wrong.stderr).toContain('Invalid-OTP');
    expect(wrong.stderr).not.toContain('999999');
    expect(renew('', '--otp', DEFAULT_OTP, '--env', 'production').status).toBe(2);
    expect({ unit: unit(), secrets: secrets() }).toEqual(before);

    // The OTP on standard input, as onboarding takes it.
    const renewed = renew(`${DEFAULT_OTP}\n`);
    expect(renewed.stderr).toBe('');
    expect(renewed.status).toBe(0);
    expect(renewed.stdout).toContain(`Renewed: unit ${before.unit.egs_id} (simulator)`);
    expect(renewed.stdout).toContain('تم تجديد شهادة الفوترة');
    const after = unit();
    expect(after).toMatchObject({ egs_id: before.unit.egs_id, state: 'active' });
    expect(after.certificate).not.toBe(before.unit.certificate);
    expect(renewed.stdout).toContain(after.not_after);

    // Again with --otp, typed in Arabic-Indic digits: another certificate, still the same unit.
    const again = renew('', '--otp', '١٢٣٣٤٥');
    expect(again.status).toBe(0);
    const third = unit();
    expect(third.egs_id).toBe(before.unit.egs_id);
    expect(third.certificate).not.toBe(after.certificate);
    expect(secrets().filter(([n]) => n!.startsWith(`einvoicing.${before.unit.egs_id}.`))).toHaveLength(2);

    expect(nuqtaWithInput('', 'ledger', 'verify', '--data-dir', tmp.dir).status).toBe(0);
    expect(nuqtaWithInput('', 'zatca', 'status', '--data-dir', tmp.dir).stdout).toContain(`certificate valid until ${third.not_after}`);

    // The till signs its next sale with the renewed certificate, ICV 2 after 1, and reports it.
    till = await startTestTill(tmp.dir, { providerCheckMs: 0 });
    await until(() => reportStates().every((s) => s === 'reported'));
    await sell(till, DEMO.bread.barcode);
    await until(() => reportStates().length === 2 && reportStates().every((s) => s === 'reported'));
    const docs = read<{ icv: number; pih: string; hash: string; xml: Buffer }>('SELECT icv, pih, hash, xml FROM einvoice_documents ORDER BY icv');
    expect(docs.map((d) => d.icv)).toEqual([1, 2]);
    expect(docs[1]!.pih).toBe(docs[0]!.hash);
    expect(docs[1]!.xml.toString('utf8')).toContain(`<ds:X509Certificate>${third.certificate}</ds:X509Certificate>`);
    expect(verifySignedInvoice(docs[1]!.xml.toString('utf8')).findings).toEqual([]);
  }, 60_000);
});
