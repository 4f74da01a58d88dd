// Closing the day (issue 15): the X report and the Z report for a manager (main/closing).
import type { ManagerAuth } from '../auth';
import type { Closing } from '../closing';
import type { Handlers } from '../ipc';

export type ClosingHandlers = Pick<Handlers, 'getXReport' | 'closeDay' | 'listZReports' | 'getSalesReport'>;

export function createClosingHandlers({ closing, manager }: { closing: Closing; manager: ManagerAuth }): ClosingHandlers {
  return {
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
