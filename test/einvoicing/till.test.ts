// E-invoicing on a real till: the demo onboards itself with the platform simulator (real HTTPS, its own CAs),
// every completed sale gets a signed simplified invoice in the sale's own transaction, chained ICV 1, 2, 3… from
// ZATCA's seed, printed with its QR, reported in the background and checked by `ledger verify`.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ledgerFile, LEDGER_PROJECTIONS } from '../../main/app';
import { checkLedgerFile } from '../../main/backup';
import { parseZatcaQr } from '../../main/fiscal';
import { invoiceHash, SEED_PIH, verifySignedInvoice } from '../../main/fiscal/einvoice';
import { createFileSecretStore } from '../../main/secrets';
import { createTillSimulators } from '../../main/sim';
import { DEMO, startTestTill, type TestTill } from '../support/till';
import { until } from '../support/until';
import { ublSchemaErrors } from '../fiscal/einvoice/support';

let t: TestTill;
let sims: ReturnType<typeof createTillSimulators>;

beforeEach(async () => {
  sims = createTillSimulators();
  t = await startTestTill(undefined, { simulators: sims, providerCheckMs: 0 });
});
afterEach(async () => {
  await t.close();
});

interface StoredDocument {
  icv: number;
  pih: string;
  hash: string;
  qr: string;
  number: string;
  xml: Buffer;
  issue_date: string;
  issue_time: string;
}

function stored(): StoredDocument[] {
  const db = new Database(ledgerFile(t.dir), { readonly: true });
  try {
    return db.prepare<[], StoredDocument>('SELECT icv, pih, hash, qr, number, xml, issue_date, issue_time FROM einvoice_documents ORDER BY icv').all();
  } finally {
    db.close();
  }
}

function reportStates(): string[] {
  const db = new Database(ledgerFile(t.dir), { readonly: true });
  try {
    return db.prepare<[], { state: string }>('SELECT state FROM einvoice_reports ORDER BY icv').all().map((r) => r.state);
  } finally {
    db.close();
  }
}

async function sell(barcodes: string[]): Promise<string> {
  let due = 0;
  for (const barcode of barcodes) due = (await t.call('scanBarcode', { barcode })).dueHalalas;
  return (await t.call('tenderCash', { tenderedHalalas: due })).receipt.receiptNo;
}


describe('e-invoices on the demo till', () => {
  it('each sale: a signed invoice chained from the seed, its QR on the receipt, reported, and the ledger verifies', async () => {
    const first = await sell([DEMO.milk.barcode, DEMO.dates.barcode, DEMO.milk.barcode]);
    const second = await sell([DEMO.coffee.barcode]);
    const docs = stored();
    expect(docs.map((d) => [d.icv, d.number])).toEqual([
      [1, first],
      [2, second],
    ]);
    expect(docs[0]!.pih).toBe(SEED_PIH);
    expect(docs[1]!.pih).toBe(docs[0]!.hash);
    for (const doc of docs) {
      const xml = doc.xml.toString('utf8');
      expect(invoiceHash(xml)).toBe(doc.hash);
      expect(verifySignedInvoice(xml).findings).toEqual([]);
      const qr = parseZatcaQr(doc.qr);
      expect(qr.timestamp).toBe(`${doc.issue_date}T${doc.issue_time}`);
      expect(qr.vatNumber).toBe('300000000000003');
    }
    expect(ublSchemaErrors(docs.map((d) => d.xml.toString('utf8')))).toEqual([]);

    // The receipt (what prints and the preview) carries the stored QR, not one rebuilt from the receipt.
    expect((await t.call('getReceipt', { receiptNo: first })).einvoiceQr).toBe(docs[0]!.qr);

    // Reported in the background: the simulator received exactly the stored bytes, in order.
    await until(() => reportStates().every((s) => s === 'reported'));
    const received = sims.currentEinvoicing()!.requests('reporting');
    expect(received.length).toBeGreaterThanOrEqual(2);
    expect(checkLedgerFile(ledgerFile(t.dir), LEDGER_PROJECTIONS)).toMatchObject({ ok: true });
  });

  it('after a restart the chain goes on (ICV 3 after 2) and the new simulator accepts it', async () => {
    await sell([DEMO.milk.barcode]);
    await sell([DEMO.bread.barcode]);
    await until(() => reportStates().every((s) => s === 'reported'));
    await t.restart();
    await sell([DEMO.water.barcode]);
    const docs = stored();
    expect(docs.map((d) => d.icv)).toEqual([1, 2, 3]);
    expect(docs[2]!.pih).toBe(docs[1]!.hash);
    await until(() => reportStates().every((s) => s === 'reported'));
  });

  it('a unit whose key cannot be read signs nothing: the sale stays open with a clear error and no number is used', async () => {
    await sell([DEMO.milk.barcode]);
    await t.till.close();
    const secrets = createFileSecretStore({ dataDir: t.dir });
    const keyName = secrets.names().find((n) => n.startsWith('einvoicing.') && n.endsWith('.key'))!;
    const key = secrets.get(keyName)!;
    secrets.put(keyName, Buffer.from('not a key'));
    await t.restart();
    await t.call('scanBarcode', { barcode: DEMO.bread.barcode });
    expect(await t.attempt('tenderCash', { tenderedHalalas: DEMO.bread.price })).toMatchObject({ ok: false, error: { code: 'EINVOICE_KEY_MISSING' } });
    expect((await t.call('getSale', {})).lines).toHaveLength(1);
    expect(stored().map((d) => d.icv)).toEqual([1]);

    // The key back (a restored secret store): the same open sale completes as ICV 2, chained to 1.
    await t.till.close();
    createFileSecretStore({ dataDir: t.dir }).put(keyName, key);
    await t.restart();
    await t.call('tenderCash', { tenderedHalalas: DEMO.bread.price });
    const docs = stored();
    expect(docs.map((d) => d.icv)).toEqual([1, 2]);
    expect(docs[1]!.pih).toBe(docs[0]!.hash);
  });

  it('a ledger restored where the demo unit\'s key is not (another PC): the demo onboards a new unit, whose chain starts at 1', async () => {
    await sell([DEMO.milk.barcode]);
    await t.till.close();
    const secrets = createFileSecretStore({ dataDir: t.dir });
    secrets.delete(secrets.names().find((n) => n.startsWith('einvoicing.') && n.endsWith('.key'))!);
    await t.restart();
    await sell([DEMO.bread.barcode]);
    const db = new Database(ledgerFile(t.dir), { readonly: true });
    const chain = db.prepare<[], { egs_id: string; icv: number; pih: string }>('SELECT egs_id, icv, pih FROM einvoice_documents ORDER BY issued_seq').all();
    db.close();
    expect(chain.map((d) => d.icv)).toEqual([1, 1]);
    expect(chain[0]!.egs_id).not.toBe(chain[1]!.egs_id);
    expect(chain[1]!.pih).toBe(SEED_PIH);
  });
});
