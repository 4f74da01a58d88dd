// The QR a customer scans, read off the paper: a demo sale prints through the virtual printer (real ESC/POS
// raster), the printed image is decoded by jsQR (someone else's decoder), and every tag is checked against the
// signed XML stored for that receipt.
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { ledgerFile } from '../../main/app';
import { parseZatcaQr } from '../../main/fiscal';
import { readStampCertificate } from '../../main/fiscal/einvoice';
import { createTillSimulators } from '../../main/sim';
import { printedQr } from '../support/printed-qr';
import { DEMO, startTestTill, type TestTill } from '../support/till';

let t: TestTill;
afterEach(async () => {
  await t.close();
});


const text = (xml: string, re: RegExp) => re.exec(xml)?.[1];

describe('the printed e-invoice QR', () => {
  it('decodes from the paper to the stored QR, and each tag says what the signed XML says', async () => {
    const sims = createTillSimulators();
    t = await startTestTill(undefined, { simulators: sims, providerCheckMs: 0 });
    let due = 0;
    for (const barcode of [DEMO.dates.barcode, DEMO.coffee.barcode, DEMO.milk.barcode]) due = (await t.call('scanBarcode', { barcode })).dueHalalas;
    const { receipt } = await t.call('tenderCash', { tenderedHalalas: due });
    const printer = () => sims.currentPrinter()?.receipts ?? [];
    const end = Date.now() + 10_000;
    while (printer().length === 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
    const image = printer()[0]!.image;

    const found = printedQr(image);
    expect(found, 'a QR symbol on the printed receipt').not.toBeNull();
    const db = new Database(ledgerFile(t.dir), { readonly: true });
    const doc = db.prepare<[string], { qr: string; xml: Buffer; hash: string }>('SELECT qr, xml, hash FROM einvoice_documents WHERE number = ?').get(receipt.receiptNo)!;
    db.close();
    expect(found).toBe(doc.qr);
    expect(receipt.einvoiceQr).toBe(doc.qr);

    const xml = doc.xml.toString('utf8');
    const qr = parseZatcaQr(found!);
    expect(qr.sellerName).toBe(text(xml, /<cbc:RegistrationName>([^<]+)</));
    expect(qr.vatNumber).toBe(text(xml, /<cbc:CompanyID>([^<]+)</));
    expect(qr.timestamp).toBe(`${text(xml, /<cbc:IssueDate>([^<]+)</)}T${text(xml, /<cbc:IssueTime>([^<]+)</)}`);
    expect(qr.totalWithVat).toBe(text(xml, /<cbc:TaxInclusiveAmount[^>]*>([^<]+)</));
    expect(qr.vatTotal).toBe(text(xml, /<cac:TaxTotal>\s*<cbc:TaxAmount[^>]*>([^<]+)</));
    expect(qr.tags.get(6)!.toString()).toBe(doc.hash);
    expect(qr.tags.get(7)!.toString()).toBe(text(xml, /<ds:SignatureValue>([^<]+)</));
    const certificate = readStampCertificate(text(xml, /<ds:X509Certificate>([^<]+)</)!);
    expect(qr.tags.get(8)!.equals(certificate.publicKeySpki)).toBe(true);
    expect(qr.tags.get(9)!.equals(certificate.certificateSignature)).toBe(true);
  });
});
