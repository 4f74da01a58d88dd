// Closing the day: the X report now (what the till took since its last closing, changing nothing); the Z report,
// reconciliation with the terminal and the closing checklist come next (issue 15).
export { createPeriodReports, type PeriodReports, type PeriodReportDeps } from './period-report';
