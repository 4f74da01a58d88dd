// The print worker thread, for real: dist/main/print-worker.cjs (built first) renders and encodes exactly
// the bytes the in-process path does, and a worker that dies mid-job fails that job cleanly
// (PRINT_RENDER_FAILED, listed, never retried on its own) while the next job starts a fresh worker and prints.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createPrintService, type PrintService } from '../../main/printing/service';
import { resolveProfile } from '../../main/printing/service/profile';
import type { PrinterTransport } from '../../main/printing/transport/types';
import { createJobRenderer, createWorkerRenderer, inProcessRenderer, renderAndEncode, useWorkerByDefault, withInProcessFallback, type PreviewRequest, type RenderRequest } from '../../main/printing/worker';
import type { PrinterSettings } from '../../main/settings';
import { ITEMS, startPrintTill, type PrintTill } from '../devices/support/print-till';
import { root } from '../support/build';
import { concat, hex } from './helpers';
import { ensurePrintWorkerBuilt } from './worker-build';

beforeAll(() => void ensurePrintWorkerBuilt(), 120_000);

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** A write-only printer that keeps every write. */
function capture(): { writes: Uint8Array[]; open: () => PrinterTransport } {
  const writes: Uint8Array[] = [];
  return {
    writes,
    open: () => ({ kind: 'stream', description: 'capture', write: async (b) => void writes.push(Uint8Array.from(b)), close: async () => undefined }),
  };
}

const PRINTER: PrinterSettings = { profile: 'epson-tm-t88', link: { kind: 'simulator' } };

async function cardSaleTill(): Promise<{ till: PrintTill; printed: Uint8Array[]; receiptNo: string }> {
  const printed = capture();
  const till = await startPrintTill({ printer: PRINTER, card: true, openLink: printed.open });
  cleanups.push(() => till.close());
  const sale = await till.sellCard(ITEMS.milk, ITEMS.coffee);
  await till.service.idle();
  return { till, printed: printed.writes, receiptNo: sale.receipt.receiptNo };
}

function serviceOn(till: PrintTill, renderer: Parameters<typeof createPrintService>[0]['renderer'], open: () => PrinterTransport): PrintService {
  const service = createPrintService({
    db: till.db,
    journal: till.journal,
    settings: till.settings.get,
    receipt: (n) => till.checkout.receipt(n),
    emitJobs: () => undefined,
    emitStatus: () => undefined,
    openLink: open,
    renderer,
    log: { warn: () => undefined },
  });
  cleanups.push(() => service.close());
  return service;
}

