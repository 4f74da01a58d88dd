// Keyboard-wedge scan detection. A USB scanner "types" the barcode followed by Enter, far faster and more
// evenly than a person can. So on every Enter we look back at the keystrokes just before it: if the trailing
// run is long enough and every gap in it (including the one before Enter) is short, it was a scan.
//
// One allowance: a scanner's stream can stall once or twice for a few tens of ms (Bluetooth scanners buffer,
// a busy machine delivers late). A stall between two fast segments of at least `minSegment` keys each is
// bridged, so the barcode is not cut in two. A person cannot produce several such fast segments, so
// hand typing is still never taken for a scan.
//
// A busy till delivers worse than that: on a loaded 2-core machine keys sent 10 ms apart arrived mostly 15-35 ms
// apart with stalls of 113 and 127 ms and the Enter 85 ms late. Such an uneven run is still a scan when it is long
// enough, no gap in it is longer than `unevenGapMs`, at least half of its gaps are at wedge speed and it holds a
// streak of `unevenStreak` wedge-speed gaps in a row: five keys inside 140 ms is beyond any person, whose
// rollovers give two or three fast keys at most. Missing such a scan is what let a scanner's Enter confirm a prompt.
//
// The run's keys are decoded from their physical position (`code`), never from `key`: under the Arabic layout
// KeyB types two characters ("لا") and some keyboards send an empty `key`. What the run typed into a field is
// undone from the field's value before its first key (`valueBefore`), not by counting characters.
// Pure: feed it key events, it answers on Enter. No DOM, no timers.
import { isTextKey, usCharForCode } from './usKeyboard';

export interface WedgeOptions {
  /** Shortest run of characters that counts as a scan (EAN-8 is 8; 6 leaves room for short codes). */
  minLength: number;
  /** Longest pause between two keystrokes of a scan, in ms. People rarely sustain < 35 ms for 6 keys. */
  maxGapMs: number;
  /** Longest stall bridged inside a scan, in ms (0 disables bridging). */
  stallMs: number;
  /** Fewest fast keystrokes on each side of a bridged stall. */
  minSegment: number;
  /** Most stalls bridged in one scan. */
  maxStalls: number;
  /** Longest gap (the Enter's included) in a scan that arrived unevenly, in ms. Bridging off (stallMs 0) turns this off too. */
  unevenGapMs: number;
  /** Fewest wedge-speed gaps in a row an uneven scan must hold. */
  unevenStreak: number;
}

export const DEFAULT_WEDGE_OPTIONS: Readonly<WedgeOptions> = {
  minLength: 6,
  maxGapMs: 35,
  stallMs: 100,
  minSegment: 3,
  maxStalls: 2,
  unevenGapMs: 150,
  unevenStreak: 4,
};

/** The parts of a KeyboardEvent the detector needs (so tests can build them by hand). */
export interface Keystroke {
  code: string;
  key: string;
  timeStamp: number;
  shiftKey: boolean;
  capsLock?: boolean;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
  repeat?: boolean;
  isComposing?: boolean;
  /** The focused text field's value just before this key, when a text field has focus. */
  valueBefore?: string;
}

export type WedgeVerdict =
  /**
   * `typed` is what the burst's keys said they typed (layout characters); `valueBefore` is the focused field's value
   * before its first key (left out when no text field had it), which is what the field should go back to.
   */
  | { kind: 'scan'; barcode: string; typed: string; valueBefore?: string }
  | { kind: 'typed' };

interface Stroke {
  char: string;
  typed: string;
  at: number;
  valueBefore: string | undefined;
}

const MODIFIER_KEYS = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'OS', 'CapsLock', 'NumLock', 'Fn']);
// The same keys by position, for keyboards that send an empty `key`.
const MODIFIER_CODES = /^(Shift|Control|Alt|Meta|OS)(Left|Right)$|^(CapsLock|NumLock|Fn)$/;
const ENTER_CODES = new Set(['Enter', 'NumpadEnter']);
/** Enough for the longest barcode the contract accepts (64) with room to spare. */
const MAX_STROKES = 128;

export interface WedgeDetector {
  /** Record one keydown. Returns a verdict for Enter, null for every other key. */
  feed(stroke: Keystroke): WedgeVerdict | null;
  reset(): void;
}

