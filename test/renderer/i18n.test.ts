import { describe, expect, it } from 'vitest';
import ar from '../../renderer/i18n/locales/ar.json';
import en from '../../renderer/i18n/locales/en.json';
import { clientError } from '../../renderer/i18n/messages';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(path, v);
    else for (const [p, s] of flatten(v, path)) out.set(p, s);
  }
  return out;
}

const placeholders = (s: string): string[] => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();

const arKeys = flatten(ar as Tree);
const enKeys = flatten(en as Tree);

describe('locale files', () => {
  it('have exactly the same keys', () => {
    const missingInEn = [...arKeys.keys()].filter((k) => !enKeys.has(k));
    const missingInAr = [...enKeys.keys()].filter((k) => !arKeys.has(k));
    expect(missingInEn).toEqual([]);
    expect(missingInAr).toEqual([]);
    expect(arKeys.size).toBeGreaterThan(50);
  });

  it('use the same interpolation placeholders for every key', () => {
    for (const [key, arText] of arKeys) {
      expect(placeholders(arText), key).toEqual(placeholders(enKeys.get(key) ?? ''));
    }
  });

  it('have no empty strings', () => {
    for (const [key, text] of [...arKeys, ...enKeys]) expect(text.trim(), key).not.toBe('');
  });

  it('are really translated: the Arabic file is Arabic', () => {
    for (const key of ['app.name', 'totals.total', 'actions.payCash', 'errors.CONNECTION_LOST', 'tender.exact']) {
      expect(arKeys.get(key), key).toMatch(/[\u0600-\u06FF]/);
      expect(enKeys.get(key), key).not.toBe(arKeys.get(key));
    }
  });

  it('put the amount into the money format in both languages, adding no digits or dots of its own', () => {
    // Anyone reading an amount off the screen (a person, a test) must get the same number in both languages.
    for (const format of [arKeys.get('money.format'), enKeys.get('money.format')]) {
      expect(format).toContain('{{amount}}');
      expect(format?.replace('{{amount}}', '')).not.toMatch(/[0-9٠-٩.٫,]/);
    }
  });
});

describe('client errors', () => {
  it('carry both languages like errors from main', () => {
    expect(clientError('UNDER_TENDER')).toEqual({
      code: 'UNDER_TENDER',
      message_ar: ar.errors.UNDER_TENDER,
      message_en: en.errors.UNDER_TENDER,
    });
  });
});
