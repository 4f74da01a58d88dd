// The serial transport (serialport 13) against the virtual printer on a real pseudo-terminal made by
// socat. ptys buffer far more than a UART, so this tests the protocol, not flow control (printing.md §6).
import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { createPrinterSim, startSimPty } from '../../main/sim/printer';
import { encodeImageJob } from '../../main/printing/escpos';
import { PrinterError } from '../../main/printing/errors';
import { layoutCardSlip } from '../../main/printing/layout';
import { sendJob } from '../../main/printing/print-job';
import { bandRowsForStatus, profileByName } from '../../main/printing/profiles';
import { renderBlocks } from '../../main/printing/render';
import { createSerialTransport } from '../../main/printing/transport';
import { cardSlip, SHOP } from './fixtures';
import { topRows } from './helpers';

const hasSocat = (() => {
  try {
    execFileSync('socat', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

// Skipped only on a developer machine without socat; CI installs it (npm run test:all), so there it must run.
describe.skipIf(!hasSocat && !process.env.CI)('serial transport over a socat pty', () => {
  it('prints a 58 mm card slip, reads status, and stops when the cover opens mid-job', async () => {
    const sim = createPrinterSim({ widthDots: 384 });
    const pty = await startSimPty(sim);
    const transport = createSerialTransport({ path: pty.path, baudRate: 115200, statusTimeoutMs: 1000 });
    cleanups.push(() => pty.close(), () => transport.close());

    const profile = profileByName('xprinter-58');
    const image = renderBlocks(layoutCardSlip({ slip: cardSlip(), shop: SHOP, copy: 'merchant' }), { width: 384 });
    const job = encodeImageJob(image, profile, { bandRows: bandRowsForStatus(profile) });

    expect(await transport.status!()).toMatchObject({ online: true, paperOut: false });
    const result = await sendJob(transport, job);
    expect(result.bytesSent).toBe(job.byteLength);
    // No cutter on this model: the receipt is still on the roll; tear it off.
    const printed = sim.tear()!;
    expect(printed.cut).toBeNull();
    expect(topRows(printed.image, image.height).diffCount(image)).toBe(0);

    let bands = 0;
    const flip = (c: { kind: string }) => {
      if (c.kind === 'raster' && ++bands === 3) sim.setStatus({ coverOpen: true });
    };
    sim.on('command', flip);
    const e = await sendJob(transport, job).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(PrinterError);
    expect((e as PrinterError).code).toBe('PRINTER_COVER_OPEN');
    sim.off('command', flip);
    sim.setStatus({ coverOpen: false });
    expect(await transport.status!()).toMatchObject({ online: true, coverOpen: false });
  });

  it('reports the pty going away as a clear error', async () => {
    const sim = createPrinterSim();
    const pty = await startSimPty(sim);
    const transport = createSerialTransport({ path: pty.path, statusTimeoutMs: 300, writeTimeoutMs: 1000 });
    cleanups.push(() => transport.close());
    await transport.write(Uint8Array.of(0x1b, 0x40));
    await pty.close(); // the printer is switched off / the adapter is pulled
    const e = (await transport.status!().catch((err: unknown) => err)) as PrinterError;
    expect(e).toBeInstanceOf(PrinterError);
    expect(['PRINTER_DISCONNECTED', 'PRINTER_TIMEOUT']).toContain(e.code);
  });
});

describe('serial transport without a device', () => {
  it('reports a missing port as not found', async () => {
    const transport = createSerialTransport({ path: '/dev/nuqta-no-such-printer' });
    const e = (await transport.write(Uint8Array.of(0x1b, 0x40)).catch((err: unknown) => err)) as PrinterError;
    expect(e).toBeInstanceOf(PrinterError);
    expect(e.code).toBe('PRINTER_NOT_FOUND');
    await transport.close();
  });
});