export function createWedgeDetector(overrides: Partial<WedgeOptions> = {}): WedgeDetector {
  const options: WedgeOptions = { ...DEFAULT_WEDGE_OPTIONS, ...overrides };
  let strokes: Stroke[] = [];

  /** The fast segment ending at index `end` (inclusive): its first index. */
  const segmentStart = (end: number): number => {
    let i = end;
    while (i > 0) {
      const here = strokes[i];
      const before = strokes[i - 1];
      if (!here || !before || here.at - before.at > options.maxGapMs) break;
      i -= 1;
    }
    return i;
  };

  /** Where the scan ending at Enter starts, by the even rule (every gap short, short stalls bridged), or null. */
  const evenStart = (enterAt: number): number | null => {
    const last = strokes[strokes.length - 1];
    if (!last || enterAt - last.at > options.maxGapMs) return null;

    let start = segmentStart(strokes.length - 1);
    let stalls = 0;
    // Bridge stalls only between segments that each look like a scanner, never onto a lone hand-typed key.
    if (strokes.length - start >= options.minSegment) {
      while (start > 0 && stalls < options.maxStalls) {
        const first = strokes[start];
        const prev = strokes[start - 1];
        if (!first || !prev || first.at - prev.at > options.stallMs) break;
        const prevStart = segmentStart(start - 1);
        if (start - prevStart < options.minSegment) break;
        start = prevStart;
        stalls += 1;
      }
    }

    return strokes.length - start >= options.minLength ? start : null;
  };

  /** Where an unevenly delivered scan ending at Enter starts (see the top of the file), or null. */
  const unevenStart = (enterAt: number): number | null => {
    const last = strokes[strokes.length - 1];
    if (options.stallMs <= 0 || !last || enterAt - last.at > options.unevenGapMs) return null;
    let start = strokes.length - 1;
    while (start > 0) {
      const here = strokes[start];
      const before = strokes[start - 1];
      if (!here || !before || here.at - before.at > options.unevenGapMs) break;
      start -= 1;
    }
    if (strokes.length - start < options.minLength) return null;
    const times = [...strokes.slice(start).map((s) => s.at), enterAt];
    let fast = 0;
    let streak = 0;
    let longest = 0;
    for (let i = 1; i < times.length; i += 1) {
      const quick = (times[i] ?? 0) - (times[i - 1] ?? 0) <= options.maxGapMs;
      fast += quick ? 1 : 0;
      streak = quick ? streak + 1 : 0;
      longest = Math.max(longest, streak);
    }
    const gaps = times.length - 1;
    return fast * 2 >= gaps && longest >= options.unevenStreak ? start : null;
  };

  const verdictAt = (enterAt: number): WedgeVerdict => {
    const start = evenStart(enterAt) ?? unevenStart(enterAt);
    if (start === null) return { kind: 'typed' };
    const run = strokes.slice(start);
    const valueBefore = run[0]?.valueBefore;
    return {
      kind: 'scan',
      barcode: run.map((s) => s.char).join(''),
      typed: run.map((s) => s.typed).join(''),
      ...(valueBefore === undefined ? {} : { valueBefore }),
    };
  };

  return {
    feed(k) {
      if (MODIFIER_KEYS.has(k.key) || MODIFIER_CODES.test(k.code)) return null; // Shift for a capital letter must not break the run.
      if (ENTER_CODES.has(k.code) || k.key === 'Enter') {
        const verdict = verdictAt(k.timeStamp);
        strokes = [];
        return verdict;
      }
      // Auto-repeat (a held key), shortcuts and IME composition are people, not scanners.
      if (k.repeat || k.ctrlKey || k.altKey || k.metaKey || k.isComposing || k.key === 'Process') {
        strokes = [];
        return null;
      }
      const typed = isTextKey(k.key) ? k.key : '';
      // Unknown positions fall back to the character typed; main rejects anything that is not a barcode.
      const char = usCharForCode(k.code, k.shiftKey, k.capsLock ?? false) ?? (typed || null);
      if (char === null) {
        strokes = []; // Backspace, arrows, Tab, F-keys: a person is editing.
        return null;
      }
      strokes.push({ char, typed, at: k.timeStamp, valueBefore: k.valueBefore });
      if (strokes.length > MAX_STROKES) strokes = strokes.slice(-MAX_STROKES);
      return null;
    },
    reset() {
      strokes = [];
    },
  };
}

/** Reads the fields the detector needs off a DOM KeyboardEvent. */
export function keystrokeOf(e: KeyboardEvent): Keystroke {
  return {
    code: e.code,
    key: e.key,
    timeStamp: e.timeStamp,
    shiftKey: e.shiftKey,
    capsLock: typeof e.getModifierState === 'function' ? e.getModifierState('CapsLock') : false,
    ctrlKey: e.ctrlKey,
    altKey: e.altKey,
    metaKey: e.metaKey,
    repeat: e.repeat,
    isComposing: e.isComposing,
  };
}
