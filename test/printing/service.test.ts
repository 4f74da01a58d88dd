// The print service on the real printing path: a completed sale's jobs are queued in its transaction,
// printed one at a time over a real link (the virtual printer on loopback TCP 9100, a socat pty, a
// write-only device file, the in-process simulator), and what arrives at the printer decodes back to the
// exact bitmap of the receipt.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createPrinterSim, startSimPty } from '../../main/sim/printer';
import { verifyJournal } from '../../main/ledger';
import { renderJobImage } from '../../main/printing/service/render-job';
import { createUsbLpTransport } from '../../main/printing/transport';
import { ITEMS, startPrintTill, type PrintTill, type PrintTillOptions } from '../devices/support/print-till';
import { tempDir } from '../support/tmp';
import { fromDataUrl, tcpPrinter, top, type TcpPrinter } from '../devices/support/printers';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function tillWith(printer: TcpPrinter | null, options: Partial<PrintTillOptions> = {}): Promise<PrintTill> {
  const till = await startPrintTill({ printer: printer?.settings ?? null, ...options });
  cleanups.push(() => till.close());
  if (printer) cleanups.push(() => printer.close());
  return till;
}

const hasSocat = (() => {
  try {
    execFileSync('socat', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('printing a completed sale over TCP 9100', () => {
  it('prints the receipt: the raster that arrives is the receipt, pixel for pixel', async () => {
    const printer = await tcpPrinter();
    const till = await tillWith(printer);
    const sale = await till.sellCash(ITEMS.milk, ITEMS.coffee);
    expect(sale.drawer).toBe('opened');
    await till.service.idle();

    const [job] = till.service.list();
    expect(job).toMatchObject({ kind: 'receipt', receiptNo: sale.receipt.receiptNo, copy: 'original', state: 'printed', attempts: 1, error: null });
    expect(job!.printedAt).not.toBeNull();

    expect(printer.sim.receipts).toHaveLength(1);
    const printed = printer.sim.receipts[0]!;
    expect(printed).toMatchObject({ cut: 'partial', drawerKicks: 1 });
    // The preview is the same bitmap the printer got.
    const preview = fromDataUrl((await till.service.receiptImage(sale.receipt.receiptNo)).png);
    expect(preview.width).toBe(576);
    expect(top(printed.image, preview.height).diffCount(preview)).toBe(0);
    // It was sent as GS v 0 raster bands small enough for the receive buffer, with status read between.
    const kinds = printer.sim.commands.map((c) => c.kind);
    expect(kinds.filter((k) => k === 'raster').length).toBeGreaterThan(1);
    expect(kinds.filter((k) => k === 'status-request').length).toBeGreaterThan(3);

    expect(till.journalTypes().filter((t) => t.startsWith('print.'))).toEqual(['print.queued', 'print.started', 'print.printed']);
    expect(till.emittedJobs.at(-1)![0]!.state).toBe('printed');
    expect(till.emittedStatus.at(-1)).toMatchObject({ configured: true, profile: 'epson-tm-t88', state: 'ready', transport: `TCP 127.0.0.1:${printer.server.port}` });
    expect(verifyJournal(till.db).ok).toBe(true);
  });

  it('prints a card sale as the receipt and two card slips (customer, merchant), in that order', async () => {
    const printer = await tcpPrinter();
    const till = await tillWith(printer, { card: true });
    const sale = await till.sellCard(ITEMS.bread);
    expect(sale.drawer).toBe('not_needed');
    await till.service.idle();

    const jobs = till.service.list();
    expect(jobs.map((j) => [j.kind, j.copy, j.state]).reverse()).toEqual([
      ['receipt', 'original', 'printed'],
      ['card_slip', 'customer', 'printed'],
      ['card_slip', 'merchant', 'printed'],
    ]);
    expect(printer.sim.receipts).toHaveLength(3);

    const receipt = till.checkout.receipt(sale.receipt.receiptNo);
    const tender = receipt.tenders.find((t) => t.kind === 'card');
    if (tender?.kind !== 'card') throw new Error('card tender expected');
    const settings = till.settings.get();
    const expected = [
      renderJobImage({ kind: 'receipt', copy: 'original', intentId: null, mayHavePrinted: false }, receipt, settings, 576),
      renderJobImage({ kind: 'card_slip', copy: 'customer', intentId: tender.intentId, mayHavePrinted: false }, receipt, settings, 576),
      renderJobImage({ kind: 'card_slip', copy: 'merchant', intentId: tender.intentId, mayHavePrinted: false }, receipt, settings, 576),
    ];
    expected.forEach((image, i) => expect(top(printer.sim.receipts[i]!.image, image.height).diffCount(image)).toBe(0));
    expect(expected[1]!.diffCount(expected[2]!)).toBeGreaterThan(0);
    // Card slips name the card tender's payment.
    const slips = till.db.prepare<[string], { n: number }>("SELECT COUNT(*) AS n FROM print_jobs WHERE kind = 'card_slip' AND intent_id = ?");
    expect(slips.get(tender.intentId)?.n).toBe(2);
  });

  it('reprints a receipt as a COPY (نسخة), with the same content otherwise', async () => {
    const printer = await tcpPrinter();
    const till = await tillWith(printer);
    const sale = await till.sellCash(ITEMS.milk);
    await till.service.idle();
    const job = till.service.reprint(sale.receipt.receiptNo);
    expect(job).toMatchObject({ kind: 'receipt', copy: 'copy', state: expect.stringMatching(/queued|printing/) });
    await till.service.idle();

    expect(printer.sim.receipts).toHaveLength(2);
    const original = fromDataUrl((await till.service.receiptImage(sale.receipt.receiptNo)).png);
    const copy = fromDataUrl((await till.service.receiptImage(sale.receipt.receiptNo, 'copy')).png);
    expect(copy.height).toBeGreaterThan(original.height); // the banners
    expect(top(printer.sim.receipts[1]!.image, copy.height).diffCount(copy)).toBe(0);
    expect(till.service.list()[0]).toMatchObject({ jobId: job.jobId, state: 'printed', copy: 'copy' });
    expect(() => till.service.reprint('T01-999999')).toThrowError(/RECEIPT_UNKNOWN/);
  });

  it('prints the shop address lines from the settings', async () => {
    const printer = await tcpPrinter();
    const till = await tillWith(printer);
    const sale = await till.sellCash(ITEMS.milk);
    await till.service.idle();
    const before = fromDataUrl((await till.service.receiptImage(sale.receipt.receiptNo)).png);
    till.settings.update({ shopAddressEn: 'King Fahd Road\nAl Olaya\nRiyadh 12211\nTel 011 465 0000' });
    const after = fromDataUrl((await till.service.receiptImage(sale.receipt.receiptNo)).png);
    expect(after.height).not.toBe(before.height);
  });
});

describe('other links', () => {
  it('prints over a serial port (socat pty) with status', async () => {
    if (!hasSocat && !process.env.CI) return;
    const sim = createPrinterSim();
    const pty = await startSimPty(sim);
    cleanups.push(() => pty.close());
    const till = await tillWith(null);
    till.settings.update({ printer: { profile: 'epson-tm-t20', link: { kind: 'serial', path: pty.path, baudRate: 115200 } } });
    const sale = await till.sellCash(ITEMS.bread);
    await till.service.idle();
    expect(till.service.list()[0]).toMatchObject({ state: 'printed' });
    const preview = fromDataUrl((await till.service.receiptImage(sale.receipt.receiptNo)).png);
    expect(top(sim.receipts[0]!.image, preview.height).diffCount(preview)).toBe(0);
    expect(await till.service.status()).toMatchObject({ state: 'ready', transport: `serial ${pty.path} @ 115200` });
  });

  it('prints to a write-only device in one write; status is unknown', async () => {
    const folder = tempDir('nuqta-lp-');
    cleanups.push(() => folder.cleanup());
    const device = path.join(folder.dir, 'lp0');
    fs.writeFileSync(device, '');
    const t2 = await tillWith(null, {
      printer: { profile: 'generic-58', link: { kind: 'usb_lp', path: '/dev/usb/lp0' } },
      openLink: () => createUsbLpTransport({ path: device }),
    });

    const sale = await t2.sellCash(ITEMS.milk);
    expect(sale.drawer).toBe('opened');
    await t2.service.idle();
    expect(t2.service.list()[0]).toMatchObject({ state: 'printed' });
    // Decode what the "printer" got: a 384-dot raster of the receipt, no status requests.
    const sim = createPrinterSim({ widthDots: 384 });
    sim.feed(fs.readFileSync(device));
    const printed = sim.tear()!; // 58 mm, no cutter
    const preview = fromDataUrl((await t2.service.receiptImage(sale.receipt.receiptNo)).png);
    expect(preview.width).toBe(384);
    expect(top(printed.image, preview.height).diffCount(preview)).toBe(0);
    expect(sim.commands.some((c) => c.kind === 'status-request')).toBe(false);
    expect(await t2.service.status()).toMatchObject({ configured: true, state: 'unknown', error: null });
  });

  it('the simulator link prints into the in-process virtual printer and drives its drawer', async () => {
    const till = await tillWith(null);
    till.settings.update({ printer: { profile: 'generic-80', link: { kind: 'simulator' } } });
    const sale = await till.sellCash(ITEMS.coffee);
    expect(sale.drawer).toBe('opened');
    await till.service.idle();
    const images = till.simulators.currentPrinter()!.receipts;
    expect(images).toHaveLength(1);
    expect(images[0]!.drawerKicks).toBe(1);
    const preview = fromDataUrl((await till.service.receiptImage(sale.receipt.receiptNo)).png);
    expect(top(images[0]!.image, preview.height).diffCount(preview)).toBe(0);
    expect(await till.service.status()).toMatchObject({ state: 'ready', transport: 'simulator' });

    // The demo can take the paper out: the status says so, the manager's "no sale" does not pretend.
    till.simulators.currentPrinter()!.setStatus({ paperOut: true });
    expect(await till.service.status()).toMatchObject({ state: 'paper_out', error: { code: 'PRINTER_PAPER_OUT' } });
    const refused = await till.service.openDrawerForManager('change for the next till');
    expect(refused).toMatchObject({ drawer: 'failed', error: { code: 'PRINTER_PAPER_OUT' } });
    till.simulators.currentPrinter()!.setStatus({ paperOut: false });
    expect(await till.service.openDrawerForManager('change for the next till')).toEqual({ drawer: 'opened', error: null });
    expect(till.simulators.currentPrinter()!.drawerKicks()).toBe(2);
    const entries = till.db
      .prepare<[], { payload: string }>("SELECT payload FROM journal WHERE type = 'drawer.opened_without_sale' ORDER BY seq")
      .all()
      .map((r) => JSON.parse(r.payload) as { outcome: string; reason: string });
    expect(entries.map((e) => e.outcome)).toEqual(['failed', 'opened']);
    expect(entries[0]!.reason).toBe('change for the next till');
  });

  it('queues nothing when no printer is configured', async () => {
    const till = await tillWith(null);
    const sale = await till.sellCash(ITEMS.milk);
    expect(sale.drawer).toBe('failed');
    await till.service.idle();
    expect(till.service.list()).toEqual([]);
    expect(till.journalTypes().some((t) => t.startsWith('print.'))).toBe(false);
    expect(await till.service.status()).toMatchObject({ configured: false, state: 'not_checked', error: { code: 'PRINTER_NOT_CONFIGURED' } });
    expect(() => till.service.reprint(sale.receipt.receiptNo)).toThrowError(/PRINTER_NOT_CONFIGURED/);
  });
});
