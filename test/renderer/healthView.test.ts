import { describe, expect, it } from 'vitest';
import type { HealthCheck, HealthReport } from '../../preload/contract/health';
import { healthTone, needingAttention, orderChecks } from '../../renderer/health/healthView';

const c = (id: HealthCheck['id'], state: HealthCheck['state']): HealthCheck => ({ id, state, summary: { en: id, ar: id }, action: null, facts: {} });
const report = (...checks: HealthCheck[]): HealthReport => ({ checkedAt: '2026-12-04T12:00:00Z', checks });

describe('the health view', () => {
  it('puts problems first, then warnings, then what is well, then what is not set up', () => {
    const r = report(c('terminal', 'ok'), c('disk', 'off'), c('backup', 'warning'), c('printer', 'problem'));
    expect(orderChecks(r).map((x) => x.id)).toEqual(['printer', 'backup', 'terminal', 'disk']);
    expect(orderChecks(null)).toEqual([]);
  });

  it('the top bar takes the worst state and counts what needs someone', () => {
    expect(healthTone(null)).toBe('unknown');
    expect(healthTone(report(c('terminal', 'ok'), c('disk', 'off')))).toBe('ok');
    expect(healthTone(report(c('terminal', 'ok'), c('backup', 'warning')))).toBe('warning');
    expect(healthTone(report(c('backup', 'warning'), c('printer', 'problem')))).toBe('problem');
    expect(needingAttention(report(c('backup', 'warning'), c('printer', 'problem'), c('disk', 'ok')))).toBe(2);
  });
});
