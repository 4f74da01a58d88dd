import { describe, expect, it } from 'vitest';
import type { TerminalStatus } from '../../preload/contract/schemas';
import { providerIndicators, stcPayOffline } from '../../renderer/terminal/providerStatus';

const status = (over: Partial<TerminalStatus> = {}): TerminalStatus => ({
  configured: true,
  protocol: 'mada-ecr',
  transport: 'simulator',
  health: 'not_checked',
  detail: null,
  recovering: false,
  last: null,
  needsAttention: [],
  stcPay: null,
  checkedAt: null,
  latencyMs: null,
  lastOkAt: null,
  ...over,
});
const stcPay = (over: Partial<NonNullable<TerminalStatus['stcPay']>> = {}): NonNullable<TerminalStatus['stcPay']> => ({
  transport: 'STC Pay 127.0.0.1:4443 (simulator)',
  health: 'connected',
  detail: null,
  checkedAt: '2025-11-27T10:00:00Z',
  latencyMs: 12,
  lastOkAt: '2025-11-27T10:00:00Z',
  ...over,
});

describe('provider status lights', () => {
  it('gives a direct (mada ECR) terminal none: it is only checked on request', () => {
    expect(providerIndicators(status({ health: 'disconnected' }), { stcPayPayments: false })).toEqual([]);
  });

  it('gives a cloud (nexo) terminal one, with its health, reason and check time', () => {
    const s = status({ protocol: 'nexo', health: 'disconnected', detail: 'timeout', checkedAt: '2025-11-27T10:00:30Z' });
    expect(providerIndicators(s, { stcPayPayments: false })).toEqual([
      { id: 'cloudTerminal', health: 'disconnected', detail: 'timeout', checkedAt: '2025-11-27T10:00:30Z' },
    ]);
    // ...but not when no terminal is configured at all.
    expect(providerIndicators(status({ configured: false, protocol: 'nexo' }), null)).toEqual([]);
  });

  it('gives STC Pay one from its own reading, after the card terminal', () => {
    const s = status({ protocol: 'nexo', health: 'connected', stcPay: stcPay({ health: 'disconnected', detail: 'ECONNREFUSED' }) });
    expect(providerIndicators(s, { stcPayPayments: true }).map((p) => [p.id, p.health, p.detail])).toEqual([
      ['cloudTerminal', 'connected', null],
      ['stcpay', 'disconnected', 'ECONNREFUSED'],
    ]);
  });

  it('shows STC Pay as not checked while the status has not been read yet', () => {
    expect(providerIndicators(null, { stcPayPayments: true })).toEqual([{ id: 'stcpay', health: 'not_checked', detail: null, checkedAt: null }]);
    expect(providerIndicators(null, { stcPayPayments: false })).toEqual([]);
    expect(providerIndicators(null, null)).toEqual([]);
  });

  it('warns on the STC Pay panel only when the last check found STC Pay offline', () => {
    expect(stcPayOffline(status({ stcPay: stcPay({ health: 'disconnected' }) }))).toBe(true);
    expect(stcPayOffline(status({ stcPay: stcPay({ health: 'not_checked' }) }))).toBe(false);
    expect(stcPayOffline(status({ stcPay: stcPay() }))).toBe(false);
    expect(stcPayOffline(status())).toBe(false);
    expect(stcPayOffline(null)).toBe(false);
  });
});
