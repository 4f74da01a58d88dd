// Blocks → one 1-bit bitmap, the whole receipt as a single image (printing.md §1: ESC/POS code pages cannot
// shape or order Arabic, so nothing is ever sent as text). Two passes: a layout pass that measures and wraps
// every line and fixes its position and the box its ink can reach, then the drawing, thresholded at 128: text in
// strips of a reused canvas (drawOps says how that stays dot for dot what one receipt-sized canvas gave), rules,
// QR codes and the logo copied into the bitmap directly.
import type { SKRSContext2D } from '@napi-rs/canvas';
import type { MonoImage } from '../escpos/image';
import type { Align, Block, TextSize } from '../layout/blocks';
import { MonoBitmap } from './bitmap';
import { ensureFonts, fontFor, isArabic } from './fonts';
import { loadLogo } from './logo';
import { code128Bitmap, code128Width } from './code128';
import { qrBitmap, qrMatrix } from './qr';
import { stampable, stampText } from './text-stamps';
import { thresholdRgba } from './threshold';
import { skia } from './skia';

export interface RenderOptions {
  /** Dots per line: 576 (80 mm) or 384 (58 mm); any multiple of 8 from 128 to 1024 works. */
  width?: number;
  /** Logo for `logo` blocks (the shop's own: ./shop-logo.ts); default the bundled resources/logo image, `null` to leave it out. */
  logo?: MonoImage | null;
  /** Where the receipt fonts are (default resources/fonts). */
  fontsDir?: string;
}

interface Metrics {
  px: Record<TextSize, number>;
  margin: number;
  /** Space between a label and its value, and between table cells. */
  gap: number;
  qrShare: number;
}

// 80 mm gets 24 px body text; 58 mm a little smaller so the three item columns still fit. Noto Sans (not
// Naskh) at these sizes keeps strokes two dots wide after thresholding (printing.md §2).
function metricsFor(width: number): Metrics {
  return width >= 512
    ? { px: { small: 20, normal: 24, large: 30, title: 36 }, margin: 8, gap: 12, qrShare: 0.45 }
    : { px: { small: 18, normal: 21, large: 26, title: 30 }, margin: 4, gap: 8, qrShare: 0.6 };
}

/** Vertical box of one text line. Arabic marks and descenders need more room than Latin text. */
function lineBox(px: number): { ascent: number; height: number } {
  const ascent = Math.round(px * 0.95);
  const descent = Math.round(px * 0.38);
  return { ascent, height: ascent + descent + 2 };
}

/** Where an op may put ink: [x0, x1) × [y0, y1) in image dots. */
interface Box {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

interface Measured {
  width: number;
  /** Ink extents around the left end of the advance at the baseline (TextMetrics actualBoundingBox*, textAlign 'left'). */
  left: number;
  right: number;
  ascent: number;
  descent: number;
}

/** Dots of slack around a text's measured ink for anti-aliased edges. */
const INK_PAD = 2;

type Op =
  | { t: 'rect'; x: number; y: number; w: number; h: number }
  | { t: 'text'; text: string; x: number; baseline: number; align: Align; font: string; rtl: boolean; white: boolean; ink: Box }
  | { t: 'image'; image: MonoImage; x: number; y: number };

/**
 * Measurements outlive a receipt: a till measures the same labels, names and prices all day (measureText was a
 * third of a 40-line receipt's layout). Keyed by direction + font, then text; a font's map starts again when full.
 */
const measuredTexts = new Map<string, Map<string, Measured>>();
const MAX_MEASURED_PER_FONT = 8192;

class Layout {
  readonly ops: Op[] = [];
  y = 0;
  private readonly metrics = measuredTexts;

  constructor(
    private readonly ctx: SKRSContext2D,
    readonly width: number,
    readonly m: Metrics,
    private readonly logo: MonoImage | null,
  ) {}

  get inner(): number {
    return this.width - 2 * this.m.margin;
  }
  get right(): number {
    return this.width - this.m.margin;
  }

  measure(text: string, font: string): number {
    return this.metricsOf(text, font, isArabic(text)).width;
  }

