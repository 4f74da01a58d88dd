// Each screen hides the buttons whose call the signed-in role may not make, even with an approver's PIN
// (renderer/people/mayShow.ts; main refuses them anyway). The terminal panel and the returns desk are rendered
// for real (React's server renderer, the session given as the App gives it) so a button left unguarded is seen.
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { NuqtaApi } from '../../preload/contract/api';
import type { SignedInUser, TillSession, UserRole } from '../../preload/contract';
import type { ReturnsWaiting } from '../../preload/contract/returns';
import type { TerminalStatus } from '../../preload/contract/schemas';
import { SessionContext, shownOn } from '../../renderer/people/mayShow';
import { WaitingReturns } from '../../renderer/returns/WaitingReturns';
import type { BannerControls } from '../../renderer/shell/useBanner';
import { TerminalPanel } from '../../renderer/terminal/TerminalPanel';
import type { PaymentActions } from '../../renderer/payments/usePaymentActions';
import { intent } from './fixtures';

const as = (role: UserRole | null): TillSession => ({
  user: role === null ? null : ({ id: role, nameAr: role, nameEn: role, role } satisfies SignedInUser),
  required: true,
  lockAfterMs: 0,
  firstAdmin: 'not_needed',
});
const noUsers: TillSession = { user: null, required: false, lockAfterMs: 0, firstAdmin: 'needed' };

const ignore = () => undefined;
const banner = { error: ignore, clear: ignore } as unknown as BannerControls;
// Rendering only: nothing here is called (effects do not run in the server renderer).
const api = {} as NuqtaApi;
const payments = { busy: false } as unknown as PaymentActions;

/** The test ids of the buttons a screen renders for this session. */
function buttonsOf(session: TillSession | null, element: ReactElement): string[] {
  const html = renderToStaticMarkup(createElement(SessionContext.Provider, { value: session }, element));
  return [...html.matchAll(/<button[^>]*data-testid="([^"]+)"/g)].map((m) => m[1]!);
}

const status: TerminalStatus = {
  configured: true,
  protocol: 'skyband',
  transport: 'simulator',
  health: 'connected',
  detail: null,
  recovering: false,
  last: null,
  needsAttention: [intent({ state: 'unknown' })],
  stcPay: null,
  checkedAt: null,
  latencyMs: null,
  lastOkAt: null,
} as TerminalStatus;

const terminalPanel = () =>
  createElement(TerminalPanel, { api, status, onStatus: ignore, refresh: async () => undefined, payments, banner, onClose: ignore });

describe('the terminal panel (F7)', () => {
  it('shows a trainee no settlement, resolution or return; checking the terminal and asking it again stay', () => {
    const shown = buttonsOf(as('trainee'), terminalPanel());
    expect(shown).toEqual(expect.arrayContaining(['terminal-check', 'terminal-repeat-last', 'attention-recover']));
    for (const hidden of ['terminal-settle', 'resolve-open', 'returns-open', 'returns-find-sales']) expect(shown).not.toContain(hidden);
  });

  it('keeps every button for a cashier (an approver\'s PIN is asked), and on a till without users', () => {
    for (const session of [as('cashier'), as('manager'), noUsers, null]) {
      expect(buttonsOf(session, terminalPanel())).toEqual(
        expect.arrayContaining(['terminal-check', 'terminal-repeat-last', 'terminal-settle', 'attention-recover', 'resolve-open', 'returns-open', 'returns-find-sales']),
      );
    }
  });
});

const waiting: ReturnsWaiting = {
  requests: [
    {
      requestId: 'RQ1',
      receiptNo: 'T01-000001',
      reason: 'customer_changed_mind',
      items: [{ nameAr: 'حليب', nameEn: 'Milk', quantity: 1 }],
      totalHalalas: 500,
      askedHalalas: 500,
      refund: intent({ kind: 'refund', state: 'approved' }),
      why: 'issue_failed',
      approvedHalalas: 500,
      detail: 'x',
      settle: { cardHalalas: 500, cashHalalas: 0 },
    },
  ],
  owedCash: [{ returnNo: 'T01-R000001', receiptNo: 'T01-000002', issuedAt: '2026-12-05T10:00:00Z', amountHalalas: 300, totalHalalas: 800 }],
};

const waitingReturns = () => createElement(WaitingReturns, { api, banner, waiting, reload: async () => undefined });

describe('the returns desk\'s waiting list', () => {
  it('lists what waits to a trainee without the settle and pay-out buttons', () => {
    expect(buttonsOf(as('trainee'), waitingReturns())).toEqual([]);
    const html = renderToStaticMarkup(createElement(SessionContext.Provider, { value: as('trainee') }, waitingReturns()));
    expect(html).toContain('data-testid="waiting-request"');
    expect(html).toContain('data-testid="owed-cash"');
  });

  it('offers both to a cashier (the supervisor\'s PIN follows) and while signed out shows neither', () => {
    expect(buttonsOf(as('cashier'), waitingReturns())).toEqual(['waiting-settle', 'owed-pay']);
    expect(buttonsOf(as(null), waitingReturns())).toEqual([]);
  });
});

describe('the sale history (F5) and the shift screen', () => {
  it('lets a trainee reprint a copy but not return nor copy a refund receipt; a cashier all three', () => {
    expect(shownOn(as('trainee'), 'history')).toEqual({ reprint: true, return: false, reprintRefund: false });
    expect(shownOn(as('cashier'), 'history')).toEqual({ reprint: true, return: true, reprintRefund: true });
    // Locked: a copy of a sale is open (the locked screen may reprint); a return is not, nor a refund receipt's
    // copy (it may carry a bearer store credit voucher).
    expect(shownOn(as(null), 'history')).toEqual({ reprint: true, return: false, reprintRefund: false });
  });

  it('shows a trainee none of the shift\'s actions, a cashier all of them', () => {
    expect(Object.values(shownOn(as('trainee'), 'shift'))).toEqual([false, false, false, false]);
    expect(shownOn(as('cashier'), 'shift')).toEqual({ open: true, movement: true, count: true, approve: true });
    expect(shownOn(noUsers, 'shift')).toEqual({ open: true, movement: true, count: true, approve: true });
  });
});
