// Tills whose STC Pay or nexo terminal is a provider simulator on its own HTTPS port, configured the way an
// admin configures a real one: an endpoint in the settings, the CA file to trust, and the credentials sealed in
// the data folder's secret store (never in the settings).
import fs from 'node:fs';
import { ledgerFile, type TillOptions } from '../../main/app';
import { openDatabase } from '../../main/db';
import { startNexoSimulator, type NexoSimulator } from '../../main/sim/nexo';
import { createStcPaySimulator, type StcPaySimulator } from '../../main/sim/stcpay';
import { createFileSecretStore } from '../../main/secrets';
import { DEMO_SETTINGS, openSettings, type NexoSettings, type TillSettings } from '../../main/settings';
import { startTestTill, type TestTill } from './till';
import { tempDir } from './tmp';

export function updateSettings(dir: string, patch: Partial<TillSettings>): void {
  const db = openDatabase(ledgerFile(dir));
  try {
    openSettings(db).update(patch);
  } finally {
    db.close();
  }
}

export interface StcPayTill extends TestTill {
  sim: StcPaySimulator;
  baseUrl: string;
}

/** STC Pay through the simulator over mutual TLS; the card terminal stays the demo's in-process mada simulator. */
export async function startStcPayTill(options: Partial<TillOptions> = {}, sim?: StcPaySimulator): Promise<StcPayTill> {
  const simulator = sim ?? (await createStcPaySimulator({ timeoutOtpDelayMs: 3_000 }));
  const { baseUrl } = await simulator.listen(0);
  const tmp = tempDir('nuqta-stcpay-');
  pointTillAtStcPay(tmp.dir, simulator, baseUrl);
  const t = await startTestTill(tmp.dir, { providerCheckMs: 0, ...options });
  return Object.assign(t, {
    sim: simulator,
    baseUrl,
    async close() {
      await t.till.close();
      await simulator.close();
      tmp.cleanup();
    },
  });
}

export function pointTillAtStcPay(dir: string, sim: StcPaySimulator, baseUrl: string, p12File = sim.pki.clientP12File): void {
  const secrets = createFileSecretStore({ dataDir: dir });
  secrets.put('stcpay.clientCert', fs.readFileSync(p12File));
  secrets.put('stcpay.passphrase', Buffer.from(sim.pki.passphrase));
  updateSettings(dir, {
    stcPay: {
      ...DEMO_SETTINGS.stcPay!,
      clientCode: sim.clientCode,
      confirmTimeoutMs: 2_000,
      link: { kind: 'endpoint', baseUrl, caFile: sim.pki.caFile, pins: [] },
    },
  });
}

export interface NexoTill extends TestTill {
  sim: NexoSimulator;
}

export const NEXO_API_KEY = 'test-api-key-0123456789';

/** A cloud (or LAN) terminal through the nexo simulator; STC Pay is off so only the card path is in play. */
export async function startNexoTill(
  mode: NexoSettings['mode'] = 'cloud-sync',
  options: Partial<TillOptions> = {},
  overrides: Partial<NexoSettings> = {},
): Promise<NexoTill> {
  const sim = await startNexoSimulator({ apiKey: NEXO_API_KEY });
  const tmp = tempDir('nuqta-nexo-');
  pointTillAtNexo(tmp.dir, sim, mode, overrides);
  const t = await startTestTill(tmp.dir, { providerCheckMs: 0, ...options });
  return Object.assign(t, {
    sim,
    async close() {
      await t.till.close();
      await sim.close();
      tmp.cleanup();
    },
  });
}

export function pointTillAtNexo(dir: string, sim: NexoSimulator, mode: NexoSettings['mode'], overrides: Partial<NexoSettings> = {}): void {
  const secrets = createFileSecretStore({ dataDir: dir });
  secrets.put('nexo.apiKey', Buffer.from(NEXO_API_KEY));
  if (mode === 'local') secrets.put('nexo.passphrase', Buffer.from(sim.key.passphrase));
  updateSettings(dir, {
    stcPay: null,
    terminal: {
      protocol: 'nexo',
      mode,
      link: { kind: 'endpoint', baseUrl: mode === 'local' ? sim.localUrl : sim.baseUrl, caFile: sim.caFile, serverName: null },
      poiId: sim.poiId,
      keyIdentifier: mode === 'local' ? sim.key.keyIdentifier : null,
      keyVersion: mode === 'local' ? sim.key.keyVersion : null,
      purchaseTimeoutMs: 10_000,
      ...overrides,
    },
  });
}
