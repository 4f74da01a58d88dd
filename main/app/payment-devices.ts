// Opening the card terminal and STC Pay from the settings. A terminal or provider that cannot be opened (a
// missing secret, an unreadable CA file, no openssl for the simulator) must not stop the till: it starts
// without that tender, and the terminal panel says why.
import {
  openStcPay,
  openTerminal,
  type IntentStore,
  type OpenStcPay,
  type OpenTerminal,
  type OtpDesk,
  type PaymentSimulators,
  type SecretReader,
} from '../payments';
import type { TillSettings } from '../settings';

export interface PaymentDevices {
  terminal: OpenTerminal | null;
  /** Why the configured terminal could not be opened, or null. */
  terminalProblem: string | null;
  stcPay: OpenStcPay | null;
  stcPayProblem: string | null;
  close(): Promise<void>;
}

export interface PaymentDeviceDeps {
  settings: TillSettings;
  secrets: SecretReader;
  simulators: PaymentSimulators;
  intents: IntentStore;
  desk: OtpDesk;
  log?: { error(message: string): void };
}

export async function openPaymentDevices({ settings, secrets, simulators, intents, desk, log = console }: PaymentDeviceDeps): Promise<PaymentDevices> {
  const problem = (what: string, e: unknown) => {
    const why = e instanceof Error ? e.message : String(e);
    log.error(`${what} is unavailable: ${why}`);
    return why;
  };
  let terminal: OpenTerminal | null = null;
  let terminalProblem: string | null = null;
  if (settings.terminal) {
    try {
      terminal = await openTerminal(settings.terminal, { tillId: settings.tillId, secrets, simulators });
    } catch (e) {
      terminalProblem = problem('the card terminal', e);
    }
  }
  let stcPay: OpenStcPay | null = null;
  let stcPayProblem: string | null = null;
  if (settings.stcPay) {
    try {
      stcPay = await openStcPay(settings.stcPay, {
        secrets,
        simulators,
        interaction: desk.interaction,
        // PaymentInquiry needs the day a reference was used: the intent store knows.
        describeReference: (reference) => {
          const row = intents.byReference(reference);
          return row ? { kind: row.kind, createdAt: new Date(row.created_at) } : undefined;
        },
      });
    } catch (e) {
      stcPayProblem = problem('STC Pay', e);
    }
  }
  return {
    terminal,
    terminalProblem,
    stcPay,
    stcPayProblem,
    async close() {
      await terminal?.close();
      await stcPay?.close();
    },
  };
}
