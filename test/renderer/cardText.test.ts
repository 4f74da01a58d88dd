import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../renderer/i18n';
import { cardName, walletText } from '../../renderer/payments/cardText';
import { replaceBurst } from '../../renderer/scanner/scanTargets';
import { cardDetails } from './fixtures';

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

describe('a burst typed into a manager field', () => {
  it('replaces what the burst typed with what it meant', () => {
    expect(replaceBurst('١٢٣٤', '1234', '١٢٣٤')).toBe('1234');
    expect(replaceBurst('T01-ضصث', '123', 'ضصث')).toBe('T01-123');
    expect(replaceBurst('', '5678', '')).toBe('5678');
  });
});
