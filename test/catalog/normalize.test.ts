import { describe, expect, it } from 'vitest';
import { latinDigits, normalizeSearchText, productSearchText, searchTokens } from '../../main/catalog/normalize';

const n = normalizeSearchText;

describe('normalizeSearchText', () => {
  it('folds hamza forms of alef', () => {
    expect(n('أحمد')).toBe(n('احمد'));
    expect(n('إبراهيم')).toBe('ابراهيم');
    expect(n('آمنة')).toBe('امنه');
    expect(n('ٱلله')).toBe('الله');
  });

  it('folds teh marbuta and alef maqsura', () => {
    expect(n('مدرسة')).toBe(n('مدرسه'));
    expect(n('على')).toBe('علي');
  });

  it('folds hamza seats to the bare seat letter and keeps a lone hamza', () => {
    expect(n('مسؤول')).toBe('مسوول');
    expect(n('جزئي')).toBe('جزيي');
    expect(n('ماء')).toBe('ماء');
  });

  it('strips tashkeel, superscript alef and tatweel', () => {
    expect(n('قَهْوَةٌ')).toBe('قهوه');
    expect(n('حليـــب')).toBe('حليب');
    expect(n('هٰذا')).toBe('هذا');
    expect(n('شَدَّة')).toBe('شده');
  });

  it('lower-cases English and collapses whitespace', () => {
    expect(n('  Almarai   FRESH\tMilk\n')).toBe('almarai fresh milk');
  });

  it('maps Arabic-Indic and Extended Arabic-Indic digits to Latin', () => {
    expect(n('ماء ٣٣٠ مل')).toBe('ماء 330 مل');
    expect(latinDigits('۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789');
    expect(latinDigits('٠١٢٣٤٥٦٧٨٩')).toBe('0123456789');
  });

  it('unfolds presentation forms and full-width Latin (NFKC)', () => {
    expect(n('ﻻ')).toBe('لا');
    expect(n('ＭＩＬＫ')).toBe('milk');
  });

  it('folds Persian keheh and Farsi yeh', () => {
    expect(n('کیک')).toBe(n('كيك'));
  });

  it('is idempotent', () => {
    const s = 'قَهْوَةٌ عربيّة بالهيل ٢٥٠ جم — Arabic Coffee';
    expect(n(n(s))).toBe(n(s));
  });
});

describe('searchTokens', () => {
  it('splits the way unicode61 does: punctuation separates', () => {
    expect(searchTokens(n("L'usine White-Bread 1.5L"))).toEqual(['l', 'usine', 'white', 'bread', '1', '5l']);
  });

  it('productSearchText holds both names', () => {
    expect(productSearchText('خبز لوزين أبيض', "L'usine White Bread")).toBe("خبز لوزين ابيض l'usine white bread");
  });
});
