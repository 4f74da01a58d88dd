// What the health checks read. Plain data handed in by the composition root, so this unit depends on no
// domain but the settings' types: the payments' and the printer's own status objects, facts the providers'
// connections showed, the last verified backup.
import type { HealthCheck, PrinterStatus, TerminalStatus } from '../../preload/contract';

export type { HealthCheck };

export interface ConnectionFacts {
  ownCertificateValidTo: string | null;
  serverCertificateValidTo: string | null;
  serverDate: string | null;
}

export interface LastBackup {
  /** When the copy was verified (ISO). */
  at: string;
  file: string;
}

/** A certificate file the settings name (a provider's CA): read for its expiry. */
export interface CertificateFile {
  label: { en: string; ar: string };
  file: string;
}

export interface HealthInputs {
  terminal: TerminalStatus;
  printer: PrinterStatus;
  stcPayFacts: ConnectionFacts | null;
  certificateFiles: CertificateFile[];
  /** Null when backups are not set up (no folder). */
  backupFolder: string | null;
  lastBackup: LastBackup | null;
  dataDir: string;
  /** E-invoicing's unit and reporting queue; absent in rigs without it (shown as off). */
  einvoicing?: EinvoicingFacts | null;
}

export const text = (en: string, ar: string) => ({ en, ar });

export const check = (
  id: HealthCheck['id'],
  state: HealthCheck['state'],
  summary: { en: string; ar: string },
  action: { en: string; ar: string } | null = null,
  facts: HealthCheck['facts'] = {},
): HealthCheck => ({ id, state, summary, action, facts });

/** What the e-invoicing domain tells the health page (plain data: this unit depends on no domain). */
export interface EinvoicingFacts {
  /** Null when e-invoicing is off on this till. */
  environment: string | null;
  unit: { environment: string; notAfter: string | null; daysToExpiry: number | null } | null;
  /** The unit is for the environment the settings name. */
  ready: boolean;
  waiting: number;
  rejected: number;
  oldestWaitingMinutes: number | null;
  urgency: 'ok' | 'late' | 'overdue';
  lastProblem: { kind: 'unreachable' | 'unauthorized'; detail: string } | null;
  /** Standard (B2B) invoices not cleared yet, and those ZATCA refused that no simplified invoice replaced. */
  clearanceWaiting?: number;
  clearanceRefused?: number;
  /**
   * The settings say the till issues standard (B2B) invoices, and the document types the unit was onboarded for
   * ('0100' simplified only, '1100' standard and simplified). Absent: not known (shown as covered).
   */
  standardInvoices?: boolean;
  invoiceTypes?: string | null;
}
