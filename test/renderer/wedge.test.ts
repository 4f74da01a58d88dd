import { describe, expect, it } from 'vitest';
import { isTextKey, usCharForCode } from '../../renderer/scanner/usKeyboard';
import { createWedgeDetector, type Keystroke, type WedgeVerdict } from '../../renderer/scanner/wedge';

/** One keystroke for a character as a US keyboard would send it, optionally with the key the OS produced. */
interface Press {
  code: string;
  key: string;
  shift?: boolean;
}

const US_CODE: Record<string, Press> = {};
for (const d of '0123456789') US_CODE[d] = { code: `Digit${d}`, key: d };
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') {
  US_CODE[c.toLowerCase()] = { code: `Key${c}`, key: c.toLowerCase() };
  US_CODE[c] = { code: `Key${c}`, key: c, shift: true };
}
US_CODE['-'] = { code: 'Minus', key: '-' };
US_CODE[' '] = { code: 'Space', key: ' ' };

/** What the Arabic (101) layout types for the same physical keys. */
const ARABIC_KEY: Record<string, string> = {
  Digit0: '٠', Digit1: '١', Digit2: '٢', Digit3: '٣', Digit4: '٤',
  Digit5: '٥', Digit6: '٦', Digit7: '٧', Digit8: '٨', Digit9: '٩',
  KeyQ: 'ض', KeyW: 'ص', KeyE: 'ث', KeyR: 'ق', KeyT: 'ف', KeyB: 'لا', KeyA: 'ش', KeyC: 'ؤ',
};

function presses(text: string, layout: 'us' | 'arabic' = 'us'): Press[] {
  return [...text].map((ch) => {
    const p = US_CODE[ch];
    if (!p) throw new Error(`no key for ${ch}`);
    if (layout === 'us') return p;
    const key = ARABIC_KEY[p.code];
    if (!key) throw new Error(`no Arabic key for ${p.code}`);
    return { ...p, key };
  });
}

/** Feeds keydowns at the given gaps (ms), emitting Shift keydowns for capitals, then Enter. */
function type(ps: Press[], gapMs: number | number[], opts: { enterGap?: number; start?: number } = {}): WedgeVerdict | null {
  const detector = createWedgeDetector();
  let t = opts.start ?? 1000;
  ps.forEach((p, i) => {
    const gap = Array.isArray(gapMs) ? (gapMs[i] ?? 0) : gapMs;
    if (i > 0) t += gap;
    if (p.shift) detector.feed({ code: 'ShiftLeft', key: 'Shift', timeStamp: t - 1, shiftKey: true });
    const verdict = detector.feed({ code: p.code, key: p.key, timeStamp: t, shiftKey: p.shift ?? false });
    expect(verdict).toBeNull();
  });
  t += opts.enterGap ?? (Array.isArray(gapMs) ? 5 : gapMs);
  return detector.feed({ code: 'Enter', key: 'Enter', timeStamp: t, shiftKey: false });
}

describe('usCharForCode', () => {
  it('reads digits, letters (with Shift and Caps Lock) and the numeric keypad', () => {
    expect(usCharForCode('Digit7', false)).toBe('7');
    expect(usCharForCode('Numpad3', false)).toBe('3');
    expect(usCharForCode('Numpad3', true)).toBe('3');
    expect(usCharForCode('KeyQ', false)).toBe('q');
    expect(usCharForCode('KeyQ', true)).toBe('Q');
    expect(usCharForCode('KeyQ', false, true)).toBe('Q');
    expect(usCharForCode('KeyQ', true, true)).toBe('q');
    expect(usCharForCode('Minus', false)).toBe('-');
    expect(usCharForCode('Digit4', true)).toBe('$');
  });

  it('returns null for keys that type nothing', () => {
    expect(usCharForCode('Enter', false)).toBeNull();
    expect(usCharForCode('ArrowLeft', false)).toBeNull();
    expect(usCharForCode('F12', false)).toBeNull();
  });

  it('tells typed text from named keys', () => {
    expect(isTextKey('a')).toBe(true);
    expect(isTextKey('لا')).toBe(true);
    expect(isTextKey('١')).toBe(true);
    expect(isTextKey(' ')).toBe(true);
    expect(isTextKey('Enter')).toBe(false);
    expect(isTextKey('F1')).toBe(false);
    expect(isTextKey('ArrowLeft')).toBe(false);
  });
});

