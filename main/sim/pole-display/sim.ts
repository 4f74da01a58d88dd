// A virtual CD5220 pole: decodes the byte stream into the two 20-column lines a customer would see. For
// tests (over a socat pty) and for a demo till without a pole. Understands the full line writes the till
// sends plus the cursor-based commands, so it also shows what other software would display.
import { EventEmitter } from 'node:events';
import { COLUMNS } from '../../devices/pole-display';

const ESC = 0x1b;

export interface PoleSim {
  feed(chunk: Uint8Array): void;
  /** [upper, lower], each exactly 20 characters. */
  lines(): [string, string];
  on(event: 'change', listener: (lines: [string, string]) => void): void;
  off(event: 'change', listener: (lines: [string, string]) => void): void;
}

// ESC commands we skip, with their parameter counts (brightness, device select, charset, cursor on/off).
const ESC_PARAMS: Record<number, number> = { 0x2a: 1, 0x3d: 1, 0x52: 1, 0x5f: 1, 0x63: 1, 0x66: 1 };

export function createPoleSim(): PoleSim {
  const events = new EventEmitter();
  const screen = [Array<string>(COLUMNS).fill(' '), Array<string>(COLUMNS).fill(' ')];
  let row = 0;
  let col = 0;
  let pending: number[] = [];

  const lines = (): [string, string] => [screen[0]!.join(''), screen[1]!.join('')];
  const clear = () => {
    for (const r of screen) r.fill(' ');
    row = 0;
    col = 0;
  };
  const setLine = (r: number, bytes: number[]) => {
    const text = String.fromCharCode(...bytes.filter((b) => b >= 0x20 && b < 0x7f));
    screen[r] = Array.from(text.slice(0, COLUMNS).padEnd(COLUMNS, ' '));
  };
  const put = (b: number) => {
    screen[row]![col] = String.fromCharCode(b);
    col++;
    if (col >= COLUMNS) {
      col = 0;
      row = (row + 1) % 2;
    }
  };

  /** Decodes one command at `at`; returns its length, or 0 if it is not complete yet. */
  function step(buf: number[], at: number): number {
    const b = buf[at]!;
    const avail = buf.length - at;
    if (b === ESC) {
      if (avail < 2) return 0;
      const fn = buf[at + 1]!;
      if (fn === 0x40) {
        clear();
        return 2;
      }
      if (fn === 0x51) {
        // ESC Q A|B|D text CR
        if (avail < 3) return 0;
        const end = buf.indexOf(0x0d, at + 3);
        if (end < 0) return avail > 3 + COLUMNS + 40 ? 3 : 0; // runaway without CR: drop the header
        const which = buf[at + 2]!;
        setLine(which === 0x42 ? 1 : 0, buf.slice(at + 3, end));
        return end - at + 1;
      }
      if (fn === 0x6c) {
        // ESC l x y: cursor to column x (1-20), row y (1-2)
        if (avail < 4) return 0;
        col = Math.min(COLUMNS, Math.max(1, buf[at + 2]!)) - 1;
        row = buf[at + 3] === 2 ? 1 : 0;
        return 4;
      }
      const params = ESC_PARAMS[fn] ?? 0;
      if (avail < 2 + params) return 0;
      return 2 + params;
    }
    if (b === 0x1f) {
      // US MD1/MD2/MD3 (overwrite / scroll modes) and similar two-byte settings.
      return avail < 2 ? 0 : 2;
    }
    switch (b) {
      case 0x0c:
        clear();
        break;
      case 0x0b:
        row = 0;
        col = 0;
        break;
      case 0x0d:
        col = 0;
        break;
      case 0x0a:
        row = (row + 1) % 2;
        break;
      case 0x08:
        col = Math.max(0, col - 1);
        break;
      case 0x09:
        col = Math.min(COLUMNS - 1, col + 1);
        break;
      default:
        if (b >= 0x20 && b < 0x7f) put(b);
    }
    return 1;
  }

  return {
    feed(chunk) {
      const before = lines().join('\n');
      const buf = pending.length ? [...pending, ...chunk] : Array.from(chunk);
      let at = 0;
      while (at < buf.length) {
        const n = step(buf, at);
        if (n === 0) break;
        at += n;
      }
      pending = buf.slice(at);
      const after = lines();
      if (after.join('\n') !== before) events.emit('change', after);
    },
    lines,
    on: (event, listener) => void events.on(event, listener),
    off: (event, listener) => void events.off(event, listener),
  };
}
