// A till whose card terminal is the ECR simulator on a real loopback TCP socket, so tests script the
// terminal (decline, drop, delay…) and read its own record of what it approved.
import { ledgerFile } from '../../main/app';
import { openDatabase } from '../../main/db';
import { createEcrSimulator, type EcrSimulator } from '../../main/sim/ecr-terminal';
import { DEMO_SETTINGS, openSettings, type MadaEcrSettings } from '../../main/settings';
import { startTestTill, type TestTill } from './till';
import { tempDir } from './tmp';

export interface CardTill extends TestTill {
  sim: EcrSimulator;
  port: number;
}

export function pointTillAtTerminal(dir: string, port: number, overrides: Partial<MadaEcrSettings> = {}) {
  const db = openDatabase(ledgerFile(dir));
  try {
    openSettings(db).update({
      terminal: { ...(DEMO_SETTINGS.terminal as MadaEcrSettings), link: { kind: 'tcp', host: '127.0.0.1', port }, purchaseTimeoutMs: 10_000, statusTimeoutMs: 2_000, ...overrides },
    });
  } finally {
    db.close();
  }
}

export async function startCardTill(): Promise<CardTill> {
  const sim = createEcrSimulator();
  const { port } = await sim.listenTcp(0);
  const tmp = tempDir('nuqta-card-');
  pointTillAtTerminal(tmp.dir, port);
  const t = await startTestTill(tmp.dir);
  return Object.assign(t, {
    sim,
    port,
    async close() {
      await t.till.close();
      await sim.close();
      tmp.cleanup();
    },
  });
}
