// When printing goes wrong: paper out before or during a receipt, a pulled cable, a restart mid-job, an
// unknown printer model. Failed jobs stay visible, are never retried on their own, and a retry never prints
// the original of a receipt twice: if any byte of it may have reached the printer, it prints as a COPY.
import { afterEach, describe, expect, it } from 'vitest';
import { verifyJournal } from '../../main/ledger';
import { ITEMS, startPrintTill, type PrintTill, type PrintTillOptions } from '../devices/support/print-till';
import { fromDataUrl, hungPrinter, rawStatusPrinter, tcpPrinter, top, until, type TcpPrinter } from '../devices/support/printers';

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

const jobRow = (till: PrintTill, jobId: string) =>
  till.db.prepare<[string], { state: string; bytes_sent: number; copy: string; attempts: number }>('SELECT * FROM print_jobs WHERE id = ?').get(jobId)!;

const images = async (till: PrintTill, receiptNo: string) => ({
  original: fromDataUrl((await till.service.receiptImage(receiptNo, 'original')).png),
  copy: fromDataUrl((await till.service.receiptImage(receiptNo, 'copy')).png),
});

/** Flips the printer's status when the first image band arrives (mid-receipt). */
function onFirstBand(printer: TcpPrinter, act: () => void): void {
  let done = false;
  printer.sim.on('command', (c) => {
    if (c.kind === 'raster' && !done) {
      done = true;
      act();
    }
  });
}

describe('paper out', () => {
  it('before the receipt: the job fails with PRINTER_PAPER_OUT, stays listed, and a retry prints the ORIGINAL', async () => {
    const printer = await tcpPrinter();
    const till = await tillWith(printer);
    printer.sim.setStatus({ paperOut: true });
    const sale = await till.sellCash(ITEMS.milk);
    // The sale is done; the drawer is reported, not faked: an offline printer would hold the pulse.
    expect(sale.receipt.receiptNo).toMatch(/^T01-/);
    expect(sale.drawer).toBe('failed');
    await till.service.idle();

    const [failed] = till.service.list();
    expect(failed).toMatchObject({ state: 'failed', attempts: 1, copy: 'original', error: { code: 'PRINTER_PAPER_OUT' } });
    expect(failed!.error!.message_ar).toMatch(/ورق/);
    expect(jobRow(till, failed!.jobId).bytes_sent).toBe(0);
    expect(till.emittedStatus.at(-1)).toMatchObject({ state: 'paper_out', error: { code: 'PRINTER_PAPER_OUT' } });
    expect(printer.sim.receipts).toHaveLength(0);

    // Never retried on its own: another sale prints, the failed one waits for someone.
    printer.sim.setStatus({ paperOut: false });
    const second = await till.sellCash(ITEMS.bread);
    await till.service.idle();
    const list = till.service.list();
    expect(list[0]).toMatchObject({ jobId: failed!.jobId, state: 'failed' }); // failed first
    expect(list[1]).toMatchObject({ receiptNo: second.receipt.receiptNo, state: 'printed' });
    expect(printer.sim.receipts).toHaveLength(1);

    const retried = till.service.retry(failed!.jobId);
    expect(retried).toMatchObject({ copy: 'original', error: null });
    await till.service.idle();
    expect(till.service.list().find((j) => j.jobId === failed!.jobId)).toMatchObject({ state: 'printed', attempts: 2, copy: 'original' });
    const { original } = await images(till, sale.receipt.receiptNo);
    expect(top(printer.sim.receipts[1]!.image, original.height).diffCount(original)).toBe(0);
    expect(till.journalTypes().filter((t) => t === 'print.retried')).toHaveLength(1);
  });

  it('in the middle of the receipt: part of it left, so the retry prints a COPY', async () => {
    const printer = await tcpPrinter();
    const till = await tillWith(printer);
    onFirstBand(printer, () => printer.sim.setStatus({ paperOut: true }));
    const sale = await till.sellCash(ITEMS.milk, ITEMS.bread);
    await till.service.idle();

    const [failed] = till.service.list();
    expect(failed).toMatchObject({ state: 'failed', error: { code: 'PRINTER_PAPER_OUT' } });
    expect(jobRow(till, failed!.jobId).bytes_sent).toBe(1);
    const entry = till.db.prepare<[], { payload: string }>("SELECT payload FROM journal WHERE type = 'print.failed'").get()!;
    expect(JSON.parse(entry.payload)).toMatchObject({ jobId: failed!.jobId, bytesSent: true, error: { code: 'PRINTER_PAPER_OUT' } });

    // New roll: the printer prints what it held (the top of the original); the cashier tears it off.
    printer.sim.setStatus({ paperOut: false });
    expect(printer.sim.tear()).not.toBeNull();

    expect(till.service.retry(failed!.jobId)).toMatchObject({ copy: 'copy' });
    await till.service.idle();
    const { copy, original } = await images(till, sale.receipt.receiptNo);
    const reprinted = printer.sim.receipts.at(-1)!;
    expect(top(reprinted.image, copy.height).diffCount(copy)).toBe(0);
    expect(top(reprinted.image, original.height).diffCount(original)).toBeGreaterThan(0);
    expect(jobRow(till, failed!.jobId)).toMatchObject({ state: 'printed', copy: 'copy', attempts: 2 });
  });
});