describe('wedge detector', () => {
  it('recognises a fast burst as a scan', () => {
    expect(type(presses('6281000000017'), 8)).toEqual({ kind: 'scan', barcode: '6281000000017', typed: '6281000000017' });
  });

  it('decodes physical keys under the Arabic layout (Arabic-Indic digits typed)', () => {
    const verdict = type(presses('6281000000017', 'arabic'), 10);
    expect(verdict).toEqual({ kind: 'scan', barcode: '6281000000017', typed: '٦٢٨١٠٠٠٠٠٠٠١٧' });
  });

  it('decodes letters under the Arabic layout, including Shift for capitals and two-character keys', () => {
    const verdict = type(presses('QWErtB12', 'arabic'), 6);
    expect(verdict).toEqual({ kind: 'scan', barcode: 'QWErtB12', typed: 'ضصثقفلا١٢' });
  });

  it('treats slow typing as typing', () => {
    expect(type(presses('6281000000017'), 120)).toEqual({ kind: 'typed' });
  });

  it('needs at least six characters', () => {
    expect(type(presses('12345'), 5)).toEqual({ kind: 'typed' });
    expect(type(presses('123456'), 5)).toMatchObject({ kind: 'scan', barcode: '123456' });
  });

  it('uses only the trailing burst after a pause (hand-typed text before a scan)', () => {
    const ps = presses('milk12345678');
    const gaps = [0, 150, 140, 160, 400, 5, 5, 5, 5, 5, 5, 5];
    expect(type(ps, gaps)).toEqual({ kind: 'scan', barcode: '12345678', typed: '12345678' });
  });

  it('requires the gaps in the run to be short, including the last one before Enter', () => {
    const gaps = [0, 5, 5, 5, 150, 5, 5];
    expect(type(presses('1234567'), gaps)).toEqual({ kind: 'typed' }); // only "567" after the pause
    expect(type(presses('1234567'), 5, { enterGap: 200 })).toEqual({ kind: 'typed' });
    expect(type(presses('1234567'), 35)).toMatchObject({ kind: 'scan' }); // exactly at the limit
    expect(type(presses('1234567'), 36)).toEqual({ kind: 'typed' });
    // An Enter a little late after an even burst is a busy machine, not a person (see the uneven rule below).
    expect(type(presses('1234567'), 5, { enterGap: 36 })).toEqual({ kind: 'scan', barcode: '1234567', typed: '1234567' });
  });

  it('bridges a short stall inside a scan instead of cutting the barcode in two', () => {
    const gaps = [0, 8, 8, 8, 8, 8, 8, 8, 90, 8, 8, 8, 8];
    expect(type(presses('6281000000017'), gaps)).toEqual({ kind: 'scan', barcode: '6281000000017', typed: '6281000000017' });
    const twoStalls = [0, 8, 8, 70, 8, 8, 8, 8, 60, 8, 8, 8, 8];
    expect(type(presses('6281000000017'), twoStalls)).toMatchObject({ barcode: '6281000000017' });
    // A stall near the end still works: the digits before it are a fast segment too.
    const lateStall = [0, 8, 8, 8, 8, 8, 8, 8, 8, 8, 95, 8, 8];
    expect(type(presses('6281000000017'), lateStall)).toMatchObject({ barcode: '6281000000017' });
  });

  it('does not bridge onto keys a person typed', () => {
    // "12" typed by hand (slow), a short wait, then a scan: only the scan is the barcode.
    const handThenScan = [0, 140, 90, 6, 6, 6, 6, 6, 6, 6];
    expect(type(presses('1262810000'), handThenScan)).toEqual({ kind: 'scan', barcode: '62810000', typed: '62810000' });
    // Two quick keys (a rollover) are not a scanner segment either.
    const rollover = [0, 20, 90, 6, 6, 6, 6, 6, 6, 6];
    expect(type(presses('ab62810000'), rollover)).toEqual({ kind: 'scan', barcode: '62810000', typed: '62810000' });
    // Segments of a fast typist's rollovers never add up to a scan.
    expect(type(presses('abcdefgh'), [0, 20, 20, 90, 20, 20, 90, 20])).toEqual({ kind: 'typed' });
    // Bridging can be switched off.
    const d = createWedgeDetector({ stallMs: 0 });
    let t = 0;
    [...'6281000000017'].forEach((ch, i) => d.feed({ code: `Digit${ch}`, key: ch, timeStamp: (t += i === 8 ? 90 : 8), shiftKey: false }));
    expect(d.feed({ code: 'Enter', key: 'Enter', timeStamp: t + 8, shiftKey: false })).toEqual({ kind: 'typed' });
  });

  it('is reset by editing keys, auto-repeat and shortcuts', () => {
    const d = createWedgeDetector();
    let t = 0;
    for (const ch of '123456') d.feed({ code: `Digit${ch}`, key: ch, timeStamp: (t += 5), shiftKey: false });
    d.feed({ code: 'Backspace', key: 'Backspace', timeStamp: (t += 5), shiftKey: false });
    expect(d.feed({ code: 'Enter', key: 'Enter', timeStamp: (t += 5), shiftKey: false })).toEqual({ kind: 'typed' });

    const held: Keystroke[] = Array.from({ length: 10 }, (_, i) => ({
      code: 'Digit1', key: '1', timeStamp: 100 + i * 30, shiftKey: false, repeat: i > 0,
    }));
    for (const k of held) d.feed(k);
    expect(d.feed({ code: 'Enter', key: 'Enter', timeStamp: 400, shiftKey: false })).toEqual({ kind: 'typed' });
  });

  it('starts afresh after each Enter', () => {
    const d = createWedgeDetector();
    let t = 0;
    for (const ch of '12345678') d.feed({ code: `Digit${ch}`, key: ch, timeStamp: (t += 5), shiftKey: false });
    expect(d.feed({ code: 'Enter', key: 'Enter', timeStamp: (t += 5), shiftKey: false })).toMatchObject({ kind: 'scan' });
    expect(d.feed({ code: 'NumpadEnter', key: 'Enter', timeStamp: (t += 5), shiftKey: false })).toEqual({ kind: 'typed' });
  });

  it('honours configured limits', () => {
    const d = createWedgeDetector({ minLength: 3, maxGapMs: 100 });
    let t = 0;
    for (const ch of '123') d.feed({ code: `Digit${ch}`, key: ch, timeStamp: (t += 90), shiftKey: false });
    expect(d.feed({ code: 'Enter', key: 'Enter', timeStamp: (t += 90), shiftKey: false })).toEqual({
      kind: 'scan', barcode: '123', typed: '123',
    });
  });

  it('falls back to the typed character for keys it cannot place (main then judges the barcode)', () => {
    const d = createWedgeDetector();
    let t = 0;
    for (const ch of '12345') d.feed({ code: `Digit${ch}`, key: ch, timeStamp: (t += 5), shiftKey: false });
    d.feed({ code: 'IntlBackslash', key: 'ظ', timeStamp: (t += 5), shiftKey: false });
    expect(d.feed({ code: 'Enter', key: 'Enter', timeStamp: (t += 5), shiftKey: false })).toEqual({
      kind: 'scan', barcode: '12345ظ', typed: '12345ظ',
    });
  });
});

