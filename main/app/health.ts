// getHealth / checkHealth: the health domain's report from what the other domains already know. getHealth
// reads only what is at hand (no device is asked: the status bar polls it); checkHealth asks the terminal,
// the providers and the printer first.
import type { HealthReport } from '../../preload/contract';
import { certificateFilesOf, healthReport, type EinvoicingFacts, type LastBackup } from '../health';
import type { Payments } from '../payments';
import type { PrintService } from '../printing/service';
import type { SettingsStore } from '../settings';

export interface HealthDeps {
  dataDir: string;
  settings: SettingsStore;
  payments: Payments;
  printing: PrintService;
  /** The last verified backup (main/backup), null when there is none yet. */
  lastBackup: () => LastBackup | null;
  /** E-invoicing's unit and queue, as plain facts (main/einvoicing). */
  einvoicing?: () => EinvoicingFacts | null;
  /** The active unit's document types ('0100' | '1100'): whether its CSID covers the standard invoices the settings ask for. */
  einvoicingUnit?: () => { invoiceTypes: string } | null;
  /** People: a live till without an active admin or manager is warned about (main/people). */
  people?: () => HealthReport['checks'][number];
  now?: () => Date;
}

export function createHealthDesk({ dataDir, settings, payments, printing, lastBackup, einvoicing, einvoicingUnit, people, now = () => new Date() }: HealthDeps) {
  const report = (): HealthReport => {
    const s = settings.get();
    const einvoicingFacts = einvoicing?.() ?? null;
    const made = healthReport(
      {
        terminal: payments.status(),
        printer: printing.lastStatus(),
        stcPayFacts: payments.providerFacts().stcPay,
        certificateFiles: certificateFilesOf(s),
        backupFolder: s.backups.folder,
        lastBackup: lastBackup(),
        dataDir,
        einvoicing: einvoicingFacts && {
          ...einvoicingFacts,
          standardInvoices: s.einvoicing?.standardInvoices ?? false,
          invoiceTypes: einvoicingUnit?.()?.invoiceTypes ?? null,
        },
      },
      now(),
    );
    return people ? { ...made, checks: [...made.checks, people()] } : made;
  };
  return {
    getHealth: report,
    async checkHealth(): Promise<HealthReport> {
      await Promise.allSettled([payments.checkProviders(), printing.status()]);
      return report();
    },
  };
}

export type HealthDesk = ReturnType<typeof createHealthDesk>;