  /** Measured as drawn (direction included: it orders the runs of a mixed line, and so where its ink ends). */
  metricsOf(text: string, font: string, rtl: boolean): Measured {
    // Keyed by direction + font, then text: no long concatenated key per lookup (wrapping measures a lot).
    const fontKey = rtl ? `r${font}` : `l${font}`;
    let byText = this.metrics.get(fontKey);
    if (!byText) this.metrics.set(fontKey, (byText = new Map()));
    let m = byText.get(text);
    if (m === undefined) {
      if (byText.size >= MAX_MEASURED_PER_FONT) byText.clear();
      const { ctx } = this;
      if (this.font !== font) ctx.font = this.font = font;
      const direction = rtl ? 'rtl' : 'ltr';
      if (this.direction !== direction) ctx.direction = this.direction = direction;
      const tm = ctx.measureText(text);
      m = {
        width: tm.width,
        left: -tm.actualBoundingBoxLeft,
        right: tm.actualBoundingBoxRight,
        ascent: tm.actualBoundingBoxAscent,
        descent: tm.actualBoundingBoxDescent,
      };
      byText.set(text, m);
    }
    return m;
  }

  // The scratch context's state as this layout last set it (reading it back is a native call each time).
  private font = '';
  private direction = '';

  /** The box a line of text drawn at (x, baseline) with `align` can ink. */
  inkBox(text: string, font: string, rtl: boolean, x: number, baseline: number, align: Align): Box {
    const m = this.metricsOf(text, font, rtl);
    const start = align === 'left' ? x : align === 'right' ? x - m.width : x - m.width / 2;
    return {
      x0: Math.floor(start + Math.min(m.left, 0)) - INK_PAD,
      x1: Math.ceil(start + Math.max(m.right, m.width)) + INK_PAD,
      y0: baseline - Math.ceil(Math.max(m.ascent, 0)) - INK_PAD,
      y1: baseline + Math.ceil(Math.max(m.descent, 0)) + INK_PAD,
    };
  }

  /** Greedy word wrap; a word longer than the line is broken between characters. */
  wrap(text: string, font: string, maxWidth: number): string[] {
    const out: string[] = [];
    for (const para of text.split('\n')) {
      let line = '';
      for (const word of para.split(/ +/).filter((w) => w !== '')) {
        const candidate = line ? `${line} ${word}` : word;
        if (this.measure(candidate, font) <= maxWidth) {
          line = candidate;
          continue;
        }
        if (line) out.push(line);
        line = '';
        if (this.measure(word, font) <= maxWidth) {
          line = word;
          continue;
        }
        for (const ch of Array.from(word)) {
          if (line && this.measure(line + ch, font) > maxWidth) {
            out.push(line);
            line = ch;
          } else line += ch;
        }
      }
      out.push(line);
    }
    return out;
  }

  xFor(align: Align, left: number, right: number): number {
    return align === 'left' ? left : align === 'right' ? right : Math.round((left + right) / 2);
  }

  /** Lays out wrapped lines of one paragraph in [left, right]; returns the height used. */
  paragraph(text: string, px: number, bold: boolean, align: Align, left: number, right: number, top: number, white = false): number {
    const font = fontFor(text, px, bold);
    const rtl = isArabic(text);
    const box = lineBox(px);
    const lines = this.wrap(text, font, right - left);
    lines.forEach((line, i) => {
      if (line === '') return;
      const x = this.xFor(align, left, right);
      const baseline = top + i * box.height + box.ascent;
      this.ops.push({ t: 'text', text: line, x, baseline, align, font, rtl, white, ink: this.inkBox(line, font, rtl, x, baseline, align) });
    });
    return lines.length * box.height;
  }

