// A streaming ESC/POS decoder: bytes arrive in arbitrary chunks (TCP segments, tty reads) and a command
// may be split across them, so an incomplete command waits for more bytes instead of being misread.
import type { Decoded } from './commands';

const ESC = 0x1b;
const GS = 0x1d;
const DLE = 0x10;
const FS = 0x1c;
const LF = 0x0a;

// ESC and GS commands we skip, with the number of parameter bytes after the function byte.
const ESC_SKIP: Record<number, [string, number]> = {
  0x21: ['ESC !', 1], 0x2d: ['ESC -', 1], 0x45: ['ESC E', 1], 0x47: ['ESC G', 1], 0x4d: ['ESC M', 1],
  0x52: ['ESC R', 1], 0x54: ['ESC T', 1], 0x56: ['ESC V', 1], 0x61: ['ESC a', 1], 0x74: ['ESC t', 1],
  0x7b: ['ESC {', 1], 0x20: ['ESC SP', 1], 0x24: ['ESC $', 2], 0x5c: ['ESC \\', 2], 0x63: ['ESC c', 2],
  0x3d: ['ESC =', 1], 0x25: ['ESC %', 1], 0x55: ['ESC U', 1],
};
const GS_SKIP: Record<number, [string, number]> = {
  0x21: ['GS !', 1], 0x42: ['GS B', 1], 0x48: ['GS H', 1], 0x66: ['GS f', 1], 0x68: ['GS h', 1],
  0x77: ['GS w', 1], 0x61: ['GS a', 1], 0x57: ['GS W', 2], 0x50: ['GS P', 2],
  0x24: ['GS $', 2], 0x5c: ['GS \\', 2], 0x49: ['GS I', 1],
};

export type DecodeStep = { decoded: Decoded; length: number } | 'more';

