// What the CLI writes is what the till runs on: providers configured only through `nuqta terminal set nexo`,
// `nuqta stcpay set` and `nuqta secret set` (the built bundle, a real data folder), then a till started on
// that folder pays through the nexo simulator and opens STC Pay from the sealed certificate.
import { spawnSync } from 'node:child_process';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startNexoSimulator, type NexoSimulator } from '../../main/sim/nexo';
import { createStcPaySimulator, type StcPaySimulator } from '../../main/sim/stcpay';
import { bundles, ensureMainBuilt } from '../support/build';
import { DEMO, startTestTill, type TestTill } from '../support/till';
import { tempDir } from '../support/tmp';

const API_KEY = 'cli-configured-api-key-5150';

let tmp: ReturnType<typeof tempDir> | undefined;
let nexo: NexoSimulator | undefined;
let stc: StcPaySimulator | undefined;
let till: TestTill | undefined;
beforeAll(() => ensureMainBuilt(), 60_000);
afterEach(async () => {
  await till?.till.close();
  await nexo?.close();
  await stc?.close();
  tmp?.cleanup();
  till = nexo = stc = tmp = undefined;
});

function nuqta(input: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [bundles.cli, ...args, '--data-dir', tmp!.dir], { encoding: 'utf8', input });
  if (r.status !== 0) throw new Error(`nuqta ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r;
}

async function cardSale(t: TestTill) {
  const sale = await t.call('scanBarcode', { barcode: DEMO.milk.barcode });
  return t.call('payCard', { amountHalalas: sale.dueHalalas });
}

describe('a till configured by the CLI', () => {
  it('pays through a nexo terminal in cloud and local mode, and opens STC Pay with the sealed client certificate', async () => {
    tmp = tempDir('nuqta-cli-till-');
    nexo = await startNexoSimulator({ apiKey: API_KEY });
    stc = await createStcPaySimulator({});
    const { baseUrl: stcUrl } = await stc.listen(0);

    nuqta('', 'terminal', 'set', 'nexo', 'cloud-sync', nexo.baseUrl, nexo.poiId, '--ca', nexo.caFile);
    nuqta(`${API_KEY}\n`, 'secret', 'set', 'nexo.apiKey');
    const stcSet = nuqta('', 'stcpay', 'set', stcUrl, stc.clientCode, 'RUH-01', 'T01', 'T01', '--ca', stc.pki.caFile);
    expect(stcSet.stderr).toMatch(/Still needed .*stcpay\.clientCert, stcpay\.passphrase/);

    // Without its secrets the till starts, without STC Pay, and says why (what the CLI's reminder warned of).
    till = await startTestTill(tmp.dir, { providerCheckMs: 0 });
    expect((await till.call('getTerminalStatus', {})).stcPay).toMatchObject({ health: 'disconnected', detail: expect.stringMatching(/secret store/) });
    await till.till.close();
    till = undefined;

    nuqta('', 'secret', 'set', 'stcpay.clientCert', '--file', stc.pki.clientP12File);
    const pass = nuqta(`${stc.pki.passphrase}\n`, 'secret', 'set', 'stcpay.passphrase');
    expect(pass.stdout).toMatch(/opens stcpay\.clientCert/);

    till = await startTestTill(tmp.dir, { providerCheckMs: 0 });
    const cloud = await cardSale(till);
    expect(cloud.outcome).toBe('approved');
    expect(nexo.paymentRequests(cloud.intent.reference)).toBe(1);
    const status = await till.call('getTerminalStatus', {});
    expect(status).toMatchObject({ configured: true, protocol: 'nexo' });
    // STC Pay opened from the CLI's settings and sealed certificate: its client, pointed at the simulator.
    expect(status.stcPay).toMatchObject({ transport: expect.stringContaining(new URL(stcUrl).host), detail: null });
    await till.till.close();
    till = undefined;

    nuqta('', 'terminal', 'set', 'nexo', 'local', nexo.localUrl, nexo.poiId, '--ca', nexo.caFile, '--key-id', nexo.key.keyIdentifier, '--key-version', String(nexo.key.keyVersion));
    nuqta(nexo.key.passphrase, 'secret', 'set', 'nexo.passphrase');
    till = await startTestTill(tmp.dir, { providerCheckMs: 0 });
    const local = await cardSale(till);
    expect(local.outcome).toBe('approved');
    expect(nexo.paymentRequests(local.intent.reference)).toBe(1);
  }, 60_000);
});
