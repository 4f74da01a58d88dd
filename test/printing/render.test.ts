import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { MonoBitmap, renderBlocks } from '../../main/printing/render';
import { forgetStamps } from '../../main/printing/render/text-stamps';
import { ensureFonts, fontFor } from '../../main/printing/render/fonts';
import { decodeMonoPng, encodeMonoPng } from '../../main/printing/render/png';
import { qrBitmap, qrMatrix } from '../../main/printing/render/qr';

/** Draws like render.ts does (same fonts, threshold 128) and returns a bitmap. */
function draw(width: number, parts: Array<{ text: string; x: number; align: 'left' | 'right'; rtl: boolean }>): MonoBitmap {
  ensureFonts();
  const height = 48;
  const ctx = createCanvas(width, height).getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#000';
  for (const p of parts) {
    ctx.font = fontFor(p.text, 26, false);
    ctx.direction = p.rtl ? 'rtl' : 'ltr';
    ctx.textAlign = p.align;
    ctx.fillText(p.text, p.x, 34);
  }
  const rgba = ctx.getImageData(0, 0, width, height).data;
  const bmp = new MonoBitmap(width, height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) bmp.set(x, y, rgba[(y * width + x) * 4]! < 128);
  return bmp;
}

function crop(b: MonoBitmap, x0: number, x1: number): MonoBitmap {
  const out = new MonoBitmap(Math.ceil((x1 - x0) / 8) * 8, b.height);
  for (let y = 0; y < b.height; y++) for (let x = x0; x < x1; x++) if (b.get(x, y)) out.set(x - x0, y, true);
  return out;
}

describe('mixed Arabic/Latin/number lines', () => {
  const line = 'قهوة Nescafe 200g ٢٧٫٧٥';
  const R = 560;

  function placed(rtl: boolean) {
    ensureFonts();
    const ctx = createCanvas(8, 8).getContext('2d');
    ctx.font = fontFor(line, 26, false);
    const w = (t: string) => ctx.measureText(t).width;
    const total = w(line);
    const whole = draw(576, [{ text: line, x: R, align: 'right', rtl }]);
    // Where each run must be in right-to-left order: the Arabic word at the right edge, the number at the
    // left end, the Latin run ("Nescafe 200g", itself left to right) in between.
    const left = R - total;
    const runs = [
      { text: 'قهوة', x0: R - w('قهوة'), rtl: true },
      { text: 'Nescafe 200g', x0: left + w('٢٧٫٧٥ '), rtl: false },
      { text: '٢٧٫٧٥', x0: left, rtl: true },
    ];
    return runs.map((r) => {
      const x1 = r.x0 + w(r.text);
      const solo = draw(576, [{ text: r.text, x: r.x0, align: 'left', rtl: r.rtl }]);
      const a = crop(whole, Math.floor(r.x0), Math.ceil(x1));
      const b = crop(solo, Math.floor(r.x0), Math.ceil(x1));
      return { text: r.text, ink: b.blackPixels(), diff: a.diffCount(b) };
    });
  }

  it('comes out in right-to-left run order with direction rtl', () => {
    for (const r of placed(true)) {
      expect(r.ink).toBeGreaterThan(50);
      expect(r.diff / r.ink, `${r.text} differs`).toBeLessThan(0.05);
    }
  });

  it('would come out wrong with direction ltr (the check can fail)', () => {
    const wrong = placed(false).filter((r) => r.diff / r.ink > 0.3);
    expect(wrong.length).toBeGreaterThan(0);
  });
});

