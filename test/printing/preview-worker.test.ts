// The receipt preview (getReceiptImage → PrintService.receiptImage) renders and PNG-encodes in the print
// worker, like print jobs: the same data URL, byte for byte, as the main thread produces (and as the preview
// produced before it moved); a worker that cannot start falls back to the main thread; one that dies
// mid-preview fails that preview only; and the till's event loop runs while a preview renders.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createPrintService, type PrintService, type PrintServiceDeps } from '../../main/printing/service';
import { renderJobImage, type JobDocument } from '../../main/printing/service/render-job';
import { resolveProfile } from '../../main/printing/service/profile';
import type { PrinterTransport } from '../../main/printing/transport/types';
import { createWorkerRenderer, inProcessRenderer, renderAndEncode, renderPreview, withInProcessFallback, type PreviewRequest, type ReceiptImage, type RenderRequest } from '../../main/printing/worker';
import { DEMO_SETTINGS, type PrinterSettings } from '../../main/settings';
import type { Receipt } from '../../preload/contract';
import { fromDataUrl } from '../devices/support/printers';
import { ITEMS, startPrintTill, type PrintTill } from '../devices/support/print-till';
import { root } from '../support/build';
import { arabicReceipt, longArabicReceipt, mixedReceipt, stcPayReceipt } from './fixtures';
import { concat, hex } from './helpers';
import { ensurePrintWorkerBuilt } from './worker-build';

beforeAll(() => void ensurePrintWorkerBuilt(), 120_000);

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

const quiet = { warn: () => undefined };
const RECEIPT: JobDocument = { kind: 'receipt', copy: 'original', intentId: null, mayHavePrinted: false };
const preview = (receipt: Receipt, widthDots = 576, doc: JobDocument = RECEIPT): PreviewRequest => ({ doc, receipt, settings: DEMO_SETTINGS, widthDots });

/** What PrintService.receiptImage() computed on the main thread before the preview moved to the worker. */
function previewBeforeTheWorker({ doc, receipt, settings, widthDots }: PreviewRequest): ReceiptImage {
  const image = renderJobImage(doc, receipt, settings, widthDots);
  return { png: `data:image/png;base64,${image.toPng().toString('base64')}`, widthDots: image.width, heightDots: image.height };
}

function worker() {
  const w = createWorkerRenderer({ log: quiet });
  cleanups.push(() => w.close());
  return w;
}

/** A worker file that throws on load: what a packaged app meets if it cannot load the worker. */
function brokenWorkerFile(): string {
  const file = path.join(fs.mkdtempSync(path.join(root, 'dist', 'broken-worker-')), 'print-worker.cjs');
  fs.writeFileSync(file, "throw new Error('cannot load the print worker');\n");
  cleanups.push(() => fs.rmSync(path.dirname(file), { recursive: true, force: true }));
  return file;
}

async function soldTill(printer: PrinterSettings): Promise<{ till: PrintTill; receiptNo: string }> {
  // The sale's receipt prints to nowhere: only its preview matters here.
  const open = (): PrinterTransport => ({ kind: 'stream', description: 'discard', write: async () => undefined, close: async () => undefined });
  const till = await startPrintTill({ printer, openLink: open });
  cleanups.push(() => till.close());
  const sale = await till.sellCash(ITEMS.milk, ITEMS.coffee, ITEMS.bread);
  await till.service.idle();
  return { till, receiptNo: sale.receipt.receiptNo };
}

function serviceOn(till: PrintTill, renderer: PrintServiceDeps['renderer']): PrintService {
  const service = createPrintService({
    db: till.db,
    journal: till.journal,
    settings: till.settings.get,
    receipt: (n) => till.checkout.receipt(n),
    emitJobs: () => undefined,
    emitStatus: () => undefined,
    renderer,
    log: quiet,
  });
  cleanups.push(() => service.close());
  return service;
}

