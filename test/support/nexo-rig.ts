// A nexo connector configured against the provider simulator (real TLS, its own CA), with short timeouts.
import { createNexoConnector, type NexoConnector, type NexoConnectorOptions, type NexoMode, type NexoTimeouts } from '../../main/payments/nexo';
import type { NexoSimulator } from '../../main/sim/nexo';

export const SALE_ID = 'TILL-0001';
export const API_KEY = 'nuqta-test-api-key';

export const FAST: Partial<NexoTimeouts> = {
  connectMs: 2000,
  purchaseMs: 1200,
  refundMs: 1200,
  reversalMs: 1200,
  statusMs: 1000,
  abortMs: 500,
  settlementMs: 1500,
  healthMs: 1000,
  asyncNotificationMs: 400,
  asyncPollMs: 100,
};

export function connectorFor(sim: NexoSimulator, mode: NexoMode, extra: Partial<NexoConnectorOptions> = {}): NexoConnector {
  return createNexoConnector({
    mode,
    baseUrl: mode === 'local' ? sim.localUrl : sim.baseUrl,
    apiKey: API_KEY,
    ca: sim.caPem,
    poiId: sim.poiId,
    saleId: SALE_ID,
    keyIdentifier: sim.key.keyIdentifier,
    keyVersion: sim.key.keyVersion,
    passphrase: sim.key.passphrase,
    timeouts: FAST,
    ...extra,
  });
}
