// Closing the day (issue 15): the X report (what the till took since its last closing, changing nothing) and the Z
// report (the same, numbered, kept and printed). Reconciliation with the terminal and the checklist come next.
export { createPeriodReports, type PeriodReports, type PeriodReportDeps } from './period-report';
export { createClosing, type Closing, type ClosingDeps } from './z-reports';
export { closingNeedsSecondFactor } from './second-factor';
export { closingProjection } from './projection';
export { createReconciliation, RECONCILED_ENTRY, type TerminalReconciliation } from './reconcile';
export { Z_ENTRY, zNumberText } from './entries';
export { zReportBlocks, type ZShop } from './print';
export { dailyTotalsProjection } from './daily-totals-projection';
export { alignDailyTotalsZone, zoneOffsetMinutes } from './daily-totals';
export { createDailyReports, type DailyReports, type DailyReportDeps, type Day } from './daily-report';
