// The simulated devices a demo or training till runs on, as the composition root wires them: the mada
// terminal, the nexo provider, STC Pay and the receipt printer, each speaking its real protocol (a SkyBand
// byte stream, HTTPS, mutual TLS, ESC/POS). The domains receive these factories; they never import main/sim.
import fs from 'node:fs';
import path from 'node:path';
import type { PaymentSimulators } from '../payments';
import type { VirtualPrinterDevice } from '../printing/service';
import { createSimulatedTerminal, type Behaviour, type EcrSimulator } from './ecr-terminal';
import { startNexoSimulator } from './nexo';
import { createPrinterSim, type PrinterSim, type PrinterSimOptions } from './printer';
import { createStcPaySimulator, keptSimulatorPki } from './stcpay';
import { createStreamTransport } from '../payments/transport';
import { startZatcaSimulator, DEFAULT_OTP, type ZatcaSimulator } from './zatca';
import type { PlatformCredentials } from '../einvoicing/platform';

export interface TillSimulators extends PaymentSimulators {
  /** The virtual receipt printer: one per till, a new one only when the paper width changes. */
  printer(widthDots: number): VirtualPrinterDevice;
  /** The virtual printer made so far (to flip paper-out in a demo or a test), or null. */
  currentPrinter(): PrinterSim | null;
  /** ZATCA's platform, simulated (HTTPS, its own CAs), started for the till that asks; closed by it. */
  einvoicing(): Promise<EinvoicingPlatformSim>;
  /** The platform simulator running now (a test reads what it received or scripts a fault), or null. */
  currentEinvoicing(): ZatcaSimulator | null;
  /**
   * Replaces what the in-process mada terminal will do with its next requests (training practice: a decline, a
   * lost answer); none = approve everything. False when no such terminal runs (a nexo or no terminal).
   */
  scriptTerminal(behaviours: readonly Behaviour[]): boolean;
}

export interface EinvoicingPlatformSim {
  baseUrl: string;
  caPem: string;
  otp: string;
  adopt(unit: { certificate: string; secret: string; chain: { icv: number; hash: string } | null }): PlatformCredentials;
  close(): Promise<void>;
}

export interface TillSimulatorOptions {
  /** Where simulators keep state between starts (the STC Pay simulator's certificates); none = fresh each time. */
  dataDir?: string;
  printer?: Omit<PrinterSimOptions, 'widthDots'>;
}

export function createTillSimulators(options: TillSimulatorOptions = {}): TillSimulators {
  let printer: PrinterSim | null = null;
  let zatca: ZatcaSimulator | null = null;
  let ecr: EcrSimulator | null = null;
  return {
    madaEcr({ lrcMode, ackNak }) {
      const terminal = createSimulatedTerminal({ lrcMode, ackNak });
      ecr = terminal;
      return {
        transport: createStreamTransport((terminalEnd) => terminal.serve(terminalEnd)),
        close: async () => {
          if (ecr === terminal) ecr = null;
          await terminal.close();
        },
      };
    },
    scriptTerminal(behaviours) {
      if (!ecr) return false;
      ecr.terminal.clearScript();
      ecr.terminal.script(...behaviours);
      return true;
    },
    async nexo({ poiId }) {
      const simulator = await startNexoSimulator({ poiId });
      return { baseUrl: simulator.baseUrl, localUrl: simulator.localUrl, caPem: simulator.caPem, localKey: simulator.key, close: () => simulator.close() };
    },
    async stcPay({ clientCode }) {
      // Its certificates are made with openssl (~0.1 s): kept in the data folder between starts.
      const pki = options.dataDir ? await keptSimulatorPki(path.join(options.dataDir, 'simulators', 'stcpay')) : undefined;
      const simulator = await createStcPaySimulator({ clientCode, ...(pki ? { pki } : {}) });
      const { baseUrl } = await simulator.listen(0);
      const tls = {
        clientPkcs12: fs.readFileSync(simulator.pki.clientP12File),
        passphrase: simulator.pki.passphrase,
        ca: fs.readFileSync(simulator.pki.caFile),
      };
      return { baseUrl, tls, close: () => simulator.close() };
    },
    printer(widthDots) {
      if (!printer || printer.widthDots !== widthDots) printer = createPrinterSim({ ...options.printer, widthDots });
      return printer;
    },
    currentPrinter: () => printer,
    async einvoicing() {
      // Out of order, as ZATCA takes them: a document in back-off must not get the ones behind it refused.
      const sim = await startZatcaSimulator({ outOfOrder: true });
      zatca = sim;
      return {
        baseUrl: sim.baseUrl,
        caPem: sim.caPem,
        otp: DEFAULT_OTP,
        adopt: ({ certificate, secret, chain }) => sim.adoptCsid({ certificate, kind: 'production', secret, ...(chain ? { chain } : {}) }),
        close: async () => {
          if (zatca === sim) zatca = null;
          await sim.close();
        },
      };
    },
    currentEinvoicing: () => zatca,
  };
}