describe('renderer', () => {
  it('is exactly as tall as its content, 1 bit per pixel, at 576 and 384 dots', () => {
    const blocks = [{ kind: 'text' as const, text: 'فاتورة ضريبية مبسطة', align: 'center' as const }];
    const short = renderBlocks(blocks);
    const long = renderBlocks([...blocks, ...blocks, { kind: 'space', dots: 100 }]);
    expect(short.width).toBe(576);
    expect(short.data.length).toBe(72 * short.height);
    expect(long.height - short.height).toBe(short.height - 8 + 100);
    expect(renderBlocks(blocks, { width: 384 }).data.length % 48).toBe(0);
    expect(() => renderBlocks(blocks, { width: 500 })).toThrow(/multiple of 8/);
  });

  it('keeps digits and Latin letters inside Arabic text (font fallback)', () => {
    const withDigits = renderBlocks([{ kind: 'text', text: 'المجموع 27.75 SAR', align: 'right' }], { logo: null });
    const without = renderBlocks([{ kind: 'text', text: 'المجموع', align: 'right' }], { logo: null });
    // The Latin part adds ink roughly like the same text drawn alone.
    const latinAlone = renderBlocks([{ kind: 'text', text: '27.75 SAR', align: 'left' }], { logo: null });
    const added = withDigits.blackPixels() - without.blackPixels();
    expect(added).toBeGreaterThan(latinAlone.blackPixels() * 0.9);
    expect(added).toBeLessThan(latinAlone.blackPixels() * 1.1);
  });

  it('wraps long lines instead of clipping them', () => {
    const text = 'عصير المراعي برتقال طازج بدون سكر مضاف عبوة عائلية كبيرة 1.75 لتر';
    const one = renderBlocks([{ kind: 'text', text: 'عصير', align: 'right' }], { width: 384 });
    const wrapped = renderBlocks([{ kind: 'text', text, align: 'right' }], { width: 384 });
    const lineHeight = one.height - 8; // 4 dots of white above and below the content
    expect(wrapped.height - 8).toBeGreaterThanOrEqual(2 * lineHeight);
    expect((wrapped.height - 8) % lineHeight).toBe(0);
  });

  it('draws QR modules as exact squares', () => {
    const qr = renderBlocks([{ kind: 'qr', data: 'AQVTYWxsYQ==', moduleDots: 4 }]);
    // Finder pattern: the top-left corner of the symbol is a solid 7×7-module square outline.
    let top = 0;
    while (!qr.data.slice(top * 72, top * 72 + 72).some((b) => b !== 0)) top++;
    let left = 0;
    while (!qr.get(left, top)) left++;
    for (let i = 0; i < 28; i++) expect(qr.get(left + i, top)).toBe(true);
    expect(qr.get(left + 28, top)).toBe(false);
  });

  it('puts the ZATCA QR into the receipt dot for dot as the encoder made it', () => {
    const data = 'AQVTYWxsYQIKMTIzNDU2Nzg5MQMUMjAyMS0wNy0xMlQxNDoyNTowOVoEBjEwMC4wMAUFMTUuMDA=';
    const receipt = renderBlocks([{ kind: 'text', text: 'رأس', align: 'center' }, { kind: 'qr', data, moduleDots: 5 }]);
    const expected = qrBitmap(qrMatrix(data), 5);
    const x0 = Math.round((576 - expected.width) / 2);
    let y0 = receipt.height - 1;
    while (y0 > 0 && !receipt.get(x0, y0)) y0--; // the bottom-left finder pattern ends the symbol in column x0
    const top = y0 - expected.height + 1;
    const region = new MonoBitmap(expected.width, expected.height);
    for (let y = 0; y < expected.height; y++) for (let x = 0; x < expected.width; x++) region.set(x, y, receipt.get(x0 + x, top + y));
    expect(region.diffCount(expected)).toBe(0);
  });

  it('PNG round trip is lossless and 1-bit', () => {
    const b = renderBlocks([{ kind: 'text', text: 'نقطة Nuqta ١٢٣', align: 'center', invert: true }], { width: 384 });
    const png = encodeMonoPng(b);
    expect(png.readUInt8(24)).toBe(1); // bit depth
    expect(png.readUInt8(25)).toBe(0); // grayscale
    const back = decodeMonoPng(png);
    expect(MonoBitmap.from(back).diffCount(b)).toBe(0);
  });
});

describe('text stamps (text drawn once, then copied)', () => {
  it('a receipt copied from stamps has the dots of one drawn afresh, wherever its lines land', () => {
    const blocks = (shift: number) => [
      { kind: 'space' as const, dots: shift },
      { kind: 'text' as const, text: 'حليب طازج ٢ × ٥٫٥٠', align: 'right' as const, size: 'large' as const, bold: true },
      { kind: 'pair' as const, label: 'المجموع', labelEn: 'Total', value: '11.00' },
      { kind: 'text' as const, text: 'Fresh milk 2 × 5.50', align: 'left' as const, size: 'normal' as const },
    ];
    for (const shift of [0, 3, 13]) {
      forgetStamps();
      const fresh = renderBlocks(blocks(shift), { width: 576 });
      // Stamps made at another height (shift 7) and then reused at this one.
      forgetStamps();
      renderBlocks(blocks(7), { width: 576 });
      const stamped = renderBlocks(blocks(shift), { width: 576 });
      expect(stamped.blackPixels()).toBeGreaterThan(1000);
      expect(stamped.diffCount(fresh)).toBe(0);
    }
  });

  it('orBits sets the dots of a byte-wide stamp at any dot, clipped at the edges, and clears none', () => {
    const stamp = new MonoBitmap(16, 2, Uint8Array.from([0xff, 0x81, 0x00, 0x01]));
    const target = new MonoBitmap(24, 3);
    target.set(0, 0, true);
    target.orBits(stamp, 3, 1);
    const row = (y: number) => Array.from({ length: 24 }, (_, x) => (target.get(x, y) ? '#' : '.')).join('');
    expect([row(0), row(1), row(2)]).toEqual(['#.......................', '...#########......#.....', '..................#.....']);
    target.orBits(stamp, -4, 2); // off the left edge: only what lands inside
    expect(row(2)).toEqual('#####......#......#.....');
  });
});
