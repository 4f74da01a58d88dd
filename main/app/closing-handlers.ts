// Closing the day (issue 15): the X report for a manager. Until the first Z report the period starts at the
// ledger's beginning.
import type { ManagerAuth } from '../auth';
import type { PeriodReports } from '../closing';
import type { Handlers } from '../ipc';

export type ClosingHandlers = Pick<Handlers, 'getXReport'>;

export function createClosingHandlers({ reports, manager }: { reports: PeriodReports; manager: ManagerAuth }): ClosingHandlers {
  return {
    getXReport: ({ managerPin }) => {
      manager.check(managerPin);
      return reports.report(0);
    },
  };
}