/** The gaps (ms) between the keys of a 13-digit scan as a loaded 2-core machine delivered them, then Enter 85 ms late. */
const BUSY_13 = [0, 113, 21, 30, 18, 17, 127, 18, 22, 24, 34, 26, 53];

describe('wedge detector: a scan delivered unevenly', () => {
  it('is still a scan (the measured delivery of a busy machine)', () => {
    expect(type(presses('6281000000021'), BUSY_13, { enterGap: 85 })).toEqual({
      kind: 'scan', barcode: '6281000000021', typed: '6281000000021',
    });
    // Under the Arabic layout, with a key that types two characters and one that reports no `key` at all.
    const ps = presses('plb2024').map((p, i) => {
      const arabic: Record<string, string> = { KeyP: 'ح', KeyL: 'م', KeyB: 'لا', Digit2: '٢', Digit0: '٠', Digit4: '٤' };
      return { ...p, key: i === 1 ? '' : (arabic[p.code] ?? p.key) };
    });
    expect(type(ps, [0, 9, 120, 12, 8, 14, 11], { enterGap: 60 })).toEqual({ kind: 'scan', barcode: 'plb2024', typed: 'حلا٢٠٢٤' });
  });

  it('needs most gaps at wedge speed, with a streak of them, and no gap over 150 ms', () => {
    // Half the gaps fast but never more than three in a row: a fast typist's rollovers.
    expect(type(presses('abcdefgh'), [0, 20, 20, 90, 20, 20, 90, 20], { enterGap: 90 })).toEqual({ kind: 'typed' });
    // A streak of four, but most gaps slow.
    expect(type(presses('abcdefghij'), [0, 10, 10, 10, 10, 120, 120, 120, 120, 120], { enterGap: 120 })).toEqual({ kind: 'typed' });
    // The same keys with one stall over the limit: the run is only what came after it.
    expect(type(presses('6281000000021'), [0, 8, 8, 8, 8, 8, 8, 8, 151, 8, 8, 8, 8], { enterGap: 60 })).toEqual({ kind: 'typed' });
    // The Enter itself too late.
    expect(type(presses('6281000000021'), BUSY_13, { enterGap: 151 })).toEqual({ kind: 'typed' });
    // Below six keys nothing is a scan.
    expect(type(presses('12345'), [0, 5, 5, 5, 5], { enterGap: 60 })).toEqual({ kind: 'typed' });
  });

  it('is off when bridging is (stallMs 0)', () => {
    const d = createWedgeDetector({ stallMs: 0 });
    let t = 0;
    [...'6281000000021'].forEach((ch, i) => d.feed({ code: `Digit${ch}`, key: ch, timeStamp: (t += BUSY_13[i] ?? 8), shiftKey: false }));
    expect(d.feed({ code: 'Enter', key: 'Enter', timeStamp: t + 85, shiftKey: false })).toEqual({ kind: 'typed' });
  });
});

