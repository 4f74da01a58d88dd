// How a card payment is named on screen and on the receipt: the terminal's own scheme label and masked
// number, verbatim (never reformatted: it must match the terminal's slip), and the wallet when there is one.
// STC Pay payments travel as card tenders too (scheme STCPAY, the masked mobile number in place of the card
// number, the STCPayRefNum as the RRN); they are named "STC Pay", never "card".
import type { TFunction } from 'i18next';
import type { CardDetails, CardTender, IntentSummary, PaymentMethod } from '../../preload/contract/schemas';

/** The scheme main gives an STC Pay payment's details. */
export const STCPAY_SCHEME = 'STCPAY';

export function isStcPay(card: Pick<CardDetails, 'scheme'>): boolean {
  return card.scheme.toUpperCase() === STCPAY_SCHEME;
}

/** How a tender was paid: STC Pay tenders are `kind: 'card'` with the STC Pay scheme. */
export function tenderMethod(tender: Pick<CardTender, 'card'>): PaymentMethod {
  return isStcPay(tender.card) ? 'stcpay' : 'card';
}

/** How an intent pays: main's `method`, or an STC Pay scheme on its details (they always agree). */
export function intentMethod(intent: Pick<IntentSummary, 'method' | 'card'>): PaymentMethod {
  if (intent.method === 'stcpay' || (intent.card && isStcPay(intent.card))) return 'stcpay';
  return 'card';
}

/** "mada •••• 1234" style: the scheme label and the masked PAN exactly as the terminal sent them. */
export function cardName(card: Pick<CardDetails, 'schemeLabel' | 'maskedPan'>): string {
  return [card.schemeLabel, card.maskedPan].filter((s) => s.trim() !== '').join(' ');
}

/**
 * "Apple Pay — cardholder verified on the device" for a wallet payment verified on the phone (CDCVM), the
 * wallet name alone otherwise; null for a plain card and for STC Pay.
 */
export function walletText(card: Pick<CardDetails, 'wallet' | 'verification' | 'scheme'>, t: TFunction): string | null {
  // STC Pay is itself the wallet: "STC Pay 9665*****567" says it all.
  if (!card.wallet || isStcPay(card)) return null;
  const wallet = t(`card.wallet_${card.wallet}`);
  return card.verification === 'cdcvm' ? t('card.walletVerified', { wallet }) : wallet;
}
