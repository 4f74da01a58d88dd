// Black text as 1-bit stamps, drawn once and kept. Reading canvas pixels back is most of a receipt's render time
// (about 6 ms of a 40-line receipt's 12, in @napi-rs/canvas), and a till prints the same words all day: the
// labels, the shop's lines, its products' names, the common prices. A line of text at a whole-dot position
// comes out as the same dots wherever it is drawn (its advance, hence its sub-dot phase, depends only on the text,
// the font, the direction and the alignment), so it is thresholded once on its own and then copied.
import type { SKRSContext2D } from '@napi-rs/canvas';
import { MonoBitmap } from './bitmap';
import { thresholdRgba } from './threshold';
import { skia } from './skia';

/** What a stamp needs: the text and how it is drawn, and the box its ink can reach around (x, baseline). */
export interface StampedText {
  text: string;
  font: string;
  rtl: boolean;
  align: CanvasTextAlign;
  x: number;
  baseline: number;
  ink: { x0: number; x1: number; y0: number; y1: number };
}

interface Stamp {
  /** The ink box's corner relative to (x, baseline). */
  dx: number;
  dy: number;
  bits: MonoBitmap;
}

/**
 * Enough for a shop's vocabulary and a day's worth of prices (a stamp is a few hundred bytes: 4,096 of them are
 * about 2 MB); the oldest goes first.
 */
const MAX_STAMPS = 4096;
const stamps = new Map<string, Stamp>();
let canvas: { ctx: SKRSContext2D; width: number; height: number } | null = null;

function scratch(width: number, height: number): SKRSContext2D {
  if (!canvas || canvas.width < width || canvas.height < height) {
    const w = Math.max(width, canvas?.width ?? 0);
    const h = Math.max(height, canvas?.height ?? 0);
    const ctx = skia().createCanvas(w, h).getContext('2d');
    ctx.textBaseline = 'alphabetic';
    canvas = { ctx, width: w, height: h };
  }
  return canvas.ctx;
}

/** Whether `op` can be stamped: text on whole dots (anything else is drawn in place). */
export const stampable = (op: StampedText): boolean => Number.isInteger(op.x) && Number.isInteger(op.baseline);

/**
 * Room around the measured ink box: some marks (stacked harakat, a shadda over a final letter) ink beyond what
 * measureText reports, and a stamp keeps whatever its text inks.
 */
const MARK_ROOM = 8;

function draw(op: StampedText): Stamp {
  const x0 = op.ink.x0 - MARK_ROOM;
  const x1 = op.ink.x1 + MARK_ROOM;
  const y0 = op.ink.y0 - MARK_ROOM;
  const y1 = op.ink.y1 + MARK_ROOM;
  // Whole bytes wide, so the threshold writes its rows directly.
  const width = Math.ceil((x1 - x0) / 8) * 8;
  const height = y1 - y0;
  const ctx = scratch(width, height);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#000';
  ctx.font = op.font;
  ctx.direction = op.rtl ? 'rtl' : 'ltr';
  ctx.textAlign = op.align;
  ctx.fillText(op.text, op.x - x0, op.baseline - y0);
  const bits = thresholdRgba(ctx.getImageData(0, 0, width, height).data, width, height);
  return { dx: x0 - op.x, dy: y0 - op.baseline, bits };
}

/** Sets the dots of black text `op` in `target` (never clears one, as the thresholded canvas never did). */
export function stampText(op: StampedText, target: MonoBitmap): void {
  const key = `${op.font}\u0000${op.rtl ? 'r' : 'l'}${op.align}\u0000${op.text}`;
  let stamp = stamps.get(key);
  if (stamp === undefined) {
    stamp = draw(op);
    if (stamps.size >= MAX_STAMPS) stamps.delete(stamps.keys().next().value!);
    stamps.set(key, stamp);
  }
  target.orBits(stamp.bits, op.x + stamp.dx, op.baseline + stamp.dy);
}

/** For tests: forget every stamp, so the next render draws all its text again. */
export function forgetStamps(): void {
  stamps.clear();
}
