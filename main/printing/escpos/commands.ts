// The fixed ESC/POS control sequences the till sends (printing.md §3). Byte values are spelled out so a
// test can compare them with the manuals.
export const ESC = 0x1b;
export const GS = 0x1d;
export const DLE = 0x10;
export const EOT = 0x04;
export const LF = 0x0a;

/** ESC @: clears the print buffer and modes. Start of every job. */
export const INIT = Uint8Array.of(ESC, 0x40);

export interface DrawerPulse {
  /** 0 = connector pin 2, 1 = pin 5. */
  pin: 0 | 1;
  /** On-time and off-time in units of 2 ms. */
  onUnits: number;
  offUnits: number;
}

export const DEFAULT_PULSE: DrawerPulse = { pin: 0, onUnits: 25, offUnits: 250 };

/**
 * ESC p m t1 t2, always the full five bytes: the truncated three-byte form some libraries send opens the
 * drawer only every other time (printing.md §10).
 */
export function drawerPulse({ pin, onUnits, offUnits }: DrawerPulse = DEFAULT_PULSE): Uint8Array {
  if (onUnits < 1 || onUnits > 255 || offUnits < 1 || offUnits > 255) {
    throw new RangeError('drawer pulse times must be 1-255 units of 2 ms');
  }
  return Uint8Array.of(ESC, 0x70, pin, onUnits, offUnits);
}

export type CutKind = 'partial' | 'full';

/** GS V 1 (partial) / GS V 0 (full): cut here, no feed. */
export function cut(kind: CutKind = 'partial'): Uint8Array {
  return Uint8Array.of(GS, 0x56, kind === 'partial' ? 0x01 : 0x00);
}

/**
 * GS V 66 n (partial) / GS V 65 n (full): feed n motion units, then cut. The printer feeds the last printed
 * line past the cutter itself. Only valid at the start of a line (Epson TM-U210, Samsung SRP-500).
 */
export function feedAndCut(kind: CutKind = 'partial', feedUnits = 0): Uint8Array {
  if (!Number.isInteger(feedUnits) || feedUnits < 0 || feedUnits > 255) throw new RangeError('feed must be 0-255');
  return Uint8Array.of(GS, 0x56, kind === 'partial' ? 0x42 : 0x41, feedUnits);
}

/** ESC d n: print and feed n lines. */
export function feedLines(lines: number): Uint8Array {
  if (!Number.isInteger(lines) || lines < 0 || lines > 255) throw new RangeError('feed must be 0-255 lines');
  return Uint8Array.of(ESC, 0x64, lines);
}

/** ESC 3 n: line spacing of n motion units (column images need exactly 24 dots per strip). */
export function lineSpacing(units: number): Uint8Array {
  return Uint8Array.of(ESC, 0x33, units);
}

/** ESC 2: default line spacing. */
export const DEFAULT_LINE_SPACING = Uint8Array.of(ESC, 0x32);

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const p of parts) length += p.length;
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
