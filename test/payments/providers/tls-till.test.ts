// Provider links fail closed in the whole till: a wrong client certificate, a server certificate the till does
// not trust, a provider that is down. Each ends in a defined state with a bilingual reason, nothing is charged,
// the sale stays open for cash, and the status light says so.
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startNexoSimulator, type NexoSimulator } from '../../../main/sim/nexo';
import { createStcPaySimulator, type StcPaySimulator } from '../../../main/sim/stcpay';
import { DEMO_SETTINGS } from '../../../main/settings';
import { pointTillAtNexo, pointTillAtStcPay, updateSettings } from '../../support/providers';
import { DEMO, startTestTill, type TestTill } from '../../support/till';
import { tempDir } from '../../support/tmp';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function till(configure: (dir: string) => void): Promise<TestTill> {
  const tmp = tempDir('nuqta-tls-');
  configure(tmp.dir);
  const t = await startTestTill(tmp.dir, { providerCheckMs: 0 });
  cleanups.push(() => t.close(), () => tmp.cleanup());
  return t;
}
async function stcPaySim(): Promise<{ sim: StcPaySimulator; baseUrl: string }> {
  const sim = await createStcPaySimulator();
  const { baseUrl } = await sim.listen(0);
  cleanups.push(() => sim.close());
  return { sim, baseUrl };
}
async function nexoSim(): Promise<NexoSimulator> {
  const sim = await startNexoSimulator({ apiKey: 'test-api-key-0123456789' });
  cleanups.push(() => sim.close());
  return sim;
}
/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

const payStcPayOnce = async (t: TestTill) => {
  const sale = await t.call('scanBarcode', { barcode: DEMO.water.barcode });
  return t.call('payStcPay', { amountHalalas: sale.dueHalalas, mobile: '0551234567' });
};

describe('STC Pay over mutual TLS, failing closed', () => {
  it('refuses a client certificate from another CA: nothing reaches STC Pay, the sale stays open', async () => {
    const { sim, baseUrl } = await stcPaySim();
    const t = await till((dir) => pointTillAtStcPay(dir, sim, baseUrl, sim.pki.foreignP12File));
    const result = await payStcPayOnce(t);
    expect(result.outcome).toBe('declined');
    expect(result.intent.reason?.ar).toMatch(/[\u0600-\u06ff]/);
    expect(sim.ledger().payments).toHaveLength(0);
    expect(result.sale).toMatchObject({ payment: null, tenders: [] });
    const status = await t.call('checkTerminal', {});
    expect(status.stcPay?.health).toBe('disconnected');
  });

  it('refuses a server whose certificate the till does not trust', async () => {
    const { sim, baseUrl } = await stcPaySim();
    const other = await nexoSim(); // a CA the STC Pay server certificate is not from
    const t = await till((dir) => {
      pointTillAtStcPay(dir, sim, baseUrl);
      updateSettings(dir, { stcPay: { ...DEMO_SETTINGS.stcPay!, clientCode: sim.clientCode, link: { kind: 'endpoint', baseUrl, caFile: other.caFile, pins: [] } } });
    });
    const result = await payStcPayOnce(t);
    expect(result.outcome).toBe('declined');
    expect(sim.ledger().payments).toHaveLength(0);
  });

  it('says at once that STC Pay is down, and the cashier takes cash', async () => {
    const { sim } = await stcPaySim();
    const port = await closedPort();
    const t = await till((dir) => pointTillAtStcPay(dir, sim, `https://127.0.0.1:${port}/B2B.DirectPayment.WebApi/DirectPayment/V4/`));
    const started = Date.now();
    const result = await payStcPayOnce(t);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(result.outcome).toBe('declined');
    const status = await t.call('checkTerminal', {});
    expect(status.stcPay).toMatchObject({ health: 'disconnected' });
    const cash = await t.call('tenderCash', { tenderedHalalas: result.sale.dueHalalas });
    expect(cash.receipt.tenders.map((x) => x.kind)).toEqual(['cash']);
  });

  it('starts without STC Pay when its certificate is missing from the secret store, and says why', async () => {
    const t = await till((dir) =>
      updateSettings(dir, { stcPay: { ...DEMO_SETTINGS.stcPay!, link: { kind: 'endpoint', baseUrl: 'https://127.0.0.1:9/x/', caFile: null, pins: [] } } }),
    );
    const status = await t.call('getTerminalStatus', {});
    expect(status.stcPay).toMatchObject({ health: 'disconnected' });
    expect(status.stcPay?.detail).toMatch(/secret store/);
    await t.call('scanBarcode', { barcode: DEMO.water.barcode });
    expect(await t.attempt('payStcPay', { amountHalalas: 100, mobile: '0551234567' })).toMatchObject({ ok: false, error: { code: 'PROVIDER_UNAVAILABLE' } });
  });
});

describe('nexo cloud terminal over TLS, failing closed', () => {
  it('refuses a provider whose certificate the till does not trust: nothing is sent', async () => {
    const sim = await nexoSim();
    const { sim: stranger } = await stcPaySim();
    const t = await till((dir) => {
      pointTillAtNexo(dir, sim, 'cloud-sync');
      updateSettings(dir, {
        terminal: {
          protocol: 'nexo',
          mode: 'cloud-sync',
          link: { kind: 'endpoint', baseUrl: sim.baseUrl, caFile: stranger.pki.caFile, serverName: null },
          poiId: sim.poiId,
          keyIdentifier: null,
          keyVersion: null,
          purchaseTimeoutMs: 10_000,
        },
      });
    });
    const sale = await t.call('scanBarcode', { barcode: DEMO.water.barcode });
    const result = await t.call('payCard', { amountHalalas: sale.dueHalalas });
    expect(result.outcome).toBe('declined');
    expect(sim.ledger.transactions).toHaveLength(0);
    expect(result.intent.reason?.en).toMatch(/certificate|trust/i);
  });

  it('says at once that the provider is down', async () => {
    const sim = await nexoSim();
    const port = await closedPort();
    const t = await till((dir) => {
      pointTillAtNexo(dir, sim, 'cloud-sync');
      updateSettings(dir, {
        terminal: {
          protocol: 'nexo',
          mode: 'cloud-sync',
          link: { kind: 'endpoint', baseUrl: `https://127.0.0.1:${port}`, caFile: sim.caFile, serverName: null },
          poiId: sim.poiId,
          keyIdentifier: null,
          keyVersion: null,
          purchaseTimeoutMs: 10_000,
        },
      });
    });
    const sale = await t.call('scanBarcode', { barcode: DEMO.water.barcode });
    const started = Date.now();
    const result = await t.call('payCard', { amountHalalas: sale.dueHalalas });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(result.outcome).toBe('declined');
    const status = await t.call('checkTerminal', {});
    expect(status.health).toBe('disconnected');
  });
});
