import { describe, expect, it } from 'vitest';
import type { CompletedSale, Sale } from '../../preload/contract/schemas';
import {
  anyDialogOpen,
  noDialogs,
  opening,
  selectionBlock,
  shownDialog,
  tillDialogs,
  type Completed,
  type DialogRequest,
  type DialogSubjects,
  type OpenContext,
  type TillDialogAction,
  type TillDialogs,
} from '../../renderer/shell/tillDialogs';
import { cardTender, intent, openSale } from './fixtures';

const run = (...actions: TillDialogAction[]): TillDialogs => actions.reduce(tillDialogs, noDialogs);
const subjects = (sale: Sale | null, paymentCallBusy = false): DialogSubjects => ({ sale, paymentCallBusy });
const context = (over: Partial<OpenContext> = {}): OpenContext => ({
  sale: openSale(),
  selectedLineId: 'L1',
  cardPayments: true,
  stcPayPayments: true,
  ...over,
});
const emptySale = (saleId = 'S2'): Sale => openSale({ saleId, lines: [], dueHalalas: 0 });
/** Only what the dialogs read of a completed sale: its receipt's sale and number, and the next sale. */
const completed = (nextSaleId = 'S2'): Completed => ({
  sale: {
    receipt: { saleId: 'S1', receiptNo: 'T01-000001' },
    changeHalalas: 0,
    drawer: 'not_needed',
    next: emptySale(nextSaleId),
  } as unknown as CompletedSale,
  payment: null,
});
const secondLine = { ...openSale().lines[0]!, lineId: 'L2', productId: 2 };

describe('which dialog may open', () => {
  const refusal = (request: DialogRequest, over: Partial<OpenContext> = {}): string | null => {
    const o = opening(request, context(over));
    return o.ok ? null : o.code;
  };

  it('opens the cash panel on the sale with something to pay, refused as main would', () => {
    expect(opening({ kind: 'tender' }, context())).toEqual({ ok: true, target: { kind: 'tender', saleId: 'S1' }, clearsBanner: false });
    expect(refusal({ kind: 'tender' }, { sale: null })).toBe('SALE_EMPTY');
    expect(refusal({ kind: 'tender' }, { sale: emptySale() })).toBe('SALE_EMPTY');
    expect(refusal({ kind: 'tender' }, { sale: openSale({ payment: intent({ state: 'awaiting' }) }) })).toBe('PAYMENT_PENDING');
    // Card payments already on it do not stop cash paying the rest.
    expect(refusal({ kind: 'tender' }, { sale: openSale({ tenders: [cardTender('I1', 1000)], dueHalalas: 4000 }) })).toBeNull();
  });

  it('opens the payment panel only for a configured method with something due', () => {
    expect(opening({ kind: 'payment', method: 'stcpay' }, context())).toEqual({
      ok: true,
      target: { kind: 'payment', method: 'stcpay' },
      clearsBanner: true,
    });
    expect(refusal({ kind: 'payment', method: 'card' }, { cardPayments: false })).toBe('TERMINAL_NOT_CONFIGURED');
    expect(refusal({ kind: 'payment', method: 'stcpay' }, { stcPayPayments: false })).toBe('STCPAY_NOT_CONFIGURED');
    expect(refusal({ kind: 'payment', method: 'card' }, { stcPayPayments: false })).toBeNull();
    expect(refusal({ kind: 'payment', method: 'card' }, { sale: emptySale() })).toBe('SALE_EMPTY');
    expect(refusal({ kind: 'payment', method: 'card' }, { sale: openSale({ payment: intent({ state: 'unknown' }) }) })).toBe('PAYMENT_PENDING');
    expect(refusal({ kind: 'payment', method: 'card' }, { sale: openSale({ tenders: [cardTender('I1', 5000)], dueHalalas: 0 }) })).toBe(
      'NOTHING_DUE',
    );
  });

  it('voids only a sale with lines that may still change', () => {
    expect(opening({ kind: 'void' }, context())).toMatchObject({ ok: true, target: { kind: 'void', saleId: 'S1' } });
    expect(refusal({ kind: 'void' }, { sale: emptySale() })).toBe('SALE_EMPTY');
    expect(refusal({ kind: 'void' }, { sale: openSale({ tenders: [cardTender('I1', 1000)] }) })).toBe('SALE_HAS_PAYMENTS');
    expect(refusal({ kind: 'void' }, { sale: openSale({ payment: intent({ state: 'sending' }) }) })).toBe('PAYMENT_PENDING');
  });

  it('asks a quantity for the highlighted line, which it keeps as its subject', () => {
    expect(opening({ kind: 'quantity' }, context())).toMatchObject({ ok: true, target: { kind: 'quantity', lineId: 'L1' } });
    expect(refusal({ kind: 'quantity' }, { sale: emptySale(), selectedLineId: null })).toBe('SALE_EMPTY');
    expect(refusal({ kind: 'quantity' }, { selectedLineId: null })).toBe('NO_LINE_SELECTED');
    expect(refusal({ kind: 'quantity' }, { selectedLineId: 'gone' })).toBe('NO_LINE_SELECTED');
    expect(refusal({ kind: 'quantity' }, { sale: openSale({ payment: intent({ state: 'awaiting' }) }) })).toBe('PAYMENT_PENDING');
    expect(selectionBlock(openSale(), 'L1')).toBeNull();
  });

  it('resolves only a payment whose outcome is unknown', () => {
    expect(refusal({ kind: 'resolve' })).toBe('NO_UNKNOWN_PAYMENT');
    expect(refusal({ kind: 'resolve' }, { sale: openSale({ payment: intent({ state: 'awaiting' }) }) })).toBe('NO_UNKNOWN_PAYMENT');
    const unknown = openSale({ payment: intent({ intentId: 'I4', state: 'unknown' }) });
    expect(opening({ kind: 'resolve' }, context({ sale: unknown }))).toEqual({
      ok: true,
      target: { kind: 'resolve', intentId: 'I4' },
      clearsBanner: true,
    });
  });

  it('opens the manager panels, the terminal one only where there is a card terminal or STC Pay', () => {
    expect(refusal({ kind: 'terminal' }, { cardPayments: false, stcPayPayments: false })).toBe('PAYMENTS_NOT_CONFIGURED');
    expect(refusal({ kind: 'terminal' }, { cardPayments: false })).toBeNull();
    for (const kind of ['queue', 'history', 'drawer'] as const) {
      // Nothing about the sale stops them, not even an empty one.
      expect(opening({ kind }, context({ sale: null }))).toEqual({ ok: true, target: { kind }, clearsBanner: true });
    }
    expect(opening({ kind: 'reverse', intentId: 'I1' }, context())).toEqual({ ok: true, target: { kind: 'reverse', intentId: 'I1' }, clearsBanner: false });
  });
});

