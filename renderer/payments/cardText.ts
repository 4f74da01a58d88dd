// How a card payment is named on screen and on the receipt: the terminal's own scheme label and masked
// number, verbatim (never reformatted: it must match the terminal's slip), and the wallet when there is one.
import type { TFunction } from 'i18next';
import type { CardDetails } from '../../preload/contract/schemas';

/** "mada •••• 1234" style: the scheme label and the masked PAN exactly as the terminal sent them. */
export function cardName(card: Pick<CardDetails, 'schemeLabel' | 'maskedPan'>): string {
  return [card.schemeLabel, card.maskedPan].filter((s) => s.trim() !== '').join(' ');
}

/**
 * "Apple Pay — cardholder verified on the device" for a wallet payment verified on the phone (CDCVM), the
 * wallet name alone otherwise; null for a plain card.
 */
export function walletText(card: Pick<CardDetails, 'wallet' | 'verification'>, t: TFunction): string | null {
  if (!card.wallet) return null;
  const wallet = t(`card.wallet_${card.wallet}`);
  return card.verification === 'cdcvm' ? t('card.walletVerified', { wallet }) : wallet;
}
