// The TCP transport against the virtual printer on a real loopback socket: printing, status, and every
// way a job can fail (paper out before or during the job, cover opened, cable pulled, nothing listening,
// a printer that stops reading).
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createPrinterSim, startSimTcpServer, type PrinterSim, type SimTcpServer } from '../../main/sim/printer';
import { encodeImageJob } from '../../main/printing/escpos';
import { PrinterError } from '../../main/printing/errors';
import { layoutReceipt } from '../../main/printing/layout';
import { sendJob } from '../../main/printing/print-job';
import { createEscPosPrinter } from '../../main/printing/printer';
import { bandRowsForStatus, profileByName } from '../../main/printing/profiles';
import { renderBlocks, type MonoBitmap } from '../../main/printing/render';
import { createTcpTransport } from '../../main/printing/transport';
import type { PrinterTransport } from '../../main/printing/transport';
import { ADDRESS, arabicReceipt } from './fixtures';
import { topRows } from './helpers';

let image: MonoBitmap | null = null;
const receiptImage = () => (image ??= renderBlocks(layoutReceipt({ receipt: arabicReceipt(), address: ADDRESS, cashierName: 'أحمد', copy: 'original' })));
const profile = profileByName('epson-tm-t88');
// Bands sized to the printer's receive buffer, as createEscPosPrinter does when it watches status.
const job = () => encodeImageJob(receiptImage(), profile, { drawer: true, bandRows: bandRowsForStatus(profile) });

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function setup(options: { statusTimeoutMs?: number; writeTimeoutMs?: number } = {}): Promise<{ sim: PrinterSim; server: SimTcpServer; transport: PrinterTransport }> {
  const sim = createPrinterSim();
  const server = await startSimTcpServer(sim);
  const transport = createTcpTransport({ host: server.host, port: server.port, statusTimeoutMs: 500, writeTimeoutMs: 2000, ...options });
  cleanups.push(() => server.close(), () => transport.close());
  return { sim, server, transport };
}

async function failure(p: Promise<unknown>): Promise<PrinterError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(PrinterError);
  return e as PrinterError;
}

describe('TCP 9100 transport', () => {
  it('prints a receipt the printer decodes back to the rendered bitmap, cuts and kicks the drawer', async () => {
    const { sim, transport } = await setup();
    const result = await sendJob(transport, job());
    expect(result.bytesSent).toBe(job().byteLength);
    expect(result.status).toMatchObject({ online: true, paperOut: false });
    expect(sim.receipts).toHaveLength(1);
    const printed = sim.receipts[0]!;
    expect(printed.cut).toBe('partial');
    expect(printed.drawerKicks).toBe(1);
    expect(topRows(printed.image, receiptImage().height).diffCount(receiptImage())).toBe(0);
    expect(sim.commands.filter((c) => c.kind === 'status-request').length).toBeGreaterThan(4);
  });

  it('reads status and reports a near-end roll as a warning', async () => {
    const { sim, transport } = await setup();
    expect(await transport.status!()).toMatchObject({ online: true, paperOut: false, coverOpen: false });
    sim.setStatus({ paperNearEnd: true });
    expect((await sendJob(transport, job())).warnings).toEqual(['paper_near_end']);
    sim.setStatus({ coverOpen: true });
    expect(await transport.status!()).toMatchObject({ online: false, coverOpen: true });
  });

  it('refuses to start on an empty roll', async () => {
    const { sim, transport } = await setup();
    sim.setStatus({ paperOut: true });
    const e = await failure(sendJob(transport, job()));
    expect(e.code).toBe('PRINTER_PAPER_OUT');
    expect(e.toData().message_ar).toContain('ورق');
    expect(sim.receipts).toHaveLength(0);
  });

  it('stops with a clear error when the paper runs out mid-job, and prints the rest once reloaded', async () => {
    const { sim, transport } = await setup();
    let bands = 0;
    sim.on('command', (c) => {
      if (c.kind === 'raster' && ++bands === 2) sim.setStatus({ paperOut: true });
    });
    const e = await failure(sendJob(transport, job()));
    expect(e.code).toBe('PRINTER_PAPER_OUT');
    expect(e.detail).toMatch(/after \d+ of \d+ bytes/);
    expect(sim.receipts).toHaveLength(0);
    sim.setStatus({ paperOut: false });
    // The new roll: the till prints the receipt again in full.
    await sendJob(transport, job());
    expect(sim.receipts.length).toBeGreaterThanOrEqual(1);
  });

  it('stops when the cover is opened mid-job', async () => {
    const { sim, transport } = await setup();
    sim.on('command', (c) => {
      if (c.kind === 'raster') sim.setStatus({ coverOpen: true });
    });
    expect((await failure(sendJob(transport, job()))).code).toBe('PRINTER_COVER_OPEN');
  });

  it('reports a pulled cable mid-job as disconnected, then reconnects when it is back', async () => {
    const { sim, server, transport } = await setup();
    let unplugging: Promise<void> | null = null;
    sim.on('command', (c) => {
      if (c.kind === 'raster' && !unplugging) unplugging = server.unplug();
    });
    const e = await failure(sendJob(transport, job()));
    expect(['PRINTER_DISCONNECTED', 'PRINTER_OFFLINE']).toContain(e.code);
    await unplugging;
    // While unplugged: nothing answers.
    expect((await failure(transport.write(Uint8Array.of(0x1b, 0x40)))).code).toBe('PRINTER_OFFLINE');
    await server.plugIn();
    await sendJob(transport, job());
    expect(sim.receipts.at(-1)?.cut).toBe('partial');
  });

  it('reports nothing listening as offline', async () => {
    const { server } = await setup();
    await server.unplug();
    const t = createTcpTransport({ host: '127.0.0.1', port: server.port, connectTimeoutMs: 1000 });
    cleanups.push(() => t.close());
    const e = await failure(t.write(Uint8Array.of(0x1b, 0x40)));
    expect(e.code).toBe('PRINTER_OFFLINE');
    expect(e.toData()).toMatchObject({ code: 'PRINTER_OFFLINE' });
  });

  it('times out a status request nobody answers', async () => {
    // A device on 9100 that reads but never answers DLE EOT (not an ESC/POS printer).
    const silent = net.createServer((s) => s.on('data', () => undefined));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    cleanups.push(() => new Promise<void>((r) => silent.close(() => r())));
    const t = createTcpTransport({ host: '127.0.0.1', port: (silent.address() as net.AddressInfo).port, statusTimeoutMs: 200 });
    cleanups.push(async () => {
      await t.close();
    });
    expect((await failure(t.status!())).code).toBe('PRINTER_TIMEOUT');
  });

  it('times out a write the printer does not take (offline, receive buffer full)', async () => {
    const { sim, transport } = await setup({ writeTimeoutMs: 400 });
    sim.setStatus({ online: false });
    // More than the kernel's loopback buffers hold once the printer stops reading.
    const big = new Uint8Array(64 * 1024 * 1024);
    const e = await failure(transport.write(big));
    expect(e.code).toBe('PRINTER_TIMEOUT');
  });

  it('drives the printer through createEscPosPrinter: print and drawer', async () => {
    const { sim, transport } = await setup();
    const printer = createEscPosPrinter(transport, { profile: 'TM-T88V' });
    expect(printer.profile.id).toBe('epson-tm-t88');
    await printer.printImage(receiptImage());
    await printer.openDrawer();
    expect(sim.receipts).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 20));
    expect(sim.drawerKicks()).toBe(1);
    expect(await printer.status()).toMatchObject({ online: true });
  });
});
