// The health report of a real demo till: its simulated terminal, printer and STC Pay (over mutual TLS, so the
// certificates and the provider's clock are the connection's own), the data folder's disk, no backups yet.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HealthReport } from '../../preload/contract';
import { startTestTill, type TestTill } from '../support/till';

let t: TestTill;
beforeAll(async () => {
  t = await startTestTill(undefined, { providerCheckMs: 0 });
}, 60_000);
afterAll(() => t?.close());

const byId = (report: HealthReport) => Object.fromEntries(report.checks.map((c) => [c.id, c]));

describe('the health of a demo till', () => {
  it('reads what is at hand without asking any device, then checks them all on request', async () => {
    const first = byId(await t.call('getHealth', {}));
    expect(Object.keys(first).sort()).toEqual(['backup', 'certificates', 'clock', 'disk', 'einvoicing', 'people', 'printer', 'stcpay', 'terminal']);
    // The demo onboarded itself with the platform simulator: ready, its certificate's days counted.
    expect(first.einvoicing).toMatchObject({ state: 'ok', facts: { environment: 'simulator', daysToExpiry: expect.any(Number) } });
    // Nothing asked yet: the lights say so, and there is no provider clock or certificate to read.
    expect(first.stcpay).toMatchObject({ state: 'warning', summary: { en: 'STC Pay not checked yet' } });
    expect(first.clock!.state).toBe('off');
    expect(first.certificates!.state).toBe('off');
    expect(first.backup).toMatchObject({ state: 'warning', action: { en: expect.stringMatching(/backups\.folder/) } });

    const checked = byId(await t.call('checkHealth', {}));
    expect(checked.terminal).toMatchObject({ state: 'ok', facts: { latencyMs: expect.any(Number), lastOkAt: expect.any(String) } });
    expect(checked.printer).toMatchObject({ state: 'ok' });
    expect(checked.stcpay).toMatchObject({ state: 'ok', facts: { latencyMs: expect.any(Number) } });
    // The STC Pay simulator's certificates, as the TLS connection showed them.
    expect(checked.certificates!.facts).toHaveProperty(["this till's STC Pay certificate"]);
    expect(checked.certificates!.facts).toHaveProperty(["STC Pay's server certificate"]);
    expect(checked.clock).toMatchObject({ state: 'ok', facts: { skewSeconds: expect.any(Number) } });
    expect(Math.abs(checked.clock!.facts.skewSeconds as number)).toBeLessThanOrEqual(2);
    expect(['ok', 'warning', 'problem']).toContain(checked.disk!.state);
    expect(checked.disk!.facts.freeMB).toEqual(expect.any(Number));
  });
});
