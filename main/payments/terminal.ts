// Builds the till's card terminal from its settings: which protocol, over which link. A `simulator` link (the
// demo and training default) is served by the simulators the composition root hands in; a real till names a
// TCP address or a serial port (mada ECR), or a provider endpoint (nexo cloud, or a terminal on the LAN).
import fs from 'node:fs';
import { TillError } from '../errors';
import type { MadaEcrSettings, NexoSettings, TerminalSettings } from '../settings';
import type { PaymentConnector } from './connector';
import { createSkyBandConnector } from './ecr/connector';
import { sha256Signature, zerosSignature } from './ecr/signature';
import { createNexoConnector } from './nexo';
import type { PaymentSimulators } from './simulators';
import { createSerialTransport, createTcpTransport, type Transport } from './transport';

export interface OpenTerminal {
  connector: PaymentConnector;
  /** For the manager's panel: "tcp 192.0.2.10:5000", "serial /dev/ttyUSB0 @ 38400", "in-process simulator". */
  description: string;
  /** Providers are reached over the internet: the till checks them in the background for the status light. */
  remote: boolean;
  close(): Promise<void>;
}

/** Where provider credentials come from: the sealed secret store (main/secrets), never the settings. */
export interface SecretReader {
  get(name: string): Uint8Array | undefined;
}

export interface OpenOptions {
  /** The till's id: the SaleID a provider sees on every message. */
  tillId: string;
  secrets?: SecretReader;
  /** What serves `simulator` links; without it such a link is a settings error (a till wired for live use). */
  simulators?: PaymentSimulators;
}

export async function openTerminal(settings: TerminalSettings, options: OpenOptions): Promise<OpenTerminal> {
  return settings.protocol === 'nexo' ? openNexo(settings, options) : openMadaEcr(settings, options);
}

/** The simulators, or a clear settings error naming the setting that asks for one. */
export function simulatorsFor(setting: string, simulators: PaymentSimulators | undefined): PaymentSimulators {
  if (!simulators) throw new TillError('CONFIG_INVALID', `${setting}: a simulated device is not available in this till`);
  return simulators;
}

async function openMadaEcr(settings: MadaEcrSettings, options: OpenOptions): Promise<OpenTerminal> {
  let transport: Transport;
  let stopSimulator = async () => {};
  const link = settings.link;
  if (link.kind === 'simulator') {
    const simulator = simulatorsFor('terminal.link', options.simulators).madaEcr({ lrcMode: settings.lrcMode, ackNak: settings.ackNak });
    transport = simulator.transport;
    stopSimulator = () => simulator.close();
  } else if (link.kind === 'tcp') {
    transport = createTcpTransport({ host: link.host, port: link.port });
  } else {
    transport = createSerialTransport({ path: link.path, baudRate: link.baudRate });
  }
  const connector = createSkyBandConnector({
    transport,
    signature: settings.signature === 'zeros' ? zerosSignature : sha256Signature,
    lrcMode: settings.lrcMode,
    ackNak: settings.ackNak,
    timeouts: { purchaseMs: settings.purchaseTimeoutMs, refundMs: settings.purchaseTimeoutMs, statusMs: settings.statusTimeoutMs },
  });
  return { connector, description: transport.describe(), remote: false, close: stopSimulator };
}

/** Reads a configured CA file, or says clearly which setting is wrong. */
export function readCaFile(file: string, setting: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (e) {
    throw new TillError('CONFIG_INVALID', `${setting}: cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

const text = (bytes: Uint8Array | undefined) => (bytes ? Buffer.from(bytes).toString('utf8') : undefined);

async function openNexo(settings: NexoSettings, { tillId, secrets, simulators }: OpenOptions): Promise<OpenTerminal> {
  const timeouts = { purchaseMs: settings.purchaseTimeoutMs, refundMs: settings.purchaseTimeoutMs };
  const local = settings.mode === 'local';
  if (settings.link.kind === 'simulator') {
    const simulator = await simulatorsFor('terminal.link', simulators).nexo({ poiId: settings.poiId });
    const connector = createNexoConnector({
      mode: settings.mode,
      baseUrl: local ? simulator.localUrl : simulator.baseUrl,
      ca: simulator.caPem,
      poiId: settings.poiId,
      saleId: tillId,
      ...(local ? simulator.localKey : {}),
      timeouts,
    });
    return {
      connector,
      description: `nexo ${settings.mode}, simulator ${local ? simulator.localUrl : simulator.baseUrl}`,
      remote: !local,
      close: async () => {
        await connector.close();
        await simulator.close();
      },
    };
  }
  const link = settings.link;
  const apiKey = text(secrets?.get('nexo.apiKey'));
  if (!local && !apiKey) throw new TillError('CONFIG_INVALID', 'nexo cloud: no API key in the secret store (nexo.apiKey)');
  const passphrase = text(secrets?.get('nexo.passphrase'));
  if (local && (!passphrase || !settings.keyIdentifier || settings.keyVersion === null)) {
    throw new TillError('CONFIG_INVALID', 'nexo local: keyIdentifier, keyVersion and the nexo.passphrase secret are all needed');
  }
  const connector = createNexoConnector({
    mode: settings.mode,
    baseUrl: link.baseUrl,
    ...(apiKey ? { apiKey } : {}),
    ...(link.caFile ? { ca: readCaFile(link.caFile, 'terminal.link.caFile') } : {}),
    ...(link.serverName ? { serverName: link.serverName } : {}),
    poiId: settings.poiId,
    saleId: tillId,
    ...(local ? { keyIdentifier: settings.keyIdentifier!, keyVersion: settings.keyVersion!, passphrase: passphrase! } : {}),
    timeouts,
  });
  return { connector, description: `nexo ${settings.mode} ${link.baseUrl}`, remote: !local, close: () => connector.close() };
}
