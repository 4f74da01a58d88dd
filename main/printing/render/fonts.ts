// Registers the bundled receipt fonts (resources/fonts) with Skia under our own family names, once per
// process. Never system fonts: a till with different fonts would print a different receipt. Each text is
// drawn with a fallback list, Arabic first for Arabic text and Latin first otherwise, so digits and Latin
// letters inside an Arabic line (and the reverse) always find a glyph.
import fs from 'node:fs';
import path from 'node:path';
import { fontsDir } from '../../paths';
import { skia } from './skia';

export const ARABIC_FAMILY = 'NuqtaReceiptArabic';
export const LATIN_FAMILY = 'NuqtaReceiptLatin';

const FILES: ReadonlyArray<[string, string]> = [
  ['noto-sans-arabic-arabic-400-normal.woff2', ARABIC_FAMILY],
  ['noto-sans-arabic-arabic-700-normal.woff2', ARABIC_FAMILY],
  ['noto-sans-latin-400-normal.woff2', LATIN_FAMILY],
  ['noto-sans-latin-700-normal.woff2', LATIN_FAMILY],
];

/** Installed app: resources copied next to app.asar; development and tests: the repository's resources/. */
export const defaultFontsDir = (): string => fontsDir();

let registeredFrom: string | null = null;

export function ensureFonts(dir: string = defaultFontsDir()): void {
  if (registeredFrom) return;
  for (const [file, family] of FILES) {
    // From a buffer, not a path: the native side cannot read inside app.asar, Node's fs (patched) can.
    const key = skia().GlobalFonts.register(fs.readFileSync(path.join(dir, file)), family);
    if (!key) throw new Error(`receipt font ${file} could not be loaded from ${dir}`);
  }
  registeredFrom = dir;
}

// Arabic letters, Arabic-Indic digits and the Arabic presentation forms.
const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;

export const isArabic = (text: string): boolean => ARABIC.test(text);

export function fontFor(text: string, px: number, bold: boolean): string {
  const families = isArabic(text) ? `${ARABIC_FAMILY}, ${LATIN_FAMILY}` : `${LATIN_FAMILY}, ${ARABIC_FAMILY}`;
  return `${bold ? 'bold ' : ''}${px}px ${families}`;
}