describe('cancel, retry rules', () => {
  it('cancels a failed job; a cancelled or printed job cannot be retried; unknown jobs are refused', async () => {
    const printer = await tcpPrinter();
    const till = await tillWith(printer);
    printer.sim.setStatus({ coverOpen: true });
    await till.sellCash(ITEMS.milk);
    await till.service.idle();
    const [failed] = till.service.list();
    expect(failed).toMatchObject({ state: 'failed', error: { code: 'PRINTER_COVER_OPEN' } });

    expect(till.service.cancel(failed!.jobId)).toMatchObject({ state: 'cancelled' });
    expect(till.service.cancel(failed!.jobId)).toMatchObject({ state: 'cancelled' }); // idempotent
    printer.sim.setStatus({ coverOpen: false });
    expect(() => till.service.retry(failed!.jobId)).toThrowError(/PRINT_JOB_STATE/);
    try {
      till.service.retry('no-such-job');
      expect.unreachable();
    } catch (e) {
      const data = (e as { toData(): { code: string; message_ar: string } }).toData();
      expect(data.code).toBe('PRINT_JOB_UNKNOWN');
      expect(data.message_ar).toMatch(/[\u0600-\u06ff]/);
    }
    await till.service.idle();
    expect(printer.sim.receipts).toHaveLength(0);
    expect(till.journalTypes()).toContain('print.cancelled');

    await till.sellCash(ITEMS.bread);
    await till.service.idle();
    const printed = till.service.list().find((j) => j.state === 'printed')!;
    expect(() => till.service.cancel(printed.jobId)).toThrowError(/PRINT_JOB_STATE/);
    expect(() => till.service.retry(printed.jobId)).toThrowError(/PRINT_JOB_STATE/);
  });
});

describe('a pulled cable', () => {
  it('mid-job: the job fails with PRINTER_DISCONNECTED; plugged back in, the retry prints a COPY', async () => {
    const printer = await tcpPrinter();
    const till = await tillWith(printer);
    onFirstBand(printer, () => void printer.server.unplug());
    const sale = await till.sellCash(ITEMS.coffee);
    await till.service.idle();

    const [failed] = till.service.list();
    expect(failed).toMatchObject({ state: 'failed', error: { code: 'PRINTER_DISCONNECTED' } });
    expect(failed!.error!.message_en).toMatch(/connection was lost/);
    expect(jobRow(till, failed!.jobId).bytes_sent).toBe(1);
    expect(till.emittedStatus.at(-1)).toMatchObject({ state: 'disconnected' });
    expect((await till.service.status()).state).toBe('offline'); // nothing answers the connect now

    await printer.server.plugIn();
    printer.sim.tear();
    expect(till.service.retry(failed!.jobId).copy).toBe('copy');
    await till.service.idle();
    const { copy } = await images(till, sale.receipt.receiptNo);
    expect(top(printer.sim.receipts.at(-1)!.image, copy.height).diffCount(copy)).toBe(0);
    expect((await till.service.status()).state).toBe('ready');
  });
});