describe('the print worker (dist/main/print-worker.cjs)', () => {
  it('encodes receipts and card slips to the same bytes as the in-process path, bands and all', async () => {
    const { till, receiptNo } = await cardSaleTill();
    const receipt = till.checkout.receipt(receiptNo);
    const tender = receipt.tenders.find((t) => t.kind === 'card');
    if (tender?.kind !== 'card') throw new Error('card tender expected');
    const worker = createWorkerRenderer();
    cleanups.push(() => worker.close());
    const settings = till.settings.get();
    // 80 mm raster, 58 mm raster, and ESC * column images.
    for (const profileName of ['epson-tm-t88', 'generic-58', 'legacy-column-80']) {
      const profile = resolveProfile(profileName);
      for (const doc of [
        { kind: 'receipt', copy: 'original', intentId: null, mayHavePrinted: false },
        { kind: 'receipt', copy: 'copy', intentId: null, mayHavePrinted: true },
        { kind: 'card_slip', copy: 'customer', intentId: tender.intentId, mayHavePrinted: false },
        { kind: 'card_slip', copy: 'merchant', intentId: tender.intentId, mayHavePrinted: false },
      ] as const) {
        for (const bandRows of [undefined, 24]) {
          const request: RenderRequest = { doc: { ...doc }, receipt, settings, profile, ...(bandRows ? { bandRows } : {}) };
          const local = renderAndEncode(request);
          const remote = await worker.render(request);
          expect(remote.byteLength).toBe(local.byteLength);
          expect(remote.chunks.map((c) => c.length)).toEqual(local.chunks.map((c) => c.length));
          expect(hex(concat(remote.chunks))).toBe(hex(concat(local.chunks)));
        }
      }
    }
    // A document that cannot be drawn fails as it does in-process: PRINT_RENDER_FAILED with the cause.
    const bad: RenderRequest = { doc: { kind: 'card_slip', copy: 'customer', intentId: 'no-such-intent', mayHavePrinted: false }, receipt, settings, profile: resolveProfile('epson-tm-t88') };
    expect(() => renderAndEncode(bad)).toThrow(/PRINT_RENDER_FAILED: .*no card tender no-such-intent/);
    await expect(worker.render(bad)).rejects.toMatchObject({ name: 'PrintServiceError', printCode: 'PRINT_RENDER_FAILED', message: expect.stringContaining('no card tender no-such-intent') });
    // …and the worker is still there for the next job.
    expect(hex(concat((await worker.render({ ...bad, doc: { ...bad.doc, intentId: tender.intentId } })).chunks))).toBe(
      hex(concat(renderAndEncode({ ...bad, doc: { ...bad.doc, intentId: tender.intentId } }).chunks)),
    );
  });

  it('a print service on the worker prints a receipt byte for byte as the in-process service does', async () => {
    const { till, printed, receiptNo } = await cardSaleTill();
    expect(printed).toHaveLength(3); // receipt + two slips, in-process (vitest runs the sources)
    till.service.reprint(receiptNo);
    await till.service.idle();
    const inProcessCopy = printed[3]!;

    const viaWorker = capture();
    const service = serviceOn(till, 'worker', viaWorker.open);
    const job = service.reprint(receiptNo);
    await service.idle();
    expect(service.list().find((j) => j.jobId === job.jobId)).toMatchObject({ state: 'printed', error: null });
    expect(viaWorker.writes).toHaveLength(1);
    expect(hex(viaWorker.writes[0]!)).toBe(hex(inProcessCopy));
  });

  it('a worker killed mid-job fails that job with PRINT_RENDER_FAILED; the next job starts a new worker and prints', async () => {
    const { till, receiptNo } = await cardSaleTill();
    const worker = createWorkerRenderer({ log: { warn: () => undefined } });
    cleanups.push(() => worker.close());
    let killNext = false;
    let killed = 0;
    const renderer = {
      mode: 'worker' as const,
      render(request: RenderRequest) {
        const result = worker.render(request);
        if (killNext) {
          killNext = false;
          // Mid-render: the (warm) worker takes tens of milliseconds per receipt.
          setTimeout(() => void worker.kill().then(() => killed++), 1);
        }
        return result;
      },
      preview: (request: PreviewRequest) => worker.preview(request),
      close: () => worker.close(),
    };
    const viaWorker = capture();
    const service = serviceOn(till, renderer, viaWorker.open);

    const warm = service.reprint(receiptNo);
    await service.idle();
    expect(service.list().find((j) => j.jobId === warm.jobId)?.state).toBe('printed');
    const good = viaWorker.writes[0]!;

    killNext = true;
    const doomed = service.reprint(receiptNo);
    await service.idle();
    expect(killed).toBe(1);
    expect(service.list().find((j) => j.jobId === doomed.jobId)).toMatchObject({ state: 'failed', error: { code: 'PRINT_RENDER_FAILED' } });
    expect(viaWorker.writes).toHaveLength(1); // nothing of it reached the printer
    const failed = till.db.prepare<[string], { bytes_sent: number }>('SELECT bytes_sent FROM print_jobs WHERE id = ?').get(doomed.jobId)!;
    expect(failed.bytes_sent).toBe(0);

    const next = service.reprint(receiptNo);
    await service.idle();
    expect(service.list().find((j) => j.jobId === next.jobId)?.state).toBe('printed');
    expect(hex(viaWorker.writes[1]!)).toBe(hex(good));
    // The failed one waits for someone; a retry prints it too.
    service.retry(doomed.jobId);
    await service.idle();
    expect(service.list().find((j) => j.jobId === doomed.jobId)?.state).toBe('printed');
    expect(worker.pending()).toBe(0);
  });

  it('chooses the worker only from the bundles (or when asked), and close() ends it', async () => {
    // Vitest runs the TypeScript sources: 'auto' stays in-process here.
    expect(useWorkerByDefault({})).toBe(false);
    expect(createJobRenderer('auto')).toBe(inProcessRenderer);
    expect(createJobRenderer('in-process')).toBe(inProcessRenderer);
    const forced = createJobRenderer('worker');
    expect(forced.mode).toBe('worker');
    await forced.close();
    await expect(forced.render({} as RenderRequest)).rejects.toMatchObject({ printCode: 'PRINT_RENDER_FAILED' });
  });
});

describe('a print worker that cannot start', () => {
  it('falls back to rendering in-process, with the same bytes, instead of failing every receipt', async () => {
    const { till, receiptNo } = await cardSaleTill();
    // What a packaged app would meet if the worker file could not be loaded from its archive.
    const broken = path.join(fs.mkdtempSync(path.join(root, 'dist', 'broken-worker-')), 'print-worker.cjs');
    fs.writeFileSync(broken, "throw new Error('cannot load the print worker');\n");
    cleanups.push(() => fs.rmSync(path.dirname(broken), { recursive: true, force: true }));
    const warnings: string[] = [];
    const renderer = withInProcessFallback(createWorkerRenderer({ file: broken, log: { warn: () => undefined } }), { warn: (m) => void warnings.push(m) });
    cleanups.push(() => renderer.close());
    const request: RenderRequest = {
      doc: { kind: 'receipt', copy: 'original', intentId: null, mayHavePrinted: false },
      receipt: till.checkout.receipt(receiptNo),
      settings: till.settings.get(),
      profile: resolveProfile('epson-tm-t88'),
    };
    const job = await renderer.render(request);
    expect(hex(concat(job.chunks))).toBe(hex(concat(renderAndEncode(request).chunks)));
    expect(renderer.mode).toBe('in-process');
    expect(warnings).toHaveLength(1);
    // Later jobs go straight to the main thread.
    expect(hex(concat((await renderer.render(request)).chunks))).toBe(hex(concat(renderAndEncode(request).chunks)));
  });
});

