// Builds the till's STC Pay connector from its settings. The merchant's client certificate and passphrase come
// from the sealed secret store; the simulator link starts the in-process STC Pay simulator (demo, training)
// with its own CA and merchant certificate, which the till then trusts instead of the public roots.
import { X509Certificate } from 'node:crypto';
import path from 'node:path';
import { createStcPaySimulator, generateSimulatorPki, type SimulatorPki } from '../devices/provider-sim/stcpay';
import { TillError } from '../errors';
import type { StcPaySettings } from '../settings';
import type { PaymentConnector } from './connector';
import { createStcPayClient, createStcPayConnector, type ReferenceInfo, type StcPayInteraction } from './stcpay';
import { readCaFile, type SecretReader } from './terminal';
import fs from 'node:fs';

export interface OpenStcPay {
  connector: PaymentConnector;
  description: string;
  close(): Promise<void>;
}

export interface OpenStcPayOptions {
  secrets?: SecretReader;
  /** What an intent reference is and when it was made (the intent store knows): PaymentInquiry needs the day. */
  describeReference(reference: string): ReferenceInfo | undefined;
  /** The cashier's prompts for the mobile number and the customer's code. */
  interaction: StcPayInteraction;
  /** Where the simulator keeps its certificates between starts (they are made with openssl, ~0.1 s). */
  simulatorDir?: string;
}

const DAY_MS = 24 * 3600_000;

/** The simulator's certificates from `dir` while they are good for another day; otherwise made afresh there. */
async function simulatorPki(dir: string | undefined): Promise<SimulatorPki | undefined> {
  if (!dir) return undefined;
  const files = {
    dir,
    caFile: path.join(dir, 'ca.pem'),
    serverCertFile: path.join(dir, 'server.pem'),
    serverKeyFile: path.join(dir, 'server.key'),
    clientCaFile: path.join(dir, 'client-ca.pem'),
    clientP12File: path.join(dir, 'merchant.p12'),
    foreignP12File: path.join(dir, 'foreign.p12'),
    passphraseFile: path.join(dir, 'passphrase'),
  };
  try {
    const until = Date.parse(new X509Certificate(fs.readFileSync(files.serverCertFile)).validTo);
    if (until - Date.now() > DAY_MS && fs.existsSync(files.clientP12File)) {
      return { ...files, passphrase: fs.readFileSync(files.passphraseFile, 'utf8'), remove: () => {} };
    }
  } catch {
    // missing or unreadable: make a new set below
  }
  fs.rmSync(dir, { recursive: true, force: true });
  const made = await generateSimulatorPki({ dir });
  fs.writeFileSync(files.passphraseFile, made.passphrase, { mode: 0o600 });
  return made;
}

export async function openStcPay(settings: StcPaySettings, options: OpenStcPayOptions): Promise<OpenStcPay> {
  const merchant = { branchId: settings.branchId, tellerId: settings.tellerId, deviceId: settings.deviceId };
  const timeouts = { confirmMs: settings.confirmTimeoutMs };
  let stop = async () => {};
  let client;
  if (settings.link.kind === 'simulator') {
    const pki = await simulatorPki(options.simulatorDir);
    const simulator = await createStcPaySimulator({ clientCode: settings.clientCode, ...(pki ? { pki } : {}) });
    const { baseUrl } = await simulator.listen(0);
    stop = () => simulator.close();
    client = createStcPayClient({
      baseUrl,
      clientCode: settings.clientCode,
      merchant,
      timeouts,
      tls: { clientPkcs12: fs.readFileSync(simulator.pki.clientP12File), passphrase: simulator.pki.passphrase, ca: fs.readFileSync(simulator.pki.caFile) },
    });
  } else {
    const link = settings.link;
    const certificate = options.secrets?.get('stcpay.clientCert');
    const passphrase = options.secrets?.get('stcpay.passphrase');
    if (!certificate || !passphrase) {
      throw new TillError('CONFIG_INVALID', 'STC Pay: the client certificate and passphrase are not in the secret store (stcpay.clientCert, stcpay.passphrase)');
    }
    client = createStcPayClient({
      baseUrl: link.baseUrl,
      clientCode: settings.clientCode,
      merchant,
      timeouts,
      tls: {
        clientPkcs12: certificate,
        passphrase: Buffer.from(passphrase).toString('utf8'),
        ...(link.caFile ? { ca: readCaFile(link.caFile, 'stcPay.link.caFile') } : {}),
        pins: link.pins,
      },
    });
  }
  const connector = createStcPayConnector({
    client,
    clientCode: settings.clientCode,
    describeReference: options.describeReference,
    interaction: options.interaction,
  });
  return {
    connector,
    description: settings.link.kind === 'simulator' ? `${client.description} (simulator)` : client.description,
    close: async () => {
      await connector.close();
      await stop();
    },
  };
}
