// Write-only transports: the Linux USB printer device and the Windows shared printer are both written
// like files, so a temp file stands in for /dev/usb/lp0 and for \\host\share.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createVirtualPrinter } from '../../main/sim/printer';
import { encodeImageJob } from '../../main/printing/escpos';
import { PrinterError } from '../../main/printing/errors';
import { createEscPosPrinter } from '../../main/printing';
import { sendJob } from '../../main/printing/print-job';
import { profileByName } from '../../main/printing/profiles';
import { MonoBitmap } from '../../main/printing/render';
import { createStreamTransport, createUsbLpTransport, createWindowsShareTransport, isPrinterSharePath } from '../../main/printing/transport';
import { concat, hex } from './helpers';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'nuqta-print-'));
const image = () => {
  const b = new MonoBitmap(576, 300);
  b.fillRect(10, 10, 200, 280);
  return b;
};

describe('Linux USB printer device', () => {
  it('writes the whole job in one go, with no status', async () => {
    const device = path.join(tmp(), 'lp0');
    fs.writeFileSync(device, ''); // the device node exists; we never create it
    const transport = createUsbLpTransport({ path: device });
    expect(transport.status).toBeUndefined();
    const job = encodeImageJob(image(), profileByName('generic-80'), { drawer: true });
    const result = await sendJob(transport, job);
    expect(result).toEqual({ bytesSent: job.byteLength, status: null, warnings: [] });
    expect(Buffer.from(fs.readFileSync(device)).equals(Buffer.from(concat(job.chunks)))).toBe(true);
  });

  it('reports a missing device as not found and never creates it', async () => {
    const device = path.join(tmp(), 'lp9');
    const e = (await createUsbLpTransport({ path: device }).write(Uint8Array.of(1)).catch((err: unknown) => err)) as PrinterError;
    expect(e).toBeInstanceOf(PrinterError);
    expect(e.code).toBe('PRINTER_NOT_FOUND');
    expect(fs.existsSync(device)).toBe(false);
  });
});

describe('Windows shared printer (RAW via the spooler)', () => {
  it('recognises share paths', () => {
    expect(isPrinterSharePath('\\\\localhost\\NuqtaReceipt')).toBe(true);
    expect(isPrinterSharePath('\\\\SHOP-PC\\Receipt\\')).toBe(true);
    expect(isPrinterSharePath('C:\\receipt.bin')).toBe(false);
    expect(isPrinterSharePath('\\\\host')).toBe(false);
  });

  it('sends one job as one write', async () => {
    const share = path.join(tmp(), 'share');
    const transport = createWindowsShareTransport({ path: share });
    const job = encodeImageJob(image(), profileByName('generic-80'));
    await sendJob(transport, job);
    expect(fs.readFileSync(share).length).toBe(job.byteLength);
    await transport.close();
    const e = (await transport.write(Uint8Array.of(1)).catch((err: unknown) => err)) as PrinterError;
    expect(e.code).toBe('PRINTER_CLOSED');
  });

  it('reports an unreachable share as not found', async () => {
    const e = (await createWindowsShareTransport({ path: path.join(tmp(), 'no-host', 'share') })
      .write(Uint8Array.of(1))
      .catch((err: unknown) => err)) as PrinterError;
    expect(e.code).toBe('PRINTER_NOT_FOUND');
  });
});

describe('stream transport and the existing drawer API', () => {
  it('openDrawer sends init and the 5-byte pulse; the virtual printer counts it', async () => {
    const vp = createVirtualPrinter();
    const printer = createEscPosPrinter(vp.input);
    await printer.openDrawer();
    expect(vp.drawerKicks()).toBe(1);
    expect(vp.commands).toEqual([{ kind: 'init' }, { kind: 'drawer', pin: 0, onUnits: 25, offUnits: 250 }]);
    vp.unplug();
    await expect(printer.openDrawer()).rejects.toThrow();
  });

  it('times out a stream that never takes the bytes', async () => {
    const stuck = new Writable({ write: () => undefined, highWaterMark: 1 });
    const e = (await createStreamTransport(stuck, { writeTimeoutMs: 100 }).write(Uint8Array.of(1, 2)).catch((err: unknown) => err)) as PrinterError;
    expect(e.code).toBe('PRINTER_TIMEOUT');
  });

  it('the virtual printer prints column-mode jobs too', async () => {
    const vp = createVirtualPrinter();
    const printer = createEscPosPrinter(vp.input, { profile: 'legacy-column-80' });
    await printer.printImage(image(), { drawer: true });
    const printed = vp.sim.receipts[0]!;
    expect(printed.cut).toBe('full');
    expect(printed.drawerKicks).toBe(1);
    expect(new MonoBitmap(576, 300, printed.image.data.slice(0, 72 * 300)).diffCount(image())).toBe(0);
    expect(hex(Uint8Array.from(printed.image.toPng().subarray(1, 4)))).toBe('504e47');
  });
});
