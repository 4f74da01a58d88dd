// E-invoicing's figures (issue 12): building, checking, hashing and signing a 40-line simplified invoice as the
// sale's transaction does it (target p99 ≤ 3 ms), and the reporting queue's throughput against the platform
// simulator over real HTTPS (documents issued while "offline", then reported in one go).
import { createPrivateKey } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ledgerFile, startTill } from '../../main/app';
import { openDatabase } from '../../main/db';
import { amountText, buildUnsignedInvoice, checkInvoiceRules, ownDocumentHash, readStampCertificate, signInvoice } from '../../main/fiscal/einvoice';
import { computeTotals } from '../../main/money';
import { createTillSimulators } from '../../main/sim';
import { summarise, type Summary } from './stats';
import { SELLER } from '../fiscal/einvoice/documents';

const FIXTURES = path.resolve(__dirname, '../../test/fixtures/zatca/sdk-test-credentials');

export function invoice40Lines(rounds: number): Summary {
  const certificate = readStampCertificate(fs.readFileSync(path.join(FIXTURES, 'cert_b64.txt'), 'utf8'));
  const privateKey = createPrivateKey({ key: fs.readFileSync(path.join(FIXTURES, 'private_key.der')), format: 'der', type: 'sec1' });
  const lines = Array.from({ length: 40 }, (_, i) => ({
    name: `صنف رقم ${i + 1} من البقالة | Grocery item number ${i + 1}`,
    quantityMilli: 1000 * (1 + (i % 3)),
    lineTotalHalalas: 175 * (i + 3) * (1 + (i % 3)),
    vatCategory: (i % 9 === 0 ? 'Z' : 'S') as 'S' | 'Z',
  }));
  const totals = computeTotals(lines, true);
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    const doc = {
      type: 'invoice' as const,
      number: `T01-${String(r + 1).padStart(6, '0')}`,
      uuid: '3cf5ee18-ee25-44ea-a444-2c37ba7f28be',
      issueDate: '2026-12-04',
      issueTime: '21:15:09',
      icv: r + 1,
      pih: 'NWZlY2ViNjZmZmM4NmYzOGQ5NTI3ODZjNmQ2OTZjNzljMmRiYzIzOWRkNGU5MWI0NjcyOWQ3M2EyN2ZiNTdlOQ==',
      seller: SELLER,
      lines,
      pricesIncludeVat: true,
      totals,
      paymentMeans: ['10'],
      note: null,
      exemptions: { Z: { code: 'VATEX-SA-35', text: 'Medicines' }, E: { code: 'VATEX-SA-29', text: 'Financial' } },
    };
    if (checkInvoiceRules(doc).length > 0) throw new Error('bench invoice breaks a rule');
    const unsigned = buildUnsignedInvoice(doc);
    signInvoice(unsigned, {
      hash: ownDocumentHash(unsigned),
      privateKey,
      certificate,
      signingTime: '2026-12-04T21:15:09',
      qr: { sellerName: SELLER.registrationName, vatNumber: SELLER.vatNumber, timestamp: '2026-12-04T21:15:09', totalWithVat: amountText(totals.totalHalalas), vatTotal: amountText(totals.vatHalalas) },
    });
    samples.push(performance.now() - t0);
  }
  return summarise(samples.slice(Math.min(50, Math.floor(rounds / 10)))); // after warm-up
}

/** N sales while the platform answers 503, then the platform back: how long the queue takes to report them all. */
export async function reportingThroughput(documents: number): Promise<{ documents: number; seconds: number; perSecond: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nuqta-bench-einvoice-'));
  const db = openDatabase(ledgerFile(dir));
  db.close();
  const sims = createTillSimulators();
  // The queue looks for work every 20 ms here (every minute at a till, besides right after each sale).
  const till = await startTill({ host: 'browser', dataDir: dir, simulators: sims, provisionFile: null, providerCheckMs: 0, einvoiceQueueIntervalMs: 20 });
  const platform = sims.currentEinvoicing()!;
  platform.script({ call: 'reporting', action: 'status', status: 503, count: 1_000_000 });
  const read = openDatabase(ledgerFile(dir), { readonly: true });
  const barcode = read.prepare<[], { barcode: string }>("SELECT barcode FROM products WHERE sold_by = 'each' LIMIT 1").get()!.barcode;
  for (let i = 0; i < documents; i++) {
    const sale = await till.dispatch('scanBarcode', { barcode });
    if (!sale.ok) throw new Error('scan failed');
    const paid = await till.dispatch('tenderCash', { tenderedHalalas: (sale.value as { dueHalalas: number }).dueHalalas });
    if (!paid.ok) throw new Error(`tender failed: ${paid.error.code}`);
  }
  platform.clearScript();
  const writer = openDatabase(ledgerFile(dir));
  writer.prepare('UPDATE einvoice_reports SET next_attempt_at = NULL').run();
  writer.close();
  const waiting = () => read.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM einvoice_reports WHERE state = 'waiting'").get()!.n;
  const t0 = performance.now();
  while (waiting() > 0) await new Promise((resolve) => setTimeout(resolve, 10));
  const seconds = (performance.now() - t0) / 1000;
  read.close();
  await till.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return { documents, seconds: Math.round(seconds * 100) / 100, perSecond: Math.round(documents / seconds) };
}
