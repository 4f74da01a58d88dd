// The print queue on a full disk. Found from outside: the queue re-kicked itself synchronously after every
// failed write, a core ran at 100 %, the host stopped answering, SIGTERM was ignored and stderr grew by ~90,000
// lines a second. Here the disk fills (SQLite's max_page_count: every write then fails with SQLITE_FULL, as on a
// full disk) while a job is printing and another waits.
import { afterEach, describe, expect, it } from 'vitest';
import { hungPrinter } from '../devices/support/printers';
import { ITEMS, startPrintTill, type PrintTill } from '../devices/support/print-till';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/**
 * Fills the database's disk: no page may be added (max_page_count), and the free room left in existing pages is
 * taken by scratch rows and journal entries, so the next write of any size fails with SQLITE_FULL.
 */
function fillDisk(till: PrintTill): void {
  till.db.pragma(`max_page_count = ${till.db.pragma('page_count', { simple: true }) as number}`);
  till.db.exec('CREATE TABLE IF NOT EXISTS scratch_filler (x BLOB)');
  const fill = (size: number) => {
    for (;;) {
      try {
        till.db.prepare('INSERT INTO scratch_filler (x) VALUES (zeroblob(?))').run(size);
      } catch {
        return;
      }
    }
  };
  for (const size of [4000, 1000, 200, 20]) fill(size);
  for (;;) {
    try {
      till.db.transaction(() => till.journal.append('test.disk_filler', {}))();
    } catch {
      return;
    }
  }
}

const freeDisk = (till: PrintTill) => {
  till.db.pragma('max_page_count = 1073741823');
};

const jobStates = (till: PrintTill) => till.db.prepare<[], { state: string }>('SELECT state FROM print_jobs ORDER BY rowid').all().map((r) => r.state);

describe('a full disk under the print queue', () => {
  it('backs off instead of spinning, keeps the event loop free, and prints once space is back', async () => {
    const hung = await hungPrinter();
    cleanups.push(() => hung.close());
    const failures: unknown[] = [];
    const till = await startPrintTill({
      printer: { profile: 'epson-tm-t88', link: { kind: 'tcp', host: '127.0.0.1', port: hung.port } },
      log: { warn: (_message, detail) => failures.push(detail) },
    });
    cleanups.push(() => till.close());
    const sale = await till.sellCash(ITEMS.milk);
    // The receipt waits on the printer's status answer; two reprints are queued behind it. Now the disk fills.
    till.service.reprint(sale.receipt.receiptNo);
    till.service.reprint(sale.receipt.receiptNo);
    fillDisk(till);

    // Half a second later (the hung printer times out in 0.5 s; its failure cannot be written) the event loop
    // must still run timers, and the worker must have tried a couple of times, not thousands.
    const started = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(Date.now() - started).toBeLessThan(3000);
    expect(failures.length).toBeGreaterThan(0);
    expect(failures.length).toBeLessThanOrEqual(3);
    expect(failures.every((f) => (f as { code?: string }).code === 'SQLITE_FULL')).toBe(true);

    // Space is back: the next retry (or the next sale's kick) prints what waited.
    freeDisk(till);
    till.service.kick();
    await till.service.idle();
    expect(jobStates(till)).toContain('failed'); // the printing one could not be finished (timed out)
    expect(jobStates(till).filter((s) => s === 'queued')).toHaveLength(0);
  });

  it('close() ends a back-off at once (shutdown always works)', async () => {
    const hung = await hungPrinter();
    cleanups.push(() => hung.close());
    const till = await startPrintTill({ printer: { profile: 'epson-tm-t88', link: { kind: 'tcp', host: '127.0.0.1', port: hung.port } } });
    const sale = await till.sellCash(ITEMS.milk);
    till.service.reprint(sale.receipt.receiptNo);
    till.service.reprint(sale.receipt.receiptNo);
    fillDisk(till);
    await new Promise((resolve) => setTimeout(resolve, 800));
    const closing = Date.now();
    await till.service.close();
    expect(Date.now() - closing).toBeLessThan(1000);
    freeDisk(till);
    await till.close();
  });
});
