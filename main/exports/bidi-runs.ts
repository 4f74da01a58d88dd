// One line of mixed Arabic and Latin text as runs in visual order, left to right, for a PDF writer that draws
// each run on its own. pdfkit shapes Arabic (fontkit joins the letters and lays an Arabic run right to left) but
// has no bidirectional algorithm (and lays the words of one string left to right): "الضريبة S 15%" drawn as one
// string puts the number on the wrong side. bidi-js resolves the levels (Unicode UAX #9); rule L2 reverses runs.
import bidiFactory from 'bidi-js';

const bidi = bidiFactory();
const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
const ARABIC_WORD = /([\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]+)/;

export interface Run {
  /** An Arabic word in logical order (the font engine shapes it and lays it right to left); anything else in visual order. */
  text: string;
  rtl: boolean;
  arabic: boolean;
}

export function visualRuns(text: string, base: 'rtl' | 'ltr' = 'rtl'): Run[] {
  if (text === '') return [];
  const { levels } = bidi.getEmbeddingLevels(text, base);
  const runs: Array<{ start: number; end: number; level: number }> = [];
  for (let i = 0; i < text.length; i++) {
    const last = runs[runs.length - 1];
    if (last && last.level === levels[i]) last.end = i + 1;
    else runs.push({ start: i, end: i + 1, level: levels[i]! });
  }
  // L2: from the highest level down to the lowest odd one, reverse every sequence of runs at that level or above.
  const max = Math.max(...runs.map((r) => r.level));
  const lowestOdd = Math.min(...runs.map((r) => r.level).filter((l) => l % 2 === 1), max + 1);
  for (let level = max; level >= lowestOdd; level--) {
    for (let i = 0; i < runs.length; ) {
      if (runs[i]!.level < level) {
        i++;
        continue;
      }
      let j = i;
      while (j < runs.length && runs[j]!.level >= level) j++;
      runs.splice(i, j - i, ...runs.slice(i, j).reverse());
      i = j;
    }
  }
  // Inside a right-to-left run: the Arabic words (letters and their marks) go to the shaper as typed, in logical
  // order; spaces, digits-free punctuation (the "(" of "(2)") are reversed and mirrored here. Each piece stands
  // alone, so a writer draws every word separately (and picks the font that has its glyphs).
  return runs.flatMap(({ start, end, level }): Run[] => {
    const logical = text.slice(start, end);
    if (level % 2 === 0) return [{ text: logical, rtl: false, arabic: false }];
    return logical
      .split(ARABIC_WORD)
      .filter((piece) => piece !== '')
      .reverse()
      .map((piece) =>
        ARABIC.test(piece)
          ? { text: piece, rtl: true, arabic: true }
          : { text: [...piece].reverse().map((c) => bidi.getMirroredCharacter(c) ?? c).join(''), rtl: true, arabic: false },
      );
  });
}
