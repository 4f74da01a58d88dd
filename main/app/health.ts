// getHealth / checkHealth: the health domain's report from what the other domains already know. getHealth
// reads only what is at hand (no device is asked: the status bar polls it); checkHealth asks the terminal,
// the providers and the printer first.
import type { HealthReport } from '../../preload/contract';
import { healthReport, type CertificateFile, type LastBackup } from '../health';
import type { Payments } from '../payments';
import type { PrintService } from '../printing/service';
import type { SettingsStore, TillSettings } from '../settings';

export interface HealthDeps {
  dataDir: string;
  settings: SettingsStore;
  payments: Payments;
  printing: PrintService;
  /** The last verified backup (main/backup), null when there is none yet. */
  lastBackup: () => LastBackup | null;
  now?: () => Date;
}

/** The CA files the settings name: a provider the till trusts through them is lost when they expire. */
function certificateFiles(s: TillSettings): CertificateFile[] {
  const files: CertificateFile[] = [];
  if (s.stcPay?.link.kind === 'endpoint' && s.stcPay.link.caFile) {
    files.push({ label: { en: "STC Pay's CA file", ar: 'ملف جهة إصدار شهادة STC Pay' }, file: s.stcPay.link.caFile });
  }
  if (s.terminal?.protocol === 'nexo' && s.terminal.link.kind === 'endpoint' && s.terminal.link.caFile) {
    files.push({ label: { en: "the nexo provider's CA file", ar: 'ملف جهة إصدار شهادة مزوّد nexo' }, file: s.terminal.link.caFile });
  }
  return files;
}

export function createHealthDesk({ dataDir, settings, payments, printing, lastBackup, now = () => new Date() }: HealthDeps) {
  const report = (): HealthReport => {
    const s = settings.get();
    return healthReport(
      {
        terminal: payments.status(),
        printer: printing.lastStatus(),
        stcPayFacts: payments.providerFacts().stcPay,
        certificateFiles: certificateFiles(s),
        backupFolder: s.backups.folder,
        lastBackup: lastBackup(),
        dataDir,
      },
      now(),
    );
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
