// The same awkward sequences with the terminal as its own process over TCP and the till's default timeouts,
// the way a developer drives the demo by hand.
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startHostProcess, type HostProcess } from '../e2e/support/host-process';
import { ensureMainBuilt } from '../support/build';
import { connectHost, type HostClient } from '../support/host-client';
import { startSimulatorProcess, type SimulatorProcess } from '../support/simulator-process';
import { pointTillAtTerminal } from '../support/terminal';
import { DEMO } from '../support/till';
import { tempDir } from '../support/tmp';

let tmp: ReturnType<typeof tempDir>;
let sim: SimulatorProcess;
let host: HostProcess;
let till: HostClient;

beforeAll(() => ensureMainBuilt(), 120_000);
beforeEach(async () => {
  tmp = tempDir('nuqta-seq-');
  sim = await startSimulatorProcess(path.join(tmp.dir, 'record.json'));
  pointTillAtTerminal(tmp.dir, sim.port, { purchaseTimeoutMs: 120_000, statusTimeoutMs: 10_000 });
  host = await startHostProcess(tmp.dir);
  till = await connectHost(host.url);
});
afterEach(async () => {
  till.close();
  await host.stop();
  await sim.stop();
  tmp.cleanup();
});

const ok = async <T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { code: string } }>): Promise<T> => {
  const r = await p;
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
};

describe('terminal process, default timeouts', () => {
  it('no answer → cancel → next purchase: the till and the terminal agree at every step', async () => {
    // A terminal in a shop has a history: the inquiry after the lost answer sees its last transaction is not ours.
    const before = await ok(till.call('scanBarcode', { barcode: DEMO.water.barcode }));
    expect((await ok(till.call('payCard', { amountHalalas: before.dueHalalas }))).outcome).toBe('approved');
    const sale = await ok(till.call('scanBarcode', { barcode: DEMO.milk.barcode }));
    await sim.script({ outcome: 'no-answer' });
    const first = ok(till.call('payCard', { amountHalalas: sale.dueHalalas }));
    await expect.poll(async () => (await ok(till.call('getSale', {}))).payment?.state, { timeout: 5000 }).toBe('awaiting');
    const pending = (await ok(till.call('getSale', {}))).payment!;
    await ok(till.call('cancelCardPayment', { intentId: pending.intentId }));
    const cancelled = await first;
    expect(['not_found', 'unknown']).toContain(cancelled.outcome);
    await expect.poll(async () => (await ok(till.call('getSale', {}))).payment, { timeout: 10_000 }).toBeNull();

    for (let i = 0; i < 3; i += 1) {
      const current = await ok(till.call('getSale', {}));
      const due = current.lines.length ? current.dueHalalas : (await ok(till.call('scanBarcode', { barcode: DEMO.water.barcode }))).dueHalalas;
      const paid = await Promise.race([
        ok(till.call('payCard', { amountHalalas: due })),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`payment ${i} hung`)), 10_000)),
      ]);
      const record = await sim.record();
      const tx = record.transactions.find((t) => t.ecrRef === paid.intent.reference);
      expect(paid.outcome).toBe('approved');
      expect(tx?.status).toBe('approved');
    }
  });
});