  block(b: Block): void {
    const { m } = this;
    switch (b.kind) {
      case 'space':
        this.y += b.dots;
        return;
      case 'separator': {
        const lines = b.style === 'double' ? [3, 8] : [5];
        for (const dy of lines) {
          if (b.style === 'dashed') {
            for (let x = m.margin; x < this.right; x += 12) this.ops.push({ t: 'rect', x, y: this.y + dy, w: Math.min(7, this.right - x), h: 2 });
          } else this.ops.push({ t: 'rect', x: m.margin, y: this.y + dy, w: this.inner, h: 2 });
        }
        this.y += b.style === 'double' ? 14 : 12;
        return;
      }
      case 'text': {
        const px = m.px[b.size ?? 'normal'];
        const pad = b.invert ? 4 : 0;
        const padX = b.invert ? 8 : 0;
        const start = this.ops.length;
        const h = this.paragraph(b.text, px, b.bold ?? false, b.align, m.margin + padX, this.right - padX, this.y + pad, b.invert);
        if (b.invert) this.ops.splice(start, 0, { t: 'rect', x: m.margin, y: this.y, w: this.inner, h: h + 2 * pad });
        this.y += h + 2 * pad;
        return;
      }
      case 'pair':
        this.pair(b);
        return;
      case 'columns': {
        let right = this.right;
        let height = 0;
        for (const cell of b.cells) {
          const left = right - Math.round(cell.width * this.inner);
          const pad = 2;
          let y = this.y;
          for (const span of cell.lines) {
            y += this.paragraph(span.text, m.px[span.size ?? 'normal'], span.bold ?? false, cell.align, left + pad, right - pad, y);
          }
          height = Math.max(height, y - this.y);
          right = left;
        }
        this.y += height;
        return;
      }
      case 'qr': {
        const matrix = qrMatrix(b.data);
        const moduleDots = b.moduleDots ?? Math.min(8, Math.max(3, Math.floor((this.inner * m.qrShare) / matrix.size)));
        const image = qrBitmap(matrix, moduleDots);
        const quiet = 4 * moduleDots; // the quiet zone the QR standard asks for, above and below
        this.ops.push({ t: 'image', image, x: Math.round((this.width - image.width) / 2), y: this.y + quiet });
        this.y += image.height + 2 * quiet;
        return;
      }
      case 'barcode': {
        // Whole dots per module, as wide as the paper allows (quiet zones inside the margins), at most 4: 58 mm
        // gives a voucher number 2 dots a module, 80 mm 3 — both well above what a counter scanner resolves.
        const moduleDots = Math.min(4, Math.floor(this.inner / code128Width(b.data)));
        if (moduleDots < 1) throw new RangeError(`Code128 of ${b.data.length} characters does not fit ${this.width} dots`);
        const image = code128Bitmap(b.data, moduleDots, b.heightDots ?? (this.width >= 512 ? 96 : 72));
        const gap = 8; // white above and below; code128Width counts the quiet zones at the sides
        this.ops.push({ t: 'image', image, x: Math.round((this.width - image.width) / 2), y: this.y + gap });
        this.y += image.height + 2 * gap;
        return;
      }
      case 'logo': {
        if (!this.logo) return;
        this.ops.push({ t: 'image', image: this.logo, x: Math.round((this.width - this.logo.width) / 2), y: this.y });
        this.y += this.logo.height;
        return;
      }
    }
  }

