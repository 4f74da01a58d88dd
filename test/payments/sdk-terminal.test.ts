// A terminal that behaves as the public SkyBand ECR SDK does over TCP — no ACK/NAK, the ASCII-hex form of the LRC
// — set up the way an admin would (`nuqta terminal set tcp HOST PORT`, nothing else). Found from outside: the
// till's old defaults waited 2 s for an ACK such a terminal never sends, so every purchase that took longer (every
// PIN entry) was marked "unknown".
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEcrSimulator, type EcrSimulator } from '../../main/sim/ecr-terminal';
import { ensureMainBuilt } from '../support/build';
import { nuqta } from '../support/cli';
import { DEMO, startTestTill, type TestTill } from '../support/till';
import { tempDir } from '../support/tmp';

let sim: EcrSimulator | null = null;
let t: TestTill | null = null;
let tmp: ReturnType<typeof tempDir> | null = null;
beforeAll(() => ensureMainBuilt(), 120_000);
afterEach(async () => {
  await t?.till.close();
  await sim?.close();
  tmp?.cleanup();
  t = null;
  sim = null;
  tmp = null;
});

describe('a SkyBand terminal as the SDK drives it', () => {
  it('takes a purchase with a slow PIN entry (3 s) and approves it, with the defaults `terminal set tcp` gives', async () => {
    sim = createEcrSimulator({ lrcMode: 'sdk-ascii-hex', ackNak: false });
    const { port } = await sim.listenTcp(0);
    tmp = tempDir('nuqta-sdk-');
    expect(nuqta('terminal', 'set', 'tcp', '127.0.0.1', String(port), '--data-dir', tmp.dir).status).toBe(0);
    t = await startTestTill(tmp.dir);
    const sale = await t.call('scanBarcode', { barcode: DEMO.coffee.barcode });
    sim.terminal.script({ delayMs: 3000 });
    const paid = await t.call('payCard', { amountHalalas: sale.dueHalalas });
    expect(paid.outcome).toBe('approved');
    expect(sim.terminal.purchaseFrames(paid.intent.reference)).toBe(1);
  }, 30_000);
});