describe('a restart', () => {
  it('marks jobs left printing or queued as failed "interrupted" and never prints them by itself', async () => {
    const hung = await hungPrinter();
    cleanups.push(() => hung.close());
    const first = await startPrintTill({ printer: { profile: 'epson-tm-t88', link: { kind: 'tcp', host: '127.0.0.1', port: hung.port } } });
    const sale = await first.sellCash(ITEMS.milk);
    const reprint = first.service.reprint(sale.receipt.receiptNo);
    const receiptJob = first.service.list().find((j) => j.copy === 'original')!;
    await until(() => jobRow(first, receiptJob.jobId).state === 'printing', 3000, 'the job to start');
    expect(jobRow(first, reprint.jobId).state).toBe('queued');
    first.crash(); // power cut while the printer is being asked for its status

    const printer = await tcpPrinter();
    cleanups.push(() => printer.close());
    const till = await first.restart({ printer: printer.settings, noRecovery: true });
    cleanups.push(() => till.close());
    const recovered = till.service.recoverInterrupted();
    expect(recovered.map((j) => [j.jobId, j.state, j.error?.code])).toEqual([
      [receiptJob.jobId, 'failed', 'PRINT_INTERRUPTED'],
      [reprint.jobId, 'failed', 'PRINT_INTERRUPTED'],
    ]);
    expect(recovered[0]!.error!.message_ar).toMatch(/إعادة تشغيل/);
    // Printing may have begun: its retry is a COPY. The queued reprint never started.
    expect(jobRow(till, receiptJob.jobId).bytes_sent).toBe(1);
    expect(jobRow(till, reprint.jobId).bytes_sent).toBe(0);

    till.service.kick();
    await till.service.idle();
    expect(printer.sim.receipts).toHaveLength(0);

    expect(till.service.retry(receiptJob.jobId).copy).toBe('copy');
    await till.service.idle();
    const { copy } = await images(till, sale.receipt.receiptNo);
    expect(top(printer.sim.receipts[0]!.image, copy.height).diffCount(copy)).toBe(0);
    expect(till.journalTypes()).toContain('print.interrupted');
    expect(verifyJournal(till.db).ok).toBe(true);
  });

  it('a sale completed right after start-up is not mistaken for an interrupted one', async () => {
    const printer = await tcpPrinter();
    const till = await tillWith(printer, { noRecovery: true });
    await till.sellCash(ITEMS.milk); // kick() recovers first, then prints this sale
    await till.service.idle();
    expect(till.service.list()[0]).toMatchObject({ state: 'printed' });
  });
});

describe('printer status', () => {
  it('maps the DLE EOT bits the printer answers', async () => {
    const cases: Array<[Record<number, number>, string, string | null]> = [
      [{ 1: 0x12, 2: 0x12, 3: 0x12, 4: 0x12 }, 'ready', null],
      [{ 1: 0x12, 2: 0x12, 3: 0x12, 4: 0x1e }, 'paper_near_end', null], // roll sensor 0x0C
      [{ 1: 0x1a, 2: 0x32, 3: 0x12, 4: 0x7e }, 'paper_out', 'PRINTER_PAPER_OUT'], // offline, stopped by paper end, 0x60
      [{ 1: 0x1a, 2: 0x16, 3: 0x12, 4: 0x12 }, 'cover_open', 'PRINTER_COVER_OPEN'], // offline cause bit 2
      [{ 1: 0x1a, 2: 0x52, 3: 0x32, 4: 0x12 }, 'offline', 'PRINTER_ERROR'], // error bit 6, unrecoverable
      [{ 1: 0x1a, 2: 0x12, 3: 0x12, 4: 0x12 }, 'offline', 'PRINTER_OFFLINE'], // offline, no cause (feed button)
    ];
    for (const [answers, state, code] of cases) {
      const fake = await rawStatusPrinter(answers);
      cleanups.push(() => fake.close());
      const till = await tillWith(null, { printer: { profile: 'epson-tm-t20', link: { kind: 'tcp', host: '127.0.0.1', port: fake.port } } });
      const status = await till.service.status();
      expect({ state: status.state, code: status.error?.code ?? null }).toEqual({ state, code });
      expect(status).toMatchObject({ configured: true, profile: 'epson-tm-t20', transport: `TCP 127.0.0.1:${fake.port}` });
      expect(status.checkedAt).not.toBeNull();
    }
  });

  it('a printer that does not answer is offline; an unknown model is a configuration error', async () => {
    const hung = await hungPrinter();
    cleanups.push(() => hung.close());
    const till = await tillWith(null, { printer: { profile: 'epson-tm-t88', link: { kind: 'tcp', host: '127.0.0.1', port: hung.port } } });
    expect(await till.service.status()).toMatchObject({ state: 'offline', error: { code: 'PRINTER_TIMEOUT' } });

    till.settings.update({ printer: { profile: 'acme-9000', link: { kind: 'simulator' } } });
    const status = await till.service.status();
    expect(status).toMatchObject({ configured: true, profile: 'acme-9000', state: 'not_checked', error: { code: 'PRINTER_CONFIG' } });
    expect(status.error!.message_ar).toMatch(/[\u0600-\u06ff]/);
    const sale = await till.sellCash(ITEMS.milk);
    expect(sale.drawer).toBe('failed');
    await till.service.idle();
    expect(till.service.list()[0]).toMatchObject({ state: 'failed', error: { code: 'PRINTER_CONFIG' } });
    expect(jobRow(till, till.service.list()[0]!.jobId).bytes_sent).toBe(0);
  });
});
