// Every number or code the view puts into a sentence is isolated (FSI … PDI), in every message of both
// languages, by the one i18next setting in renderer/i18n: no message and no component can forget it. How the
// isolated text is then laid out (the masked mobile reading 9665*****567 inside Arabic) is measured in
// Chromium by test/e2e/screens.e2e.ts.
import { describe, expect, it } from 'vitest';
import { i18n } from '../../renderer/i18n';
import { FSI, PDI, isolateNumbers, withoutIsolation } from '../../renderer/i18n/bidi';
import ar from '../../renderer/i18n/locales/ar.json';
import en from '../../renderer/i18n/locales/en.json';

type Tree = { [key: string]: string | Tree };

function messages(tree: Tree, prefix = ''): Array<[string, string]> {
  return Object.entries(tree).flatMap(([k, v]): Array<[string, string]> => {
    const key = prefix ? `${prefix}.${k}` : k;
    return typeof v === 'string' ? [[key, v]] : messages(v, key);
  });
}

const placeholders = (text: string): string[] => [...new Set([...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!))];

const MOBILE = '9665*****567';

describe('isolateNumbers', () => {
  it('wraps numbers and codes in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE', () => {
    expect(isolateNumbers(MOBILE)).toBe(`\u2068${MOBILE}\u2069`);
    for (const code of ['T01-000042', '2026-12-04 10:30', '-5.00', '************1234', '15', '١٢٫٥٠', '۱۲']) {
      expect(isolateNumbers(code), code).toBe(`${FSI}${code}${PDI}`);
    }
  });

  it('leaves words alone: they have no order of their own to lose', () => {
    for (const word of ['جاهزة', 'Apple Pay', 'مدى', '']) expect(isolateNumbers(word), word).toBe(word);
  });

  it('gives back what a person reads once the marks are taken out', () => {
    expect(withoutIsolation(`أرسلنا الرمز إلى ${isolateNumbers(MOBILE)}`)).toBe(`أرسلنا الرمز إلى ${MOBILE}`);
  });
});

describe('every interpolated message', () => {
  const locales = { ar: messages(ar as Tree), en: messages(en as Tree) } as const;

  for (const locale of ['ar', 'en'] as const) {
    it(`isolates a number or code wherever it goes into ${locale === 'ar' ? 'an Arabic' : 'an English'} sentence`, () => {
      const t = i18n.getFixedT(locale);
      const withValues = locales[locale].filter(([, text]) => placeholders(text).length > 0);
      expect(withValues.length).toBeGreaterThan(30);
      for (const [key, text] of withValues) {
        const names = placeholders(text);
        const out = t(key, Object.fromEntries(names.map((n) => [n, MOBILE])));
        const occurrences = [...text.matchAll(/\{\{\s*\w+\s*\}\}/g)].length;
        expect(out.split(`${FSI}${MOBILE}${PDI}`).length - 1, key).toBe(occurrences);
        expect(withoutIsolation(out), key).toBe(text.replace(/\{\{\s*\w+\s*\}\}/g, MOBILE));
      }
    });
  }

  it('keeps a negative amount whole in Arabic: the minus stays in front of its number', () => {
    expect(i18n.getFixedT('ar')('money.format', { amount: '-5.00' })).toBe(`${FSI}-5.00${PDI} ريال`);
    expect(i18n.getFixedT('en')('money.format', { amount: '-5.00' })).toBe(`SAR ${FSI}-5.00${PDI}`);
  });

  it('adds nothing around a word', () => {
    expect(i18n.getFixedT('ar')('printer.blockedWarning', { state: 'ورق منتهٍ' })).toBe(ar.printer.blockedWarning.replace('{{state}}', 'ورق منتهٍ'));
  });
});
