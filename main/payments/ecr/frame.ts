// SkyBand ECR framing: STX FS field FS field … FS ETX LRC, with FS = 0xFC (not ASCII 0x1C). Field text is
// single-byte (ASCII; the Arabic texts travel hex-encoded), so we move it as latin1, which is byte-transparent.
// The FrameReader turns an arbitrary byte stream (partial chunks, line noise, stray control bytes) into
// events and never throws: the link layer and the simulator both sit on it.
import { lrcFor, matchLrc, type LrcMode } from './lrc';

export const STX = 0x02;
export const ETX = 0x03;
export const ACK = 0x06;
export const NAK = 0x15;
export const FS = 0xfc;

/** Larger than any response we know (37 fields + Arabic hex texts ≈ 1 KiB); beyond it an STX is line noise. */
export const MAX_FRAME_BYTES = 8192;

/** Builds STX FS f1 FS f2 … FS ETX LRC. Throws RangeError when a field would break the framing. */
export function encodeFrame(fields: readonly string[], mode: LrcMode): Buffer {
  const parts: number[] = [STX];
  for (const field of fields) {
    parts.push(FS);
    for (let i = 0; i < field.length; i += 1) {
      const code = field.charCodeAt(i);
      if (code > 0xff || code === STX || code === ETX || code === FS) {
        throw new RangeError(`ECR field contains a byte that breaks the frame (0x${code.toString(16)})`);
      }
      parts.push(code);
    }
  }
  parts.push(FS, ETX);
  const body = Uint8Array.from(parts);
  return Buffer.concat([body, Uint8Array.of(lrcFor(body, mode))]);
}

/**
 * Splits a verified frame body (STX..ETX, or the whole frame with its LRC) into fields indexed the way the SDK
 * indexes them after replacing FS with ';': [0] is the empty piece after STX, [1] the command, [2] the first
 * field after it, and so on. The trailing empty piece before ETX is dropped.
 */
export function splitFrame(frame: Uint8Array): string[] {
  const buf = Buffer.from(frame.buffer, frame.byteOffset, frame.byteLength);
  let end = buf.lastIndexOf(ETX);
  if (end < 0) end = buf.length;
  const start = buf[0] === STX ? 1 : 0;
  const pieces = buf.subarray(start, end).toString('latin1').split('\xfc');
  if (pieces.length > 1 && pieces[pieces.length - 1] === '') pieces.pop();
  return pieces;
}

export type ReaderEvent =
  /** ACK or NAK seen outside a frame. */
  | { type: 'control'; byte: typeof ACK | typeof NAK }
  /** A complete frame whose LRC matched (in either form). `frame` includes STX..ETX and the LRC byte. */
  | { type: 'frame'; frame: Buffer; lrc: LrcMode }
  /** STX..ETX+LRC whose LRC matched neither form. */
  | { type: 'corrupt'; frame: Buffer };

/** Incremental, never-throwing frame extractor. Bytes that are neither a frame nor ACK/NAK are discarded. */
export class FrameReader {
  private buf: Buffer = Buffer.alloc(0);
  /** Bytes thrown away as noise, for diagnostics and tests. */
  discarded = 0;

  constructor(private readonly maxFrameBytes = MAX_FRAME_BYTES) {}

  push(chunk: Uint8Array): ReaderEvent[] {
    const events: ReaderEvent[] = [];
    this.buf = this.buf.length === 0 ? Buffer.from(chunk) : Buffer.concat([this.buf, chunk]);
    for (;;) {
      if (this.buf.length === 0) break;
      const stx = this.buf.indexOf(STX);
      if (stx < 0) {
        this.noise(this.buf, events);
        this.buf = Buffer.alloc(0);
        break;
      }
      if (stx > 0) {
        this.noise(this.buf.subarray(0, stx), events);
        this.buf = this.buf.subarray(stx);
      }
      if (this.buf.length < 2) break;
      // Every SkyBand frame starts STX FS; a lone 0x02 in line noise must not swallow the real frame after it.
      if (this.buf[1] !== FS) {
        this.drop(1);
        continue;
      }
      const etx = this.buf.indexOf(ETX, 2);
      if (etx < 0) {
        if (this.buf.length > this.maxFrameBytes) this.drop(1);
        else break;
        continue;
      }
      if (this.buf.length < etx + 2) break; // the LRC byte is still on its way
      const lrcByte = this.buf[etx + 1]!;
      const candidate = this.buf.subarray(0, etx + 2);
      const mode = matchLrc(candidate.subarray(0, etx + 1), lrcByte);
      if (mode) {
        events.push({ type: 'frame', frame: Buffer.from(candidate), lrc: mode });
        this.buf = this.buf.subarray(etx + 2);
        continue;
      }
      // Noise that happened to start with STX FS in front of a real frame: resynchronise on an inner STX FS.
      const inner = this.innerFrame(etx, lrcByte);
      if (inner) {
        this.discarded += inner.start;
        events.push({ type: 'frame', frame: Buffer.from(this.buf.subarray(inner.start, etx + 2)), lrc: inner.mode });
        this.buf = this.buf.subarray(etx + 2);
        continue;
      }
      // A noise fragment "STX FS … ETX" directly followed by a real frame: the byte we took for its LRC is the
      // real frame's STX, so give it back instead of swallowing it.
      if (lrcByte === STX && this.buf.length < etx + 3) break; // need one more byte to tell
      const lrcIsNextFrame = lrcByte === STX && this.buf[etx + 2] === FS;
      events.push({ type: 'corrupt', frame: Buffer.from(lrcIsNextFrame ? this.buf.subarray(0, etx + 1) : candidate) });
      this.buf = this.buf.subarray(lrcIsNextFrame ? etx + 1 : etx + 2);
    }
    // Keep memory bounded even when a peer streams STX FS and never an ETX.
    if (this.buf.length > this.maxFrameBytes * 2) this.drop(this.buf.length - this.maxFrameBytes);
    return events;
  }

  /** Forget any partial frame (e.g. after a request is over). */
  reset(): void {
    this.buf = Buffer.alloc(0);
  }

  private innerFrame(etx: number, lrcByte: number): { start: number; mode: LrcMode } | null {
    for (let i = 1; i < etx - 1; i += 1) {
      if (this.buf[i] === STX && this.buf[i + 1] === FS) {
        const mode = matchLrc(this.buf.subarray(i, etx + 1), lrcByte);
        if (mode) return { start: i, mode };
      }
    }
    return null;
  }

  private drop(n: number): void {
    this.discarded += n;
    this.buf = this.buf.subarray(n);
  }

  private noise(bytes: Uint8Array, events: ReaderEvent[]): void {
    for (const b of bytes) {
      if (b === ACK || b === NAK) events.push({ type: 'control', byte: b });
      else this.discarded += 1;
    }
  }
}
