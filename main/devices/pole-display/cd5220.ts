// The CD5220 command set for 2 × 20 VFD customer poles (printing.md §9; PosX XP8200 and CD5220 manuals).
// Only what the till sends: initialise, clear, and "write this whole line". A whole-line write leaves no
// cursor state to get wrong after a reconnect or a half-received command.
export const COLUMNS = 20;

const ESC = 0x1b;
const CR = 0x0d;

/** ESC @: initialise (clears the display, cursor home, default modes). */
export const INIT = Uint8Array.of(ESC, 0x40);
/** FF: clear both lines. */
export const CLEAR = Uint8Array.of(0x0c);

export type PoleLine = 'upper' | 'lower';

/**
 * ESC Q A … CR (upper) / ESC Q B … CR (lower): writes one line. The text is padded to 20 columns so the
 * line is fully replaced whatever the model does with a short string. Must already be printable ASCII.
 */
export function writeLine(line: PoleLine, text: string): Uint8Array {
  if (!/^[\x20-\x7e]*$/.test(text)) throw new RangeError('pole display text must be printable ASCII');
  const padded = text.slice(0, COLUMNS).padEnd(COLUMNS, ' ');
  const out = new Uint8Array(3 + COLUMNS + 1);
  out.set([ESC, 0x51, line === 'upper' ? 0x41 : 0x42]);
  for (let i = 0; i < COLUMNS; i++) out[3 + i] = padded.charCodeAt(i);
  out[3 + COLUMNS] = CR;
  return out;
}
