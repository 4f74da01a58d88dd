// What the manager and the health page see of the reporting queue: how many documents wait and since when,
// how many ZATCA rejected, and whether the platform can be reached. ZATCA gives 24 hours from issue; the till
// warns at 12 hours, so there is a working day to fix a network or a credential before the deadline.
import type { QueueStore } from './queue-store';

export const REPORT_DEADLINE_HOURS = 24;
export const REPORT_WARNING_HOURS = 12;

export interface ReportingStatus {
  waiting: number;
  reported: number;
  warned: number;
  rejected: number;
  /** When the oldest waiting document was issued (UTC), and its age in whole minutes. */
  oldestWaitingAt: string | null;
  oldestWaitingMinutes: number | null;
  /** 'late' past 12 hours, 'overdue' past 24. */
  urgency: 'ok' | 'late' | 'overdue';
  lastProblem: { kind: 'unreachable' | 'unauthorized'; detail: string; at: string } | null;
}

export function reportingStatus(store: QueueStore, lastProblem: ReportingStatus['lastProblem'], now: Date): ReportingStatus {
  const counts = store.counts();
  const oldest = store.oldestWaitingAt();
  const minutes = oldest === null ? null : Math.max(0, Math.floor((now.getTime() - Date.parse(oldest)) / 60_000));
  const urgency = minutes === null ? 'ok' : minutes >= REPORT_DEADLINE_HOURS * 60 ? 'overdue' : minutes >= REPORT_WARNING_HOURS * 60 ? 'late' : 'ok';
  return { ...counts, oldestWaitingAt: oldest, oldestWaitingMinutes: minutes, urgency, lastProblem };
}
