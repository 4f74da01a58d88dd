// What the health page and the status bar show of a report: the checks that need someone first, and one tone
// for the top bar (the worst state on the page).
import type { HealthCheck, HealthReport } from '../../preload/contract/health';

const RANK: Record<HealthCheck['state'], number> = { problem: 0, warning: 1, ok: 2, off: 3 };

export function orderChecks(report: HealthReport | null): HealthCheck[] {
  return [...(report?.checks ?? [])].sort((a, b) => RANK[a.state] - RANK[b.state]);
}

export type HealthTone = 'ok' | 'warning' | 'problem' | 'unknown';

export function healthTone(report: HealthReport | null): HealthTone {
  if (!report) return 'unknown';
  if (report.checks.some((c) => c.state === 'problem')) return 'problem';
  if (report.checks.some((c) => c.state === 'warning')) return 'warning';
  return 'ok';
}

/** How many checks need someone (warnings and problems). */
export const needingAttention = (report: HealthReport | null): number =>
  report?.checks.filter((c) => c.state === 'problem' || c.state === 'warning').length ?? 0;
