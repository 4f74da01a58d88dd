import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../renderer/i18n';
import { cardName, intentMethod, isStcPay, tenderMethod, walletText } from '../../renderer/payments/cardText';
import { replaceBurst } from '../../renderer/scanner/scanTargets';
import { cardDetails, cardTender, intent, stcPayDetails, stcPayTender } from './fixtures';

describe('card names', () => {
  it('keeps the scheme label and masked PAN exactly as the terminal sent them', () => {
    expect(cardName(cardDetails())).toBe('mada ************1234');
    expect(cardName(cardDetails({ schemeLabel: 'VISA CREDIT', maskedPan: '4111 **** **** 1111' }))).toBe('VISA CREDIT 4111 **** **** 1111');
  });

  it('says a phone wallet verified the cardholder on the device', async () => {
    const t = i18n.t.bind(i18n) as unknown as TFunction;
    await i18n.changeLanguage('ar');
    expect(walletText(cardDetails({ wallet: 'apple_pay', verification: 'cdcvm' }), t)).toBe('Apple Pay — تم التحقق من هوية حامل الجهاز');
    await i18n.changeLanguage('en');
    expect(walletText(cardDetails({ wallet: 'apple_pay', verification: 'cdcvm' }), t)).toBe('Apple Pay — cardholder verified on the device');
    expect(walletText(cardDetails({ wallet: 'google_pay', verification: 'pin' }), t)).toBe('Google Pay');
    expect(walletText(cardDetails(), t)).toBeNull();
  });
});

describe('STC Pay payments', () => {
  it('are named STC Pay with the masked mobile number, never as a card', () => {
    expect(cardName(stcPayDetails())).toBe('STC Pay 9665*****567');
    expect(isStcPay(stcPayDetails())).toBe(true);
    expect(isStcPay(cardDetails())).toBe(false);
    expect(tenderMethod(stcPayTender('P1', 100))).toBe('stcpay');
    expect(tenderMethod(cardTender('C1', 100))).toBe('card');
    // No "Mobile wallet" next to it: STC Pay is the wallet.
    expect(walletText(stcPayDetails({ wallet: 'other_wallet' }), i18n.t.bind(i18n) as unknown as TFunction)).toBeNull();
  });

  it("take main's method for an intent, with or without details", () => {
    expect(intentMethod(intent({ method: 'stcpay' }))).toBe('stcpay');
    expect(intentMethod(intent({ method: 'card', card: stcPayDetails() }))).toBe('stcpay');
    expect(intentMethod(intent())).toBe('card');
  });
});

describe('a burst typed into a manager field', () => {
  it('replaces what the burst typed with what it meant', () => {
    expect(replaceBurst('١٢٣٤', '1234', '١٢٣٤')).toBe('1234');
    expect(replaceBurst('T01-ضصث', '123', 'ضصث')).toBe('T01-123');
    expect(replaceBurst('', '5678', '')).toBe('5678');
  });
});