/** Decodes one command at `at`; 'more' if the buffer ends inside it. */
export function decodeOne(buf: Uint8Array, at: number): DecodeStep {
  const b = buf[at]!;
  const avail = buf.length - at;
  const need = (n: number) => avail < n;

  if (b === LF) return { decoded: { command: { kind: 'newline' } }, length: 1 };

  if (b === ESC) {
    if (need(2)) return 'more';
    const fn = buf[at + 1]!;
    switch (fn) {
      case 0x40:
        return { decoded: { command: { kind: 'init' } }, length: 2 };
      case 0x70:
        if (need(5)) return 'more';
        return { decoded: { command: { kind: 'drawer', pin: buf[at + 2]!, onUnits: buf[at + 3]!, offUnits: buf[at + 4]! } }, length: 5 };
      case 0x64: // ESC d n: print and feed n lines
        if (need(3)) return 'more';
        return { decoded: { command: { kind: 'feed', lines: buf[at + 2]! } }, length: 3 };
      case 0x4a: // ESC J n: print and feed n dots
        if (need(3)) return 'more';
        return { decoded: { command: { kind: 'feed', dots: buf[at + 2]! } }, length: 3 };
      case 0x33:
        if (need(3)) return 'more';
        return { decoded: { command: { kind: 'line-spacing', dots: buf[at + 2]! } }, length: 3 };
      case 0x32:
        return { decoded: { command: { kind: 'line-spacing', dots: null } }, length: 2 };
      case 0x2a: {
        // ESC * m nL nH d…: 8-dot modes (0, 1) have 1 byte per column, 24-dot modes (32, 33) have 3.
        if (need(5)) return 'more';
        const mode = buf[at + 2]!;
        const columns = buf[at + 3]! | (buf[at + 4]! << 8);
        const size = columns * (mode >= 32 ? 3 : 1);
        if (need(5 + size)) return 'more';
        return { decoded: { command: { kind: 'column', mode, columns }, data: buf.slice(at + 5, at + 5 + size) }, length: 5 + size };
      }
      default: {
        const skip = ESC_SKIP[fn];
        if (!skip) return { decoded: { command: { kind: 'unknown', byte: b } }, length: 1 };
        if (need(2 + skip[1])) return 'more';
        return { decoded: { command: { kind: 'ignored', name: skip[0] } }, length: 2 + skip[1] };
      }
    }
  }

  if (b === GS) {
    if (need(2)) return 'more';
    const fn = buf[at + 1]!;
    switch (fn) {
      case 0x56: {
        // GS V m [n]: m 0/48 full, 1/49 partial; 65/66 full/partial after feeding n.
        if (need(3)) return 'more';
        const m = buf[at + 2]!;
        if (m === 65 || m === 66) {
          if (need(4)) return 'more';
          return { decoded: { command: { kind: 'cut', mode: m === 65 ? 'full' : 'partial', feedUnits: buf[at + 3]! } }, length: 4 };
        }
        return { decoded: { command: { kind: 'cut', mode: m === 0 || m === 48 ? 'full' : 'partial' } }, length: 3 };
      }
      case 0x76: {
        // GS v 0 m xL xH yL yH d…
        if (need(8)) return 'more';
        if (buf[at + 2] !== 0x30) return { decoded: { command: { kind: 'unknown', byte: b } }, length: 1 };
        const mode = buf[at + 3]!;
        const widthBytes = buf[at + 4]! | (buf[at + 5]! << 8);
        const rows = buf[at + 6]! | (buf[at + 7]! << 8);
        const size = widthBytes * rows;
        if (need(8 + size)) return 'more';
        return { decoded: { command: { kind: 'raster', widthBytes, rows, mode }, data: buf.slice(at + 8, at + 8 + size) }, length: 8 + size };
      }
      case 0x72:
        if (need(3)) return 'more';
        return { decoded: { command: { kind: 'queued-status-request', n: buf[at + 2]! } }, length: 3 };
      case 0x4c: // GS L nL nH: left margin
        if (need(4)) return 'more';
        return { decoded: { command: { kind: 'left-margin', dots: buf[at + 2]! | (buf[at + 3]! << 8) } }, length: 4 };
      case 0x28: {
        // GS ( X pL pH …: function blocks (graphics, QR) we skip by their declared length.
        if (need(5)) return 'more';
        const size = buf[at + 3]! | (buf[at + 4]! << 8);
        if (need(5 + size)) return 'more';
        return { decoded: { command: { kind: 'ignored', name: `GS ( ${String.fromCharCode(buf[at + 2]!)}` } }, length: 5 + size };
      }
      default: {
        const skip = GS_SKIP[fn];
        if (!skip) return { decoded: { command: { kind: 'unknown', byte: b } }, length: 1 };
        if (need(2 + skip[1])) return 'more';
        return { decoded: { command: { kind: 'ignored', name: skip[0] } }, length: 2 + skip[1] };
      }
    }
  }

  if (b === DLE) {
    if (need(2)) return 'more';
    const fn = buf[at + 1]!;
    if (fn === 0x04) {
      if (need(3)) return 'more';
      return { decoded: { command: { kind: 'status-request', n: buf[at + 2]! } }, length: 3 };
    }
    if (fn === 0x05) {
      if (need(3)) return 'more';
      return { decoded: { command: { kind: 'ignored', name: 'DLE ENQ' } }, length: 3 };
    }
    if (fn === 0x14) {
      // DLE DC4 1 m t: real-time drawer pulse
      if (need(5)) return 'more';
      return { decoded: { command: { kind: 'drawer', pin: buf[at + 3]!, onUnits: buf[at + 4]! * 50, offUnits: buf[at + 4]! * 50 } }, length: 5 };
    }
    return { decoded: { command: { kind: 'unknown', byte: b } }, length: 1 };
  }

  if (b === FS) {
    // FS . / FS & (Kanji mode off/on) take no parameters; anything else we do not know.
    if (need(2)) return 'more';
    const fn = buf[at + 1]!;
    if (fn === 0x2e || fn === 0x26) return { decoded: { command: { kind: 'ignored', name: `FS ${String.fromCharCode(fn)}` } }, length: 2 };
    return { decoded: { command: { kind: 'unknown', byte: b } }, length: 1 };
  }

  if (b >= 0x20) {
    let end = at;
    while (end < buf.length && buf[end]! >= 0x20 && buf[end] !== 0x7f) end++;
    return { decoded: { command: { kind: 'text', bytes: Array.from(buf.subarray(at, end)) } }, length: end - at };
  }
  return { decoded: { command: { kind: 'unknown', byte: b } }, length: 1 };
}

/** Keeps the unparsed tail between chunks. */
export class StreamDecoder {
  private pending = new Uint8Array(0);

  push(chunk: Uint8Array): Decoded[] {
    const buf = this.pending.length ? concat(this.pending, chunk) : chunk;
    const out: Decoded[] = [];
    let at = 0;
    while (at < buf.length) {
      const step = decodeOne(buf, at);
      if (step === 'more') break;
      out.push(step.decoded);
      at += step.length;
    }
    this.pending = buf.slice(at);
    return out;
  }

  /** Bytes waiting for the rest of a command. */
  get pendingBytes(): number {
    return this.pending.length;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