describe('wedge detector: what the scan typed into the field', () => {
  it('hands back the field as it was before the first key of the scan, whatever the keys reported', () => {
    const d = createWedgeDetector();
    let t = 0;
    let value = 'مي'; // a person typed a search, paused, then scanned
    for (const [i, ch] of [...'6281000000021'].entries()) {
      const typedByLayout = i === 2 ? 'لا' : i === 3 ? '' : String.fromCharCode(0x0660 + Number(ch));
      d.feed({ code: `Digit${ch}`, key: i === 3 ? '' : typedByLayout, timeStamp: (t += i === 0 ? 500 : 6), shiftKey: false, valueBefore: value });
      value += i === 3 ? 'ش' : typedByLayout; // the empty-`key` key still typed a letter
    }
    const verdict = d.feed({ code: 'Enter', key: 'Enter', timeStamp: t + 6, shiftKey: false, valueBefore: value });
    expect(verdict).toMatchObject({ kind: 'scan', barcode: '6281000000021', valueBefore: 'مي' });
  });

  it('treats modifier keys without a `key` as modifiers (read by position)', () => {
    const d = createWedgeDetector();
    let t = 0;
    for (const ch of 'ABCDEFG') {
      d.feed({ code: 'ShiftLeft', key: '', timeStamp: (t += 3), shiftKey: true });
      d.feed({ code: `Key${ch}`, key: ch, timeStamp: (t += 3), shiftKey: true });
    }
    expect(d.feed({ code: 'Enter', key: 'Enter', timeStamp: t + 5, shiftKey: false })).toMatchObject({ kind: 'scan', barcode: 'ABCDEFG' });
  });
});
