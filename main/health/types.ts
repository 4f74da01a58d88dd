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
}

export const text = (en: string, ar: string) => ({ en, ar });

export const check = (
  id: HealthCheck['id'],
  state: HealthCheck['state'],
  summary: { en: string; ar: string },
  action: { en: string; ar: string } | null = null,
  facts: HealthCheck['facts'] = {},
): HealthCheck => ({ id, state, summary, action, facts });
