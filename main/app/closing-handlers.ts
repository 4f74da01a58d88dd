// Closing the day (issue 15): the X report and the Z report for a manager (main/closing).
import type { ManagerAuth } from '../auth';
import { backupErrorCatalog, isBackupError, type Backups } from '../backup';
import type { Closing } from '../closing';
import type { Handlers } from '../ipc';

export type ClosingHandlers = Pick<Handlers, 'getXReport' | 'closeDay' | 'listZReports' | 'getSalesReport' | 'backupForClosing'>;

export interface ClosingHandlerDeps {
  closing: Closing;
  manager: ManagerAuth;
  backups: Pick<Backups, 'backupNow'>;
}

export function createClosingHandlers({ closing, manager, backups }: ClosingHandlerDeps): ClosingHandlers {
  return {
    // The checklist's backup: the till's own verified copy (main/backup journals it, made or failed). A backup
    // failure is the checklist's to show, not a refusal of the call; anything else is thrown as usual.
    backupForClosing: async ({ managerPin }) => {
      manager.check(managerPin);
      try {
        const made = await backups.backupNow('closing');
        return { backup: { at: made.at, entries: made.entries, file: made.file }, error: null };
      } catch (e) {
        if (isBackupError(e)) return { backup: null, error: backupErrorCatalog.data(e.code) };
        throw e;
      }
    },
    getXReport: ({ managerPin }) => {
      manager.check(managerPin);
      return closing.xReport();
    },
    closeDay: (input) => closing.closeDay(input),
    listZReports: ({ managerPin }) => {
      manager.check(managerPin);
      return closing.recent();
    },
    getSalesReport: ({ managerPin, from, to }) => {
      manager.check(managerPin);
      return closing.salesReport(from, to);
    },
  };
}
