// The card slip (mada and other schemes), content per payments.md §5. Values come from the terminal's
// record and are printed as the terminal sent them; the till only adds the fixed bilingual texts.
// STC Pay payments are stored as card tenders but get no slip: stc-pay.ts says why.
import type { CardTender } from '../../../preload/contract';
import type { Block } from './blocks';
import { formatHalalas, riyadhDateTime, safePan, toArabicDigits } from './format';
import { ENTRY_MODE_TEXT, T } from './texts';
import { shopHeader, type ShopInfo } from './shop';
import { isStcPay } from './stc-pay';

/**
 * What the slip needs from a terminal transaction. Field names and types mirror `TerminalRecord`
 * (main/payments/connector.ts), so a record can be passed as it is; `kind` is the slip's own addition.
 */
export interface CardSlip {
  approved: boolean;
  /** Purchase unless said otherwise. */
  kind?: 'purchase' | 'refund';
  amountHalalas: number;
  scheme: string;
  /** The terminal's application label (EMV tag 50), verbatim: "mada", "VISA CREDIT". */
  schemeLabel: string;
  /** As the terminal masked it; re-masked if it shows too much (format.ts safePan). */
  maskedPan: string;
  authCode: string;
  rrn: string;
  stan?: string;
  tid: string;
  mid: string;
  entryMode: 'contactless' | 'chip' | 'swipe' | 'manual' | 'unknown';
  verification: 'pin' | 'no_cvm' | 'cdcvm' | 'signature' | 'unknown';
  responseCode: string;
  /** Terminal date-time of the transaction, ISO 8601. */
  at: string;
  /** Merchant-facing texts from the terminal (decline reason, disclaimer), printed verbatim. */
  texts: { en: string; ar: string };
}

/** Whether a tender on a receipt gets card slips: every card payment, but not STC Pay (no card, no terminal). */
export const hasCardSlip = (tender: CardTender): boolean => !isStcPay(tender.card);

/** The slip for a card tender stored on a receipt (tenders on a receipt are approved payments). */
export function cardSlipFromTender(tender: CardTender, kind: 'purchase' | 'refund' = 'purchase'): CardSlip {
  const { terminalAt, wallet: _wallet, resolvedByManager: _manual, ...card } = tender.card;
  return { ...card, approved: true, kind, amountHalalas: tender.amountHalalas, at: terminalAt };
}

export type SlipCopy = 'customer' | 'merchant' | 'duplicate';

export interface CardSlipInput {
  slip: CardSlip;
  shop: ShopInfo;
  copy: SlipCopy;
  logo?: boolean;
  /** Who took the payment (or issued the refund), as the receipt names them; absent: not printed. */
  cashierName?: string;
}

const VERIFICATION = {
  pin: T.pinVerified,
  cdcvm: T.deviceVerified,
  no_cvm: T.noVerification,
  signature: null,
  unknown: null,
} as const;

const bi = (t: { ar: string; en: string }, size: 'small' | 'normal' | 'large' = 'normal', bold = false): Block[] => [
  { kind: 'text', text: t.en, align: 'center', size, bold },
  { kind: 'text', text: t.ar, align: 'center', size, bold },
];

export function layoutCardSlip({ slip, shop, copy, logo = false, cashierName }: CardSlipInput): Block[] {
  // A print job queued for an STC Pay tender (by an older version) fails visibly rather than print mada wording.
  if (isStcPay(slip)) throw new RangeError('STC Pay payments have no card slip; the receipt carries the STC Pay reference');
  const refund = slip.kind === 'refund';
  const { date, time } = riyadhDateTime(slip.at);
  const isMada = slip.scheme.toUpperCase() === 'MADA' || /mada/i.test(slip.schemeLabel);
  const blocks: Block[] = [...shopHeader(shop, { logo, vat: false }), { kind: 'separator', style: 'dashed' }];

  blocks.push(
    { kind: 'pair', label: T.date.en, value: `${date} ${time}`, size: 'small' },
    { kind: 'pair', label: 'TID', value: slip.tid, size: 'small' },
    { kind: 'pair', label: 'MID', value: slip.mid, size: 'small' },
    { kind: 'pair', label: 'RRN', value: slip.rrn, size: 'small' },
  );
  if (slip.stan) blocks.push({ kind: 'pair', label: 'STAN', value: slip.stan, size: 'small' });
  if (cashierName) blocks.push({ kind: 'pair', label: T.cashier.ar, labelEn: T.cashier.en, value: cashierName, size: 'small' });
  blocks.push({ kind: 'separator', style: 'dashed' });

  blocks.push(
    { kind: 'text', text: slip.schemeLabel, align: 'center', size: 'large', bold: true },
    ...bi(refund ? T.refund : T.purchase, 'normal', true),
    { kind: 'text', text: safePan(slip.maskedPan), align: 'center', size: 'normal' },
  );
  const entry = ENTRY_MODE_TEXT[slip.entryMode];
  if (entry) blocks.push({ kind: 'text', text: entry, align: 'center', size: 'small' });
  blocks.push({ kind: 'separator', style: 'dashed' });

  // The amount twice: "SAR 12.34" and in Arabic with Arabic-Indic digits and ريال.
  const amountLabel = refund ? T.refundAmount : T.purchaseAmount;
  blocks.push(
    ...bi(amountLabel, 'small'),
    { kind: 'text', text: `SAR ${formatHalalas(slip.amountHalalas)}`, align: 'center', size: 'title', bold: true },
    { kind: 'text', text: `${toArabicDigits(formatHalalas(slip.amountHalalas))} ${T.sar.ar}`, align: 'center', size: 'title', bold: true },
    { kind: 'separator', style: 'dashed' },
  );

  const outcome = slip.approved ? T.approved : T.declined;
  blocks.push({ kind: 'text', text: `${outcome.en}  ${outcome.ar}`, align: 'center', size: 'large', bold: true, invert: true });
  if (slip.approved) {
    const verified = VERIFICATION[slip.verification];
    if (verified) blocks.push(...bi(verified, 'small'));
    blocks.push({ kind: 'pair', label: T.approvalCode.ar, labelEn: T.approvalCode.en, value: slip.authCode, bold: true });
    // Signature CVM: the retailer keeps a signed copy (refunds: the retailer signs).
    if ((slip.verification === 'signature' || refund) && copy !== 'customer') {
      blocks.push(
        ...bi(refund ? T.creditAccount : T.debitAccount, 'small'),
        ...bi(refund ? T.retailerSign : T.customerSign, 'small'),
        { kind: 'space', dots: 56 },
        { kind: 'separator', style: 'dashed' },
      );
    }
  }
  if (slip.texts.en.trim()) blocks.push({ kind: 'text', text: slip.texts.en, align: 'center', size: 'small' });
  if (slip.texts.ar.trim()) blocks.push({ kind: 'text', text: slip.texts.ar, align: 'center', size: 'small' });
  blocks.push({ kind: 'pair', label: 'RESPONSE CODE', value: slip.responseCode, size: 'small' });
  blocks.push({ kind: 'separator', style: 'dashed' });

  blocks.push(...bi(isMada ? T.thanksMada : T.thanksCard, 'small'), ...bi(T.retain, 'small'));
  const copyText = copy === 'customer' ? T.customerCopy : copy === 'merchant' ? T.retailerCopy : T.duplicateCopy;
  blocks.push({ kind: 'space', dots: 8 }, ...bi(copyText, 'normal', true));
  return blocks;
}
