import { describe, expect, it } from 'vitest';
import type { Sale, SaleLine } from '../../preload/contract/schemas';
import { acceptSale, emptyView, moveSelection, nextSelection, selectLine, type SaleView } from '../../renderer/sale/saleState';
import { SaleStore } from '../../renderer/sale/saleStore';

const line = (lineId: string, quantity = 1): SaleLine => ({
  lineId,
  productId: 1,
  barcode: `628${lineId}`,
  nameAr: 'حليب',
  nameEn: 'Milk',
  quantity,
  unitPriceHalalas: 500,
  lineTotalHalalas: 500 * quantity,
  vatCategory: 'S',
});

const sale = (saleId: string, revision: number, lines: SaleLine[] = [], status: Sale['status'] = 'open'): Sale => ({
  saleId,
  status,
  openedAt: '2025-11-27T10:00:00Z',
  lines,
  totals: { subtotalHalalas: 0, vatHalalas: 0, totalHalalas: 0, breakdown: [] },
  tenders: [],
  dueHalalas: 0,
  payment: null,
  revision,
  buyer: null,
});

const fold = (view: SaleView, ...sales: Sale[]): SaleView => sales.reduce((v, s) => acceptSale(v, s).view, view);

describe('acceptSale', () => {
  it('shows the first sale and selects its newest line', () => {
    const v = fold(emptyView, sale('A', 3, [line('1'), line('2')]));
    expect(v.sale?.revision).toBe(3);
    expect(v.selectedLineId).toBe('2');
  });

  it('drops a copy older than the one shown', () => {
    const v = fold(emptyView, sale('A', 5, [line('1'), line('2')]), sale('A', 4, [line('1')]));
    expect(v.sale?.revision).toBe(5);
    expect(v.sale?.lines).toHaveLength(2);
  });

  it('takes newer copies of the same sale', () => {
    const v = fold(emptyView, sale('A', 1, [line('1')]), sale('A', 2, [line('1'), line('2')]));
    expect(v.sale?.revision).toBe(2);
  });

  it('moves on to a new sale whose revision restarts, and ignores late copies of the old one', () => {
    const v = fold(emptyView, sale('A', 9, [line('1')]), sale('B', 0), sale('A', 10, [line('1'), line('2')]));
    expect(v.sale?.saleId).toBe('B');
    expect(v.retired.has('A')).toBe(true);
  });

  it('retires a sale that arrives completed and asks for the current one if it was shown', () => {
    const shown = fold(emptyView, sale('A', 2, [line('1')]));
    const r = acceptSale(shown, sale('A', 3, [line('1')], 'completed'));
    expect(r.refetch).toBe(true);
    expect(r.view.retired.has('A')).toBe(true);
    const other = acceptSale(shown, sale('Z', 1, [], 'voided'));
    expect(other.refetch).toBe(false);
    expect(other.view.sale?.saleId).toBe('A');
  });

  it('keeps the very same view for a copy it already shows (a reply after its event): nothing to draw again', () => {
    const shown = fold(emptyView, sale('A', 2, [line('1'), line('2')]));
    const again = acceptSale(shown, sale('A', 2, [line('1'), line('2')]));
    expect(again.view).toBe(shown);
    // A copy of the same revision that differs (a payment's state moved) is still taken.
    const moved = { ...sale('A', 2, [line('1'), line('2')]), dueHalalas: 100 };
    expect(acceptSale(shown, moved).view.sale?.dueHalalas).toBe(100);
  });

  it('keeps the line objects that did not change, so only changed rows are drawn again', () => {
    const shown = fold(emptyView, sale('A', 1, [line('1'), line('2')]));
    const next = acceptSale(shown, sale('A', 2, [line('1'), line('2', 3), line('3')])).view;
    expect(next.sale?.lines[0]).toBe(shown.sale?.lines[0]);
    expect(next.sale?.lines[1]).not.toBe(shown.sale?.lines[1]);
    expect(next.sale?.lines.map((l) => l.quantity)).toEqual([1, 3, 1]);
    expect(next.sale?.revision).toBe(2);
  });

  it('lets an authoritative copy (getSale) win over everything', () => {
    const v = fold(emptyView, sale('A', 9, [line('1')]));
    const r = acceptSale(v, sale('A', 2), true);
    expect(r.view.sale?.revision).toBe(2);
    const retiredA = fold(emptyView, sale('A', 1), sale('B', 1));
    expect(acceptSale(retiredA, sale('A', 5), true).view.sale?.saleId).toBe('A');
  });
});

describe('nextSelection', () => {
  const prev = sale('A', 1, [line('1'), line('2'), line('3')]);

  it('selects a newly added line', () => {
    expect(nextSelection(prev, sale('A', 2, [line('1'), line('2'), line('3'), line('4')]), '1')).toBe('4');
  });

  it('selects the line whose quantity changed (a repeat scan)', () => {
    expect(nextSelection(prev, sale('A', 2, [line('1', 2), line('2'), line('3')]), '3')).toBe('1');
  });

  it('keeps the selection when nothing else changed', () => {
    expect(nextSelection(prev, sale('A', 2, [line('1'), line('2'), line('3')]), '2')).toBe('2');
  });

  it('moves to the neighbour when the selected line is removed', () => {
    expect(nextSelection(prev, sale('A', 2, [line('1'), line('3')]), '2')).toBe('3');
    expect(nextSelection(prev, sale('A', 2, [line('1'), line('2')]), '3')).toBe('2');
    expect(nextSelection(prev, sale('A', 2, []), '3')).toBeNull();
  });
});

describe('moving and selecting', () => {
  const v = fold(emptyView, sale('A', 1, [line('1'), line('2'), line('3')]));

  it('moves up and down and stops at the ends', () => {
    expect(moveSelection(v, -1).selectedLineId).toBe('2');
    expect(moveSelection(moveSelection(moveSelection(v, -1), -1), -1).selectedLineId).toBe('1');
    expect(moveSelection(v, 1).selectedLineId).toBe('3');
    expect(moveSelection(emptyView, 1)).toBe(emptyView);
  });

  it('selects only lines that exist', () => {
    expect(selectLine(v, '1').selectedLineId).toBe('1');
    expect(selectLine(v, 'nope').selectedLineId).toBe('3');
  });
});

describe('SaleStore', () => {
  it('notifies subscribers and asks for a refetch when the shown sale closes elsewhere', () => {
    const store = new SaleStore();
    let notified = 0;
    let stale = 0;
    store.onStale = () => stale++;
    store.subscribe(() => notified++);
    store.accept(sale('A', 1, [line('1')]));
    store.accept(sale('A', 0)); // older: dropped, no notification
    expect(notified).toBe(1);
    store.accept(sale('A', 2, [line('1')], 'completed'));
    expect(stale).toBe(1);
    store.retire('B');
    store.accept(sale('B', 1)); // retired by the tender that completed it
    expect(store.getView().sale?.saleId).toBe('A');
  });
});
