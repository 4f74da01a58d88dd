// Exports (issue 15) for a manager: the X and Z reports written as files into the data folder (main/exports).
import type { ManagerAuth } from '../auth';
import type { ReportExports } from '../exports';
import type { Handlers } from '../ipc';

export type ExportsHandlers = Pick<Handlers, 'exportXReport' | 'exportZReport'>;

export function createExportsHandlers({ reports, manager }: { reports: ReportExports; manager: ManagerAuth }): ExportsHandlers {
  return {
    exportXReport: ({ managerPin }) => {
      manager.check(managerPin);
      return reports.exportX();
    },
    exportZReport: ({ managerPin, zNumber, format }) => {
      manager.check(managerPin);
      return reports.exportZ(zNumber, format);
    },
  };
}