describe('the receipt preview in the print worker', () => {
  it('is the main-thread preview byte for byte: receipts and a card slip, original and copy, 80 and 58 mm', async () => {
    const w = worker();
    for (const receipt of [arabicReceipt(), mixedReceipt(), stcPayReceipt(), longArabicReceipt(40)]) {
      for (const widthDots of [576, 384]) {
        for (const doc of [RECEIPT, { ...RECEIPT, copy: 'copy' }, { kind: 'card_slip', copy: 'customer', intentId: 'i-1', mayHavePrinted: false }] as JobDocument[]) {
          if (doc.kind === 'card_slip' && receipt.receiptNo !== mixedReceipt().receiptNo) continue;
          const request = preview(receipt, widthDots, doc);
          const before = previewBeforeTheWorker(request);
          expect(renderPreview(request)).toEqual(before); // the in-process fallback
          const remote = await w.preview(request);
          expect(remote).toEqual(before); // same data URL string: same PNG bytes, same size
          expect(remote.widthDots).toBe(widthDots);
          expect(fromDataUrl(remote.png).height).toBe(remote.heightDots);
        }
      }
    }
  });

  it('fails as the main thread does (the cause, not wrapped) and keeps serving the next request', async () => {
    const w = worker();
    const bad = preview(mixedReceipt(), 576, { kind: 'card_slip', copy: 'customer', intentId: 'no-such-intent', mayHavePrinted: false });
    expect(() => renderPreview(bad)).toThrow(/no card tender no-such-intent/);
    await expect(w.preview(bad)).rejects.toMatchObject({ name: 'Error', message: expect.stringContaining('no card tender no-such-intent') });
    expect(await w.preview(preview(arabicReceipt()))).toEqual(renderPreview(preview(arabicReceipt())));
    // A request that cannot be sent (not cloneable) fails at once and is not left pending.
    const uncloneable = { ...preview(arabicReceipt()), settings: { ...DEMO_SETTINGS, oops: () => 1 } } as unknown as PreviewRequest;
    await expect(w.preview(uncloneable)).rejects.toMatchObject({ printCode: 'PRINT_RENDER_FAILED' });
    expect(w.pending()).toBe(0);
  });

  it('PrintService.receiptImage() renders in the worker when the service does, with the same result', async () => {
    const { till, receiptNo } = await soldTill({ profile: 'generic-58', link: { kind: 'simulator' } });
    const w = worker();
    const service = serviceOn(till, w); // the caller's renderer: the service sends its preview there
    const pendingPreview = service.receiptImage(receiptNo, 'copy');
    expect(w.pending()).toBe(1); // posted to the worker, not rendered here
    const viaWorker = await pendingPreview;
    expect(w.pending()).toBe(0);
    expect(viaWorker).toEqual(await till.service.receiptImage(receiptNo, 'copy')); // vitest: in-process
    expect(viaWorker.widthDots).toBe(384); // the configured printer's width
    expect(await service.receiptImage(receiptNo)).toEqual(await till.service.receiptImage(receiptNo));
    // An unknown receipt is refused before anything is sent to the worker.
    await expect(service.receiptImage('T01-999999')).rejects.toMatchObject({ code: 'RECEIPT_UNKNOWN' });
    expect(w.pending()).toBe(0);
    // renderer: 'worker' (the service's own worker) too.
    expect(await serviceOn(till, 'worker').receiptImage(receiptNo)).toEqual(await till.service.receiptImage(receiptNo));
  });

  it('a worker killed mid-preview fails that preview with PRINT_RENDER_FAILED; the next one starts a new worker', async () => {
    const w = worker();
    const request = preview(longArabicReceipt(120));
    const expected = renderPreview(request);
    expect(await w.preview(request)).toEqual(expected); // warm
    const doomed = w.preview(request);
    const killed = w.kill(); // the worker is tens of milliseconds into the render
    await expect(doomed).rejects.toMatchObject({ name: 'PrintServiceError', printCode: 'PRINT_RENDER_FAILED', message: expect.stringContaining('print worker lost') });
    await killed;
    expect(await w.preview(request)).toEqual(expected);
    // Behind the fallback, a worker that has answered once is not given up on: the crash fails the preview.
    const fallback = withInProcessFallback(w, quiet);
    expect(await fallback.preview(request)).toEqual(expected);
    const again = fallback.preview(request);
    await w.kill();
    await expect(again).rejects.toMatchObject({ printCode: 'PRINT_RENDER_FAILED' });
    expect(fallback.mode).toBe('worker');
  });

  it('leaves the event loop free: a timer set before a long preview fires before the preview is back', async () => {
    // libuv runs due timers before it looks at incoming messages, and a 1 ms timer is due long before a
    // 150-line receipt is drawn, so this holds however loaded the machine is. On the main thread it cannot.
    const request = preview(longArabicReceipt(150));
    const w = worker();
    await w.preview(request); // warm: fonts registered, code compiled
    const timerFiredFirst = (render: () => ReceiptImage | Promise<ReceiptImage>) =>
      new Promise<boolean>((resolve, reject) => {
        let fired = false;
        const t = setTimeout(() => (fired = true), 1);
        Promise.resolve()
          .then(render)
          .then(() => resolve(fired), reject)
          .finally(() => clearTimeout(t));
      });
    expect(await timerFiredFirst(() => inProcessRenderer.preview(request))).toBe(false);
    expect(await timerFiredFirst(() => w.preview(request))).toBe(true);
  });
});

describe('a print worker that cannot start', () => {
  it('previews on the main thread instead, the same bytes, with one warning for a preview and a job failing together', async () => {
    const warnings: string[] = [];
    const renderer = withInProcessFallback(createWorkerRenderer({ file: brokenWorkerFile(), log: quiet }), { warn: (m) => void warnings.push(m) });
    cleanups.push(() => renderer.close());
    const request = preview(mixedReceipt());
    const job: RenderRequest = { doc: RECEIPT, receipt: mixedReceipt(), settings: DEMO_SETTINGS, profile: resolveProfile('epson-tm-t88') };
    const [image, encoded] = await Promise.all([renderer.preview(request), renderer.render(job)]);
    expect(image).toEqual(previewBeforeTheWorker(request));
    expect(hex(concat(encoded.chunks))).toBe(hex(concat(renderAndEncode(job).chunks)));
    expect(renderer.mode).toBe('in-process');
    expect(warnings).toHaveLength(1);
    // From then on, straight to the main thread.
    expect(await renderer.preview(request)).toEqual(previewBeforeTheWorker(request));
    expect(warnings).toHaveLength(1);
  });

  it('PrintService.receiptImage() still answers, identical to the in-process service', async () => {
    const { till, receiptNo } = await soldTill({ profile: 'epson-tm-t88', link: { kind: 'simulator' } });
    const service = serviceOn(till, withInProcessFallback(createWorkerRenderer({ file: brokenWorkerFile(), log: quiet }), quiet));
    expect(await service.receiptImage(receiptNo)).toEqual(await till.service.receiptImage(receiptNo));
    expect(await service.receiptImage(receiptNo, 'copy')).toEqual(await till.service.receiptImage(receiptNo, 'copy'));
  });

  it('without the fallback, the preview fails with PRINT_RENDER_FAILED (the till does not)', async () => {
    const w = createWorkerRenderer({ file: brokenWorkerFile(), log: quiet });
    cleanups.push(() => w.close());
    await expect(w.preview(preview(arabicReceipt()))).rejects.toMatchObject({ printCode: 'PRINT_RENDER_FAILED' });
  });
});
