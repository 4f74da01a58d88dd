// A SkyBand (mada ECR) connector with short timeouts over any transport, for the ECR protocol tests.
import { createSkyBandConnector, sha256Signature, type LrcMode, type SkyBandConnector, type SkyBandConnectorOptions } from '../../main/payments/ecr';
import type { Transport } from '../../main/payments/transport';

export const FAST = { connectMs: 2000, ackMs: 300, purchaseMs: 1500, refundMs: 1500, reversalMs: 1500, statusMs: 1000, settlementMs: 1500, registerMs: 1000 };

export function connectorFor(transport: Transport, kit: { lrcMode: LrcMode; ackNak: boolean }, extra: Partial<SkyBandConnectorOptions> = {}): SkyBandConnector {
  return createSkyBandConnector({ transport, signature: sha256Signature, cashRegisterNo: 'TILL0001', timeouts: FAST, ...kit, ...extra });
}
