// The simulated terminal and providers behind a `simulator` link (demo, training, tests). Payments speaks to
// them exactly as to the real ones — a byte stream for the mada terminal, HTTPS for nexo and STC Pay — but
// never builds them: the composition root (main/app) hands in this factory, so no payment code imports a
// simulator and a live till can be wired without any.
import type { NexoSecurityKey } from './nexo';
import type { Transport } from './transport';

export interface SimulatedEndpoint {
  close(): Promise<void>;
}

export interface PaymentSimulators {
  /** A mada ECR (SkyBand) terminal in this process, reached through an in-process byte stream. */
  madaEcr(options: { lrcMode: 'xor' | 'sdk-ascii-hex'; ackNak: boolean }): SimulatedEndpoint & { transport: Transport };
  /** A nexo provider over HTTPS on 127.0.0.1 with its own CA: cloud at `baseUrl`, a LAN terminal at `localUrl`. */
  nexo(options: { poiId: string }): Promise<SimulatedEndpoint & { baseUrl: string; localUrl: string; caPem: Buffer; localKey: NexoSecurityKey }>;
  /** STC Pay DirectPayment over mutual TLS on 127.0.0.1: its address and the merchant certificate it trusts. */
  stcPay(options: { clientCode: string }): Promise<
    SimulatedEndpoint & { baseUrl: string; tls: { clientPkcs12: Buffer; passphrase: string; ca: Buffer } }
  >;
}
