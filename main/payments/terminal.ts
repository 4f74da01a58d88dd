// Builds the till's card terminal from its settings: which protocol, over which link. The in-process
// simulator is the demo and training default; a real till names a TCP address or a serial port.
import { createSimulatedTerminal } from '../devices/ecr-simulator';
import type { TerminalSettings } from '../settings';
import type { PaymentConnector } from './connector';
import { createSkyBandConnector } from './ecr/connector';
import { sha256Signature } from './ecr/signature';
import { createSerialTransport, createStreamTransport, createTcpTransport, type Transport } from './transport';

export interface OpenTerminal {
  connector: PaymentConnector;
  /** For the manager's panel: "tcp 192.0.2.10:5000", "serial /dev/ttyUSB0 @ 38400", "in-process simulator". */
  description: string;
  close(): Promise<void>;
}

export async function openTerminal(settings: TerminalSettings): Promise<OpenTerminal> {
  let transport: Transport;
  let stopSimulator = async () => {};
  const link = settings.link;
  if (link.kind === 'simulator') {
    const simulator = createSimulatedTerminal({ lrcMode: settings.lrcMode, ackNak: settings.ackNak });
    transport = createStreamTransport((terminalEnd) => simulator.serve(terminalEnd));
    stopSimulator = () => simulator.close();
  } else if (link.kind === 'tcp') {
    transport = createTcpTransport({ host: link.host, port: link.port });
  } else {
    transport = createSerialTransport({ path: link.path, baudRate: link.baudRate });
  }
  const connector = createSkyBandConnector({
    transport,
    signature: sha256Signature,
    lrcMode: settings.lrcMode,
    ackNak: settings.ackNak,
    timeouts: { purchaseMs: settings.purchaseTimeoutMs, refundMs: settings.purchaseTimeoutMs, statusMs: settings.statusTimeoutMs },
  });
  return {
    connector,
    description: transport.describe(),
    close: stopSimulator,
  };
}
