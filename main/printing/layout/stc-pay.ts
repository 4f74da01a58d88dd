// STC Pay on paper. An STC Pay payment is stored as a card tender (the payment machinery is shared) but there
// is no card: scheme STCPAY, the customer's masked mobile in place of a PAN, STC Pay's STCPayRefNum as the RRN,
// authCode STC Pay's payment reference (or ''), no CVM, often no TID/STAN (payments/stcpay/record.ts).
//
// Decision: STC Pay gets NO slip, only its lines on the receipt (wallet, masked mobile, STCPayRefNum).
// - The mada slip (payments.md §5) is the card terminal's receipt: scheme label, PIN/CDCVM line, TID/STAN,
//   "THANK YOU FOR USING mada", customer/retailer copies for a signature. None of it applies to a wallet
//   payment, and payments.md §5 says never to rebuild such a receipt from our own data.
// - STC Pay DirectPayment is a B2B API with no published receipt format (payments.md §4); the customer approves
//   with the code texted to their phone, where the wallet shows the payment [inferred]. What a cashier or
//   customer needs to find the payment later (refund, dispute, merchant portal) is the STCPayRefNum, and the
//   tax invoice already carries it. A separate slip would repeat the receipt on two more strips of paper.
// - There is nothing for anyone to sign, so no merchant copy is needed; the ledger keeps the record.
import type { CardTender } from '../../../preload/contract';
import type { Block } from './blocks';
import { safeMobile } from './format';
import { T } from './texts';

/** True for STC Pay's wallet payments (the scheme the STC Pay connector and manager evidence both record). */
export const isStcPay = (card: Pick<CardTender['card'], 'scheme'>): boolean => card.scheme.toUpperCase() === 'STCPAY';

/** The receipt lines of an STC Pay tender: no card wording, no approval code or RRN labels. */
export function stcPayTenderBlocks(tender: CardTender, fmt: (halalas: number) => string): Block[] {
  const c = tender.card;
  const blocks: Block[] = [{ kind: 'pair', label: `${T.wallet.ar} STC Pay`, labelEn: T.wallet.en, value: fmt(tender.amountHalalas) }];
  // A payment a manager recorded from the merchant portal has no mobile number.
  if (c.maskedPan.trim()) blocks.push({ kind: 'pair', label: T.mobileNo.ar, labelEn: T.mobileNo.en, value: safeMobile(c.maskedPan), size: 'small' });
  // The STCPayRefNum only: it is the number STC Pay's app, portal and refunds know the payment by; the
  // authorization's payment reference (authCode) stays in the ledger so the customer has one number to quote.
  if (c.rrn.trim()) blocks.push({ kind: 'pair', label: T.stcPayRef.ar, labelEn: T.stcPayRef.en, value: c.rrn, size: 'small' });
  if (c.resolvedByManager) blocks.push({ kind: 'pair', label: T.recordedFromPortal.ar, labelEn: T.recordedFromPortal.en, value: '', size: 'small' });
  return blocks;
}
