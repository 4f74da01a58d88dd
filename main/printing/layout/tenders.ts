// How each tender appears on the sales receipt: cash with tendered and change; a card with its masked PAN,
// approval code and RRN (the full slip is printed separately, card-slip.ts); STC Pay as a wallet (stc-pay.ts);
// store credit with its voucher and the balance left on it.
import { groupedVoucherNumber, type Tender } from '../../../preload/contract';
import type { Block } from './blocks';
import { safePan } from './format';
import { isStcPay, stcPayTenderBlocks } from './stc-pay';
import { T } from './texts';

export function tenderBlocks(t: Tender, fmt: (halalas: number) => string): Block[] {
  if (t.kind === 'cash') {
    const blocks: Block[] = [{ kind: 'pair', label: T.cash.ar, labelEn: T.cash.en, value: fmt(t.amountHalalas) }];
    if (t.tenderedHalalas !== t.amountHalalas || t.changeHalalas !== 0) {
      blocks.push(
        { kind: 'pair', label: T.tendered.ar, labelEn: T.tendered.en, value: fmt(t.tenderedHalalas), size: 'small' },
        { kind: 'pair', label: T.change.ar, labelEn: T.change.en, value: fmt(t.changeHalalas), bold: true },
      );
    }
    return blocks;
  }
  if (t.kind === 'credit') {
    // The voucher that paid it, and what is left on it for the customer's next visit.
    return [
      { kind: 'pair', label: T.storeCredit.ar, labelEn: T.storeCredit.en, value: fmt(t.amountHalalas) },
      { kind: 'pair', label: T.voucherNo.ar, labelEn: T.voucherNo.en, value: groupedVoucherNumber(t.voucherNo), size: 'small' },
      { kind: 'pair', label: T.creditBalance.ar, labelEn: T.creditBalance.en, value: fmt(t.balanceHalalas), size: 'small' },
    ];
  }
  if (isStcPay(t.card)) return stcPayTenderBlocks(t, fmt);
  const c = t.card;
  const blocks: Block[] = [
    { kind: 'pair', label: `${T.card.ar} ${c.schemeLabel}`, labelEn: T.card.en, value: fmt(t.amountHalalas) },
    { kind: 'pair', label: T.cardNo.ar, labelEn: T.cardNo.en, value: safePan(c.maskedPan), size: 'small' },
    { kind: 'pair', label: T.approvalCode.ar, labelEn: T.approvalCode.en, value: c.authCode, size: 'small' },
    { kind: 'pair', label: T.rrn.ar, labelEn: T.rrn.en, value: c.rrn, size: 'small' },
  ];
  if (c.resolvedByManager) blocks.push({ kind: 'pair', label: T.recordedByManager.ar, labelEn: T.recordedByManager.en, value: '', size: 'small' });
  return blocks;
}