  private pair(b: Extract<Block, { kind: 'pair' }>): void {
    const { m } = this;
    const px = m.px[b.size ?? 'normal'];
    const bold = b.bold ?? false;
    const valueFont = fontFor(b.value, px, bold);
    const valueWidth = Math.min(this.measure(b.value, valueFont), Math.round(this.inner * 0.6));
    const labelRoom = this.inner - valueWidth - m.gap;
    const top = this.y;

    if (!isArabic(b.label) && b.labelEn === undefined) {
      // English layout: label left, value right.
      const lh = this.paragraph(b.label, px, bold, 'left', m.margin, m.margin + labelRoom, top);
      const vh = this.paragraph(b.value, px, bold, 'right', this.right - valueWidth, this.right, top);
      this.y += Math.max(lh, vh);
      return;
    }

    // Arabic layout: label at the right edge, value at the left edge.
    const vh = this.paragraph(b.value, px, bold, 'left', m.margin, m.margin + valueWidth, top);
    const labelFont = fontFor(b.label, px, bold);
    const arWidth = this.measure(b.label, labelFont);
    let lh: number;
    if (b.labelEn === undefined) {
      lh = this.paragraph(b.label, px, bold, 'right', this.right - labelRoom, this.right, top);
    } else {
      const enFont = fontFor(b.labelEn, px, false);
      const enWidth = this.measure(b.labelEn, enFont);
      if (arWidth + m.gap + enWidth <= labelRoom) {
        // Both labels on one line: "value ……… English  عربي".
        lh = this.paragraph(b.label, px, bold, 'right', this.right - labelRoom, this.right, top);
        this.paragraph(b.labelEn, px, false, 'right', this.right - labelRoom, this.right - arWidth - m.gap, top);
      } else {
        // Too narrow (58 mm): the English label goes small under the Arabic one.
        lh = this.paragraph(b.label, px, bold, 'right', this.right - labelRoom, this.right, top);
        lh += this.paragraph(b.labelEn, m.px.small, false, 'right', this.right - labelRoom, this.right, top + lh);
      }
    }
    this.y += Math.max(lh, vh);
  }
}

let scratch: SKRSContext2D | null = null;

/**
 * Rows drawn at a time. Reading a whole receipt's canvas back (576 × 2,700 RGBA, 6 MB, at about 350 MB/s in
 * @napi-rs/canvas) was most of the render time; now a strip canvas is reused, drawn only where something is, and
 * only the boxes that can hold ink are read back.
 */
const STRIP_ROWS = 256;

const strips = new Map<number, SKRSContext2D>();

function stripContext(width: number): SKRSContext2D {
  let ctx = strips.get(width);
  if (!ctx) {
    ctx = skia().createCanvas(width, STRIP_ROWS).getContext('2d');
    ctx.textBaseline = 'alphabetic';
    strips.set(width, ctx);
  }
  return ctx;
}

const boxOf = (op: Op): Box =>
  op.t === 'rect' ? { x0: op.x, x1: op.x + op.w, y0: op.y, y1: op.y + op.h } : op.t === 'text' ? op.ink : { x0: 0, x1: 0, y0: 0, y1: 0 };

/**
 * A read-back costs a fixed few microseconds plus about 3 µs per KB of RGBA: two boxes are read as one when the
 * dots their union adds cost less than a call.
 */
const MERGE_SLACK_DOTS = 512;

const area = (b: Box) => (b.x1 - b.x0) * (b.y1 - b.y0);

/** The boxes clipped to the strip and widened to whole bytes, merged where one read is cheaper than two. */
function readRegions(items: ReadonlyArray<{ box: Box }>, top: number, bottom: number, width: number): Box[] {
  const out: Box[] = [];
  for (const { box } of items) {
    const r = {
      x0: Math.max(0, Math.floor(box.x0 / 8) * 8),
      x1: Math.min(width, Math.ceil(box.x1 / 8) * 8),
      y0: Math.max(top, box.y0),
      y1: Math.min(bottom, box.y1),
    };
    if (r.x1 > r.x0 && r.y1 > r.y0) out.push(r);
  }
  // Pairwise, until nothing merges; n is a strip's ops (a few dozen), and a merge only ever grows a box.
  for (let merged = true; merged; ) {
    merged = false;
    for (let i = 0; i < out.length; i++) {
      const a = out[i]!;
      for (let j = i + 1; j < out.length; ) {
        const b = out[j]!;
        const x0 = Math.min(a.x0, b.x0);
        const x1 = Math.max(a.x1, b.x1);
        const y0 = Math.min(a.y0, b.y0);
        const y1 = Math.max(a.y1, b.y1);
        if ((x1 - x0) * (y1 - y0) <= area(a) + area(b) + MERGE_SLACK_DOTS) {
          a.x0 = x0;
          a.x1 = x1;
          a.y0 = y0;
          a.y1 = y1;
          out[j] = out[out.length - 1]!;
          out.pop();
          merged = true;
        } else j++;
      }
    }
  }
  return out;
}

/** The text ops whose ink boxes meet another text's: a sweep down the receipt, each box against those it reaches. */
function textsThatOverlap(ops: readonly Op[]): Set<Op> {
  const texts = ops.filter((op): op is Extract<Op, { t: 'text' }> => op.t === 'text').sort((a, b) => a.ink.y0 - b.ink.y0);
  const crossed = new Set<Op>();
  for (let i = 0; i < texts.length; i++) {
    const a = texts[i]!.ink;
    for (let j = i + 1; j < texts.length && texts[j]!.ink.y0 < a.y1; j++) {
      const b = texts[j]!.ink;
      // The boxes carry INK_PAD on every side for marks that ink past what measureText says; two texts whose
      // measured ink comes closer than INK_PAD dots are taken to meet (the stress goldens hold this to the dot).
      if (b.y0 + INK_PAD < a.y1 && b.x0 + INK_PAD < a.x1 && b.x1 > a.x0 + INK_PAD) {
        crossed.add(texts[i]!);
        crossed.add(texts[j]!);
      }
    }
  }
  return crossed;
}

/**
 * Draws the rules and text of `ops` into `bitmap`, strip by strip: each strip is cleared to white and gets the rules
 * and then the text whose ink box reaches into it (in their order, as one big canvas would draw them, at the same
 * whole-dot positions moved up by the strip's top); then each of those boxes, widened to whole bytes, is read back
 * and thresholded into the bitmap. Thresholding only ever sets dots, so boxes that overlap are simply read twice,
 * and everything outside every box is white, as it was on the big canvas.
 */
function drawOps(ops: readonly Op[], bitmap: MonoBitmap): void {
  const { width, height } = bitmap;
  const ctx = stripContext(width);
  // A rule is solid black on whole dots, so it is the same dots whether drawn and thresholded or set directly, and
  // black text over it stays black either way; only a rule under white text (an inverted banner) is drawn.
  const whiteText = ops.flatMap((op) => (op.t === 'text' && op.white ? [op.ink] : []));
  const underWhite = (b: Box) => whiteText.some((w) => w.x0 < b.x1 && w.x1 > b.x0 && w.y0 < b.y1 && w.y1 > b.y0);
  const crossed = textsThatOverlap(ops);
  const drawn: Array<{ op: Op; box: Box }> = [];
  for (const op of ops) {
    if (op.t === 'image') continue;
    const box = boxOf(op);
    if (op.t === 'rect' && !underWhite(box)) bitmap.fillRect(op.x, op.y, op.w, op.h);
    // Black text sets dots and clears none, like a rule: stamped (text-stamps.ts) when it sits on whole dots and its
    // ink box meets no other text's (where two meet, their anti-aliased edges add up on one canvas, and a banner's
    // white letters clear what they cover).
    else if (op.t === 'text' && !op.white && stampable(op) && !crossed.has(op)) stampText(op, bitmap);
    else drawn.push({ op, box });
  }
  // Rules first, then text, as on one big canvas: white text on an inverted banner must land on its black rule.
  drawn.sort((a, b) => (a.op.t === b.op.t ? 0 : a.op.t === 'rect' ? -1 : 1));
  let font = '';
  let direction = '';
  let align = '';
  let fill = '';
  const setFill = (style: string) => {
    if (fill !== style) ctx.fillStyle = fill = style;
  };
  for (let top = 0; top < height; top += STRIP_ROWS) {
    const bottom = Math.min(height, top + STRIP_ROWS);
    const here = drawn.filter(({ box }) => box.y0 < bottom && box.y1 > top && box.x0 < width && box.x1 > 0);
    if (here.length === 0) continue;
    setFill('#fff');
    ctx.fillRect(0, 0, width, STRIP_ROWS);
    for (const { op } of here) {
      if (op.t === 'rect') {
        setFill('#000');
        ctx.fillRect(op.x, op.y - top, op.w, op.h);
      } else if (op.t === 'text') {
        if (font !== op.font) ctx.font = font = op.font;
        // RTL for any line with Arabic: with 'ltr' a mixed line comes out in LTR run order (printing.md §2).
        const dir = op.rtl ? 'rtl' : 'ltr';
        if (direction !== dir) ctx.direction = direction = dir;
        if (align !== op.align) ctx.textAlign = align = op.align;
        setFill(op.white ? '#fff' : '#000');
        ctx.fillText(op.text, op.x, op.baseline - top);
      }
    }
    for (const r of readRegions(here, top, bottom, width)) {
      thresholdRgba(ctx.getImageData(r.x0, r.y0 - top, r.x1 - r.x0, r.y1 - r.y0).data, r.x1 - r.x0, r.y1 - r.y0, bitmap, r.y0, r.x0);
    }
  }
}

/** Renders blocks into a 1-bit bitmap `width` dots wide and exactly as tall as its content. */
export function renderBlocks(blocks: readonly Block[], options: RenderOptions = {}): MonoBitmap {
  const width = options.width ?? 576;
  if (width % 8 !== 0 || width < 128 || width > 1024) throw new RangeError(`width ${width} must be a multiple of 8 from 128 to 1024`);
  ensureFonts(options.fontsDir);
  if (!scratch) {
    scratch = skia().createCanvas(8, 8).getContext('2d');
    scratch.textAlign = 'left'; // metricsOf's ink extents are measured from the left end of the advance
  }
  const needsLogo = blocks.some((b) => b.kind === 'logo');
  const logo = options.logo !== undefined ? options.logo : needsLogo ? loadLogo() : null;

  const layout = new Layout(scratch, width, metricsFor(width), logo);
  layout.y = 4;
  for (const b of blocks) layout.block(b);
  const height = Math.max(1, layout.y + 4);

  const bitmap = new MonoBitmap(width, height);
  drawOps(layout.ops, bitmap);
  for (const op of layout.ops) if (op.t === 'image') bitmap.blit(op.image, op.x, op.y);
  return bitmap;
}
