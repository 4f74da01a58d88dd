import { describe, expect, it } from 'vitest';
import { appendPage, emptyHistory, moveIndex, nextPageInput } from '../../renderer/history/historyList';
import { checkDrawerReason, DRAWER_REASON_MAX } from '../../renderer/drawer/drawerChecks';
import { receiptSummary } from './fixtures';

const r = (n: number) => receiptSummary({ receiptNo: `T01-${String(n).padStart(6, '0')}` });

describe('sale history pages', () => {
  it('asks for the newest page first, then for receipts before the oldest one shown', () => {
    expect(nextPageInput(emptyHistory, 30)).toEqual({ limit: 30 });
    const list = appendPage(emptyHistory, [r(5), r(4), r(3)], 3);
    expect(nextPageInput(list, 3)).toEqual({ limit: 3, beforeReceiptNo: 'T01-000003' });
  });

  it('knows there may be more only after a full page', () => {
    expect(appendPage(emptyHistory, [r(5), r(4), r(3)], 3).hasMore).toBe(true);
    expect(appendPage(emptyHistory, [r(2)], 3).hasMore).toBe(false);
    expect(appendPage(emptyHistory, [], 3)).toEqual({ items: [], hasMore: false });
  });

  it('appends older pages without listing a receipt twice', () => {
    const first = appendPage(emptyHistory, [r(5), r(4), r(3)], 3);
    const second = appendPage(first, [r(3), r(2), r(1)], 3);
    expect(second.items.map((x) => x.receiptNo)).toEqual(['T01-000005', 'T01-000004', 'T01-000003', 'T01-000002', 'T01-000001']);
  });

  it('moves the highlight and stops at the ends', () => {
    expect(moveIndex(0, 1, 3)).toBe(1);
    expect(moveIndex(2, 1, 3)).toBe(2);
    expect(moveIndex(0, -1, 3)).toBe(0);
    expect(moveIndex(-1, 1, 3)).toBe(0);
    expect(moveIndex(-1, -1, 3)).toBe(2);
    expect(moveIndex(1, 10, 3)).toBe(2);
    expect(moveIndex(0, 1, 0)).toBe(-1);
  });
});

describe('the reason for opening the drawer without a sale', () => {
  it('is required', () => {
    expect(checkDrawerReason('')).toEqual({ ok: false, code: 'DRAWER_REASON_REQUIRED' });
    expect(checkDrawerReason('   ')).toEqual({ ok: false, code: 'DRAWER_REASON_REQUIRED' });
  });
  it('is trimmed and its spaces collapsed, in any script', () => {
    expect(checkDrawerReason('  صرف   نقود  ')).toEqual({ ok: true, value: 'صرف نقود' });
    expect(checkDrawerReason('float')).toEqual({ ok: true, value: 'float' });
  });
  it('fits the contract (200 characters)', () => {
    expect(checkDrawerReason('x'.repeat(DRAWER_REASON_MAX)).ok).toBe(true);
    expect(checkDrawerReason('x'.repeat(DRAWER_REASON_MAX + 1))).toEqual({ ok: false, code: 'DRAWER_REASON_TOO_LONG' });
  });
});