describe('the dialogs over the sale', () => {
  it('opens one dialog at a time, and the last receipt goes', () => {
    let state = run({ type: 'completed', completed: completed() });
    expect(state.completed).not.toBeNull();
    state = tillDialogs(state, { type: 'open', target: { kind: 'history' } });
    expect(state).toMatchObject({ dialog: { kind: 'history' }, completed: null });
    state = tillDialogs(state, { type: 'open', target: { kind: 'queue' } });
    expect(state.dialog).toEqual({ kind: 'queue' });
    expect(tillDialogs(state, { type: 'close' }).dialog).toEqual({ kind: 'none' });
  });

  it('opens the payment panel in place of a dialog, and never over a payment in flight', () => {
    let state = run({ type: 'open', target: { kind: 'tender', saleId: 'S1' } }, { type: 'open', target: { kind: 'payment', method: 'card' } });
    expect(state).toMatchObject({ dialog: { kind: 'none' }, paymentPanel: { phase: 'entry', method: 'card' } });
    state = tillDialogs(state, { type: 'payment', event: { type: 'send', method: 'card', saleId: 'S1', amountHalalas: 5000 } });
    expect(state.paymentPanel.phase).toBe('waiting');
    expect(tillDialogs(state, { type: 'open', target: { kind: 'payment', method: 'stcpay' } }).paymentPanel).toBe(state.paymentPanel);
    expect(tillDialogs(state, { type: 'payment', event: { type: 'close' } })).toBe(state);
  });

  it('gives way to a scan: dialogs, the receipt and a payment panel not yet sent close; a payment in flight stays', () => {
    const prompt = run({ type: 'completed', completed: completed() }, { type: 'open', target: { kind: 'void', saleId: 'S1' } });
    expect(tillDialogs(prompt, { type: 'scanned' })).toMatchObject({ dialog: { kind: 'none' }, completed: null });
    const entry = run({ type: 'open', target: { kind: 'payment', method: 'stcpay' } });
    expect(tillDialogs(entry, { type: 'scanned' }).paymentPanel).toEqual({ phase: 'closed' });
    const waiting = tillDialogs(entry, { type: 'payment', event: { type: 'send', method: 'stcpay', saleId: 'S1', amountHalalas: 5000 } });
    expect(tillDialogs(waiting, { type: 'scanned' }).paymentPanel).toBe(waiting.paymentPanel);
  });

  it('counts the payment panel as a dialog that has the keyboard', () => {
    const s = subjects(openSale());
    expect(anyDialogOpen(noDialogs, s)).toBe(false);
    expect(anyDialogOpen(run({ type: 'open', target: { kind: 'payment', method: 'card' } }), s)).toBe(true);
    expect(anyDialogOpen(run({ type: 'open', target: { kind: 'drawer' } }), s)).toBe(true);
    // The receipt of the last sale is not a dialog: the scan field keeps the keyboard under it.
    expect(anyDialogOpen(run({ type: 'completed', completed: completed() }), s)).toBe(false);
  });

  it('shows a completed sale over nothing else, on the on-screen copy of its receipt', () => {
    let state = run({ type: 'open', target: { kind: 'tender', saleId: 'S1' } }, { type: 'receiptView', view: 'printed' });
    state = tillDialogs(state, { type: 'completed', completed: completed() });
    expect(state).toMatchObject({ dialog: { kind: 'none' }, receiptView: 'screen' });
    state = tillDialogs(state, { type: 'receiptView', view: 'toggle' });
    expect(state.receiptView).toBe('printed');
    // Tab without a receipt on screen means nothing.
    const none = tillDialogs(state, { type: 'dismissCompleted' });
    expect(tillDialogs(none, { type: 'receiptView', view: 'toggle' })).toBe(none);
  });
});

