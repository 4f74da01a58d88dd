// STC Pay against its simulator: one PKI per test file (openssl takes ~100 ms), a simulator per test on a
// real TLS socket, and clients configured from it exactly as a till would be.
import fs from 'node:fs';
import { createStcPayClient, type StcPayClient, type StcPayClientOptions } from '../../main/payments/stcpay';
import { createStcPaySimulator, generateSimulatorPki, type SimulatorPki, type StcPaySimulator, type StcPaySimulatorOptions } from '../../main/sim/stcpay';

export const MERCHANT = { branchId: 'BR01', tellerId: 'T01', deviceId: 'POS01' };
export const MOBILE = '0551234567';

export interface Rig {
  sim: StcPaySimulator;
  baseUrl: string;
  client(overrides?: Partial<StcPayClientOptions>): StcPayClient;
  tls: StcPayClientOptions['tls'];
}

export async function sharedPki(): Promise<SimulatorPki> {
  return generateSimulatorPki();
}

export async function startRig(pki: SimulatorPki, options: Omit<StcPaySimulatorOptions, 'pki'> = {}): Promise<Rig> {
  const sim = await createStcPaySimulator({ ...options, pki });
  const { baseUrl } = await sim.listen();
  const tls = { clientPkcs12: fs.readFileSync(pki.clientP12File), passphrase: pki.passphrase, ca: fs.readFileSync(pki.caFile, 'utf8') };
  return {
    sim,
    baseUrl,
    tls,
    client: (overrides = {}) =>
      createStcPayClient({
        baseUrl,
        clientCode: sim.clientCode,
        merchant: MERCHANT,
        tls,
        timeouts: { connectMs: 2000, authorizeMs: 2000, confirmMs: 2000, inquiryMs: 2000, refundMs: 2000 },
        ...overrides,
      }),
  };
}
