// One health report from the inputs the composition root gathers: every check in a fixed order, the ones
// that need someone first on the page (the renderer sorts; the order here is the page's when all are well).
import type { HealthReport } from '../../preload/contract';
import { backupCheck } from './backup';
import { certificatesCheck } from './certificates';
import { clockCheck } from './clock';
import { terminalCheck, printerCheck, stcPayCheck } from './devices';
import { diskCheck } from './disk';
import { einvoicingCheck } from './einvoicing';
import type { HealthInputs } from './types';

export function healthReport(inputs: HealthInputs, now: Date, free?: (dir: string) => number): HealthReport {
  return {
    checkedAt: now.toISOString(),
    checks: [
      terminalCheck(inputs.terminal),
      printerCheck(inputs.printer),
      stcPayCheck(inputs.terminal),
      certificatesCheck(inputs.stcPayFacts, inputs.certificateFiles, now),
      einvoicingCheck(inputs.einvoicing ?? null),
      diskCheck(inputs.dataDir, free),
      backupCheck(inputs.backupFolder, inputs.lastBackup, now),
      clockCheck(inputs.stcPayFacts?.serverDate ?? null, inputs.terminal.stcPay?.lastOkAt ?? null),
    ],
  };
}
