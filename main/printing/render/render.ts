// Blocks → one 1-bit bitmap, the whole receipt as a single image (printing.md §1: ESC/POS code pages cannot
// shape or order Arabic, so nothing is ever sent as text). Two passes: a layout pass that measures and
// wraps every line and fixes its position, then one canvas of exactly that height is drawn and
// thresholded at 128. QR codes and the logo are copied into the bitmap after thresholding, dot for dot.
import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import type { MonoImage } from '../escpos/image';
import type { Align, Block, TextSize } from '../layout/blocks';
import type { MonoBitmap } from './bitmap';
import { ensureFonts, fontFor, isArabic } from './fonts';
import { loadLogo } from './logo';
import { qrBitmap, qrMatrix } from './qr';
import { thresholdRgba } from './threshold';

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

type Op =
  | { t: 'rect'; x: number; y: number; w: number; h: number }
  | { t: 'text'; text: string; x: number; baseline: number; align: Align; font: string; rtl: boolean; white: boolean }
  | { t: 'image'; image: MonoImage; x: number; y: number };

class Layout {
  readonly ops: Op[] = [];
  y = 0;
  private readonly widths = new Map<string, number>();

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
    const key = `${font}|${text}`;
    let w = this.widths.get(key);
    if (w === undefined) {
      this.ctx.font = font;
      w = this.ctx.measureText(text).width;
      this.widths.set(key, w);
    }
    return w;
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
      this.ops.push({ t: 'text', text: line, x: this.xFor(align, left, right), baseline: top + i * box.height + box.ascent, align, font, rtl, white });
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

/** Renders blocks into a 1-bit bitmap `width` dots wide and exactly as tall as its content. */
export function renderBlocks(blocks: readonly Block[], options: RenderOptions = {}): MonoBitmap {
  const width = options.width ?? 576;
  if (width % 8 !== 0 || width < 128 || width > 1024) throw new RangeError(`width ${width} must be a multiple of 8 from 128 to 1024`);
  ensureFonts(options.fontsDir);
  scratch ??= createCanvas(8, 8).getContext('2d');
  const needsLogo = blocks.some((b) => b.kind === 'logo');
  const logo = options.logo !== undefined ? options.logo : needsLogo ? loadLogo() : null;

  const layout = new Layout(scratch, width, metricsFor(width), logo);
  layout.y = 4;
  for (const b of blocks) layout.block(b);
  const height = Math.max(1, layout.y + 4);

  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.textBaseline = 'alphabetic';
  ctx.fillStyle = '#000';
  for (const op of layout.ops) if (op.t === 'rect') ctx.fillRect(op.x, op.y, op.w, op.h);
  for (const op of layout.ops) {
    if (op.t !== 'text') continue;
    ctx.font = op.font;
    // RTL for any line with Arabic: with 'ltr' a mixed line comes out in LTR run order (printing.md §2).
    ctx.direction = op.rtl ? 'rtl' : 'ltr';
    ctx.textAlign = op.align;
    ctx.fillStyle = op.white ? '#fff' : '#000';
    ctx.fillText(op.text, op.x, op.baseline);
  }

  const bitmap = thresholdRgba(ctx.getImageData(0, 0, width, height).data, width, height);
  for (const op of layout.ops) if (op.t === 'image') bitmap.blit(op.image, op.x, op.y);
  return bitmap;
}
