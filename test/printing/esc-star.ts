// A small independent decoder for ESC * mode 33 (npos has none; printing.md §5): walks `1B 2A 21 nL nH`,
// reads 3 bytes per column, sets pixels top-down, one 24-row strip per command.
import { MonoBitmap } from '../../main/printing/render/bitmap';

export function decodeEscStar(bytes: Uint8Array, width: number): MonoBitmap {
  const strips: Array<{ columns: number; data: Uint8Array }> = [];
  for (let i = 0; i + 5 <= bytes.length; i++) {
    if (bytes[i] !== 0x1b || bytes[i + 1] !== 0x2a || bytes[i + 2] !== 33) continue;
    const columns = bytes[i + 3]! | (bytes[i + 4]! << 8);
    strips.push({ columns, data: bytes.subarray(i + 5, i + 5 + columns * 3) });
    i += 4 + columns * 3;
  }
  const out = new MonoBitmap(width, strips.length * 24);
  strips.forEach(({ columns, data }, s) => {
    for (let x = 0; x < columns; x++) {
      for (let k = 0; k < 3; k++) {
        for (let bit = 0; bit < 8; bit++) if (data[x * 3 + k]! & (0x80 >> bit)) out.set(x, s * 24 + k * 8 + bit, true);
      }
    }
  });
  return out;
}
