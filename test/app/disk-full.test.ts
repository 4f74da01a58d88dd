// A full disk under the real till: the browser host process on a small tmpfs (CI runs as root; elsewhere this
// needs root to mount), the disk filled to the last byte while it sells. Every refused write says DISK_FULL in
// both languages, the process stays idle and answers, stderr does not flood, SIGTERM stops it, and once space is
// freed it sells on with nothing lost.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerFile } from '../../main/app';
import { startHostProcess, type HostProcess } from '../e2e/support/host-process';
import { ensureMainBuilt } from '../support/build';
import { connectHost, type HostClient } from '../support/host-client';
import { DEMO } from '../support/till';
import { assertLedgerVerifies } from '../support/tmp';

const canMount = (() => {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const probe = fs.mkdtempSync(path.join(os.tmpdir(), 'nuqta-mount-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    fs.rmSync(probe, { recursive: true, force: true });
  }
})();

/** CPU seconds a process has used (user + system), from /proc. */
function cpuSeconds(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Writes a file until the disk refuses another byte. */
function fillDisk(file: string): void {
  const fd = fs.openSync(file, 'w');
  const chunk = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) fs.writeSync(fd, chunk);
  } catch {
    // ENOSPC: now smaller pieces, down to single bytes
  }
  for (const size of [4096, 512, 64, 1]) {
    try {
      for (;;) fs.writeSync(fd, chunk.subarray(0, size));
    } catch {
      // next size
    }
  }
  fs.closeSync(fd);
}

describe.runIf(canMount)('the till on a full disk (tmpfs)', () => {
  const mountpoint = fs.mkdtempSync(path.join(os.tmpdir(), 'nuqta-full-'));
  const dataDir = path.join(mountpoint, 'data');
  const filler = path.join(mountpoint, 'filler.bin');
  let host: HostProcess;
  let till: HostClient;
  let stderr = '';

  beforeAll(async () => {
    ensureMainBuilt();
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=48m', 'tmpfs', mountpoint]);
    host = await startHostProcess(dataDir);
    host.child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    till = await connectHost(host.url);
  }, 120_000);

  afterAll(async () => {
    till?.close();
    await host?.stop('SIGKILL');
    try {
      execFileSync('umount', [mountpoint]);
    } finally {
      fs.rmSync(mountpoint, { recursive: true, force: true });
    }
  });

  it('refuses with DISK_FULL, stays idle and answering, and sells on once space is freed', async () => {
    const first = await till.call('scanBarcode', { barcode: DEMO.milk.barcode });
    expect(first.ok).toBe(true);
    const before = await till.call('tenderCash', { tenderedHalalas: 1000 });
    expect(before.ok).toBe(true);
    // Its receipt prints first. The first receipt of a run loads the drawing library and draws; left to finish on
    // the full disk, that one-off work lands in the idle window below (0.4 s of CPU here, 0.5 under load), where
    // it would look like the retry loop that window is there to catch. A print failing on a full disk has its own
    // test (test/printing/service-disk-full.test.ts).
    await expect.poll(async () => {
      const jobs = await till.call('listPrintJobs', {});
      return jobs.ok ? jobs.value.map((j) => j.state) : jobs.error.code;
    }, { timeout: 30_000 }).toEqual(['printed']);

    fillDisk(filler);
    // The WAL reuses space it already has, so a few writes may still fit: sell until the disk says no.
    let refused: { code: string; message_ar: string; message_en: string } | null = null;
    for (let i = 0; i < 400 && !refused; i += 1) {
      const scanned = await till.call('scanBarcode', { barcode: DEMO.water.barcode });
      if (!scanned.ok) refused = scanned.error;
    }
    expect(refused).toMatchObject({ code: 'DISK_FULL', message_en: expect.stringMatching(/disk is full/i), message_ar: expect.stringMatching(/القرص ممتلئ/) });

    // Full, it stays idle (no retry loop) and its log does not flood, and it still answers.
    const cpuBefore = cpuSeconds(host.pid);
    const stderrBefore = stderr.length;
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(cpuSeconds(host.pid) - cpuBefore).toBeLessThan(0.25);
    expect(stderr.length - stderrBefore).toBeLessThan(20_000);
    const full = await till.call('getSale', {});
    if (!full.ok) throw new Error(full.error.code);
    const refusedTender = full.value.lines.length > 0 ? 'DISK_FULL' : 'SALE_EMPTY';
    expect(await till.call('tenderCash', { tenderedHalalas: full.value.dueHalalas })).toMatchObject({ ok: false, error: { code: refusedTender } });

    // Space is freed: the same till sells on.
    fs.rmSync(filler);
    const sale = await till.call('getSale', {});
    if (!sale.ok) throw new Error(sale.error.code);
    let due = sale.value.dueHalalas;
    if (sale.value.lines.length === 0) {
      const scanned = await till.call('scanBarcode', { barcode: DEMO.water.barcode });
      if (!scanned.ok) throw new Error(scanned.error.code);
      due = scanned.value.dueHalalas;
    }
    const after = await till.call('tenderCash', { tenderedHalalas: due });
    expect(after.ok).toBe(true);
    if (before.ok && after.ok) {
      expect(Number(after.value.receipt.receiptNo.split('-')[1])).toBe(Number(before.value.receipt.receiptNo.split('-')[1]) + 1);
    }
  }, 120_000);

  it('stops at once on SIGTERM, and its ledger verifies', async () => {
    fillDisk(filler);
    await till.call('scanBarcode', { barcode: DEMO.water.barcode });
    till.close();
    const stopping = Date.now();
    await host.stop('SIGTERM');
    expect(Date.now() - stopping).toBeLessThan(5000);
    fs.rmSync(filler);
    assertLedgerVerifies(ledgerFile(dataDir));
  }, 60_000);
});
