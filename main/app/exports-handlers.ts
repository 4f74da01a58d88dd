// Exports (issue 15) and the audit list (issue 14) for a manager: the X and Z reports and the filtered audit list
// written as files into the data folder (main/exports), and the audit list read a page at a time (main/audit).
import type { ManagerAuth } from '../auth';
import type { AuditReader } from '../audit';
import { exportAuditCsv, type ReportExports } from '../exports';
import type { Handlers } from '../ipc';

export type ExportsHandlers = Pick<Handlers, 'exportXReport' | 'exportZReport' | 'listAudit' | 'exportAudit'>;

export interface ExportsHandlerDeps {
  reports: ReportExports;
  audit: AuditReader;
  dataDir: string;
  manager: ManagerAuth;
}

export function createExportsHandlers({ reports, audit, dataDir, manager }: ExportsHandlerDeps): ExportsHandlers {
  return {
    exportXReport: ({ managerPin }) => {
      manager.check(managerPin);
      return reports.exportX();
    },
    exportZReport: ({ managerPin, zNumber, format }) => {
      manager.check(managerPin);
      return reports.exportZ(zNumber, format);
    },
    listAudit: ({ managerPin, ...filter }) => {
      manager.check(managerPin);
      return audit.page(filter);
    },
    exportAudit: ({ managerPin, ...filter }) => {
      manager.check(managerPin);
      return exportAuditCsv(dataDir, audit, filter);
    },
  };
}
