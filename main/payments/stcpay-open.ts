// Builds the till's STC Pay connector from its settings. The merchant's client certificate and passphrase come
// from the sealed secret store; the simulator link is served by the STC Pay simulator the composition root hands
// in (demo, training), with its own CA and merchant certificate, which the till then trusts instead of the
// public roots.
import { TillError } from '../errors';
import type { StcPaySettings } from '../settings';
import type { PaymentConnector } from './connector';
import { createStcPayClient, createStcPayConnector, type ReferenceInfo, type StcPayInteraction } from './stcpay';
import type { PaymentSimulators } from './simulators';
import { readCaFile, simulatorsFor, type SecretReader } from './terminal';

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
  /** What serves a `simulator` link. */
  simulators?: PaymentSimulators;
}

export async function openStcPay(settings: StcPaySettings, options: OpenStcPayOptions): Promise<OpenStcPay> {
  const merchant = { branchId: settings.branchId, tellerId: settings.tellerId, deviceId: settings.deviceId };
  const timeouts = { confirmMs: settings.confirmTimeoutMs };
  let stop = async () => {};
  let client;
  if (settings.link.kind === 'simulator') {
    const simulator = await simulatorsFor('stcPay.link', options.simulators).stcPay({ clientCode: settings.clientCode });
    stop = () => simulator.close();
    client = createStcPayClient({ baseUrl: simulator.baseUrl, clientCode: settings.clientCode, merchant, timeouts, tls: simulator.tls });
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
