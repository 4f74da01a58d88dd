// One normalisation for everything that is searched: the text stored in products.search_text and the
// words a cashier types. Both sides go through the same function, so a spelling difference folded here
// can never make a product unfindable.
//
// Arabic folds (the usual light normalisation used by Arabic search engines, e.g. Lucene's
// ArabicNormalizer, plus the hamza seats):
//   - tashkeel U+064B–U+065F, superscript alef U+0670 and Quranic marks U+06D6–U+06ED are dropped:
//     supplier files sometimes carry vowel marks, cashiers never type them;
//   - tatweel U+0640 is dropped (decorative stretching in printed names);
//   - أ إ آ ٱ → ا: hamza/madda/wasla on alef is written inconsistently, and SQLite's unicode61 tokenizer
//     does not fold it;
//   - ة → ه and ى → ي: the common final-letter confusions (مدرسة/مدرسه, على/علي);
//   - ؤ → و and ئ → ي: we fold a hamza on a seat to the bare seat letter rather than to ء, because the
//     frequent real-world variant is the hamza being left out altogether (مسؤول typed as مسوول, ...),
//     and folding to the seat makes that hamza-less typing match. A lone ء is kept: it carries the word.
//   - Persian keheh ک → ك and Farsi yeh ی → ي: typed on Persian/Urdu keyboard layouts, which some
//     cashiers use, and they look identical on screen.
// Digits: Arabic-Indic (٠–٩) and Extended Arabic-Indic (۰–۹) → 0–9, so "٣٣٠ مل" finds "330ml".
// NFKC first: it unfolds Arabic presentation forms (ﻻ, ﺣ...) and full-width Latin from old systems.
// Lower-casing folds English; unicode61's remove_diacritics folds Latin accents (café/cafe) in the index
// and in the query alike, so we leave those to it.
import { toLatinDigits } from '../../preload/contract';

// Any other combining mark left after NFKC goes too: unicode61 would treat it as a word break
// (طَازج would index as ط + ازج), which is never what the person meant.
const STRIP = /[\u064B-\u065F\u0670\u06D6-\u06ED\u0640\p{Mn}]/gu;

const FOLD: Readonly<Record<string, string>> = {
  'أ': 'ا',
  'إ': 'ا',
  'آ': 'ا',
  'ٱ': 'ا',
  'ة': 'ه',
  'ى': 'ي',
  'ؤ': 'و',
  'ئ': 'ي',
  'ک': 'ك',
  'ی': 'ي',
};
const FOLD_RE = /[أإآٱةىؤئکی]/g;

/** Maps Arabic-Indic and Extended Arabic-Indic digits to ASCII digits; leaves everything else alone. */
export const latinDigits = toLatinDigits;

export function normalizeSearchText(s: string): string {
  return latinDigits(
    s
      .normalize('NFKC')
      .toLowerCase()
      .replace(STRIP, '')
      .replace(FOLD_RE, (c) => FOLD[c] ?? c),
  )
    .replace(/\s+/gu, ' ')
    .trim();
}

/**
 * Splits normalised text into the tokens SQLite's unicode61 tokenizer produces for it: runs of letters
 * and numbers; everything else (spaces, punctuation, the apostrophe in L'usine) separates.
 */
export function searchTokens(normalized: string): string[] {
  return normalized.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** What products.search_text holds for a product: both names, normalised, in one string. */
export function productSearchText(nameAr: string, nameEn: string): string {
  return normalizeSearchText(`${nameAr} ${nameEn}`);
}