describe('a dialog whose subject went away', () => {
  const open = (target: TillDialogAction & { type: 'open' }): TillDialogs => run(target);
  const after = (state: TillDialogs, sale: Sale | null, busy = false): TillDialogs =>
    tillDialogs(state, { type: 'subjects', subjects: subjects(sale, busy) });

  it('closes the quantity prompt when its line is removed or locked, not when another line is highlighted', () => {
    const state = open({ type: 'open', target: { kind: 'quantity', lineId: 'L1' } });
    const twoLines = openSale({ lines: [...openSale().lines, secondLine] });
    // Another view added an item: the highlight moves to it, the prompt stays on its own line.
    expect(after(state, twoLines)).toBe(state);
    expect(after(state, openSale({ lines: [secondLine] })).dialog).toEqual({ kind: 'none' });
    expect(after(state, openSale({ payment: intent({ state: 'awaiting' }) })).dialog).toEqual({ kind: 'none' });
  });

  it('closes the cash panel and the void prompt when the sale empties, is locked or is another sale', () => {
    for (const kind of ['tender', 'void'] as const) {
      const state = open({ type: 'open', target: { kind, saleId: 'S1' } });
      expect(after(state, openSale())).toBe(state);
      expect(after(state, emptySale('S1')).dialog.kind).toBe('none');
      expect(after(state, openSale({ payment: intent({ state: 'sending' }) })).dialog.kind).toBe('none');
      expect(after(state, openSale({ saleId: 'S9' })).dialog.kind).toBe('none');
      expect(after(state, null).dialog.kind).toBe('none');
    }
  });

  it("closes the manager's resolution once the payment's outcome is known", () => {
    const unknown = openSale({ payment: intent({ intentId: 'I4', state: 'unknown' }) });
    const state = open({ type: 'open', target: { kind: 'resolve', intentId: 'I4' } });
    expect(after(state, unknown)).toBe(state);
    expect(after(state, openSale({ tenders: [cardTender('I4', 2000)] })).dialog.kind).toBe('none');
    expect(after(state, openSale({ payment: intent({ intentId: 'I5', state: 'unknown' }) })).dialog.kind).toBe('none');
  });

  it('keeps the reversal open while its own call locks the sale, and closes it when the tender is gone', () => {
    const withTender = openSale({ tenders: [cardTender('I1', 2000)], dueHalalas: 3000 });
    const reversing = { ...withTender, payment: intent({ intentId: 'R1', kind: 'reversal', state: 'reversing' }) };
    const state = open({ type: 'open', target: { kind: 'reverse', intentId: 'I1' } });
    expect(after(state, withTender)).toBe(state);
    expect(after(state, reversing, true)).toBe(state);
    expect(after(state, reversing, false).dialog.kind).toBe('none');
    expect(after(state, openSale()).dialog.kind).toBe('none');
  });

  it('hides it at once and closes it for good: it stays closed when its subject comes back', () => {
    const state = open({ type: 'open', target: { kind: 'void', saleId: 'S1' } });
    expect(shownDialog(state, subjects(emptySale('S1')))).toEqual({ kind: 'none' });
    const closed = after(state, emptySale('S1'));
    expect(shownDialog(after(closed, openSale()), subjects(openSale()))).toEqual({ kind: 'none' });
  });

  it('leaves the panels that are about no sale open whatever the sale does', () => {
    for (const kind of ['terminal', 'queue', 'history', 'drawer'] as const) {
      const state = open({ type: 'open', target: { kind } });
      expect(after(state, null)).toBe(state);
    }
  });

  it("dismisses the last receipt once the next customer's first item is on the next sale", () => {
    const state = run({ type: 'completed', completed: completed('S2') });
    expect(after(state, emptySale('S2'))).toBe(state);
    expect(after(state, openSale({ saleId: 'S7' }))).toBe(state);
    expect(after(state, openSale({ saleId: 'S2' })).completed).toBeNull();
  });
});
