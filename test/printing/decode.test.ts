// The bytes we send, played back by someone else's parser: npos finds the commands and the GS v 0 bands, a small
// printer model in helpers.ts places them (GS L margin, ESC J feed in GS P units), and a tiny in-repo decoder reads
// ESC *. Every one must give back exactly the bitmap we rendered, dot for dot and row for row.
import { describe, expect, it } from 'vitest';
import { encodeImageJob } from '../../main/printing/escpos';
import { layoutCardSlip, layoutReceipt } from '../../main/printing/layout';
import { bandRowsForStatus, PROFILES, profileByName, type PrinterProfile } from '../../main/printing/profiles';
import { MonoBitmap, renderBlocks } from '../../main/printing/render';
import { decodeEscStar } from './esc-star';
import { concat, EPSON_180, EPSON_203, hex, nposRaster, topRows, type PrinterModel } from './helpers';
import { ADDRESS, arabicReceipt, cardSlip, longArabicReceipt, mixedReceipt, SHOP } from './fixtures';

const receipt = (r = arabicReceipt(), width = 576, cashierName = 'أحمد') =>
  renderBlocks(layoutReceipt({ receipt: r, address: ADDRESS, cashierName, copy: 'original' }), { width });

/** The head each profile family has (Epson TM-T88: 180 dpi; the rest 203 dpi). */
const modelFor = (p: PrinterProfile): PrinterModel => (p.id === 'epson-tm-t88' ? EPSON_180 : EPSON_203);

async function roundTrip(image: MonoBitmap, profile: PrinterProfile, bandRows?: number) {
  const job = encodeImageJob(image, profile, { drawer: true, ...(bandRows ? { bandRows } : {}) });
  const bytes = concat(job.chunks);
  const played = await nposRaster(bytes, profile.widthDots, modelFor(profile));
  return { job, bytes, ...played };
}

describe('decoding what we send', () => {
  it('npos plays our TM-T88 job back to the rendered Arabic receipt (logo, QR), pixel for pixel', async () => {
    const image = receipt();
    expect(image.height).toBeGreaterThan(255); // more than one band
    const { bytes, image: decoded, commands, bands, feeds } = await roundTrip(image, profileByName('epson-tm-t88'));
    expect({ width: decoded.width, height: decoded.height }).toEqual({ width: 576, height: image.height });
    expect(decoded.diffCount(image)).toBe(0);
    expect(commands[0]).toBe('ESC @');
    // Blank runs fed, not sent; bands placed by GS L, some right-aligned (Arabic), none wider than the paper.
    expect(feeds).toBeGreaterThan(5);
    expect(commands).toContain('GS P');
    expect(bands.every((b) => b.height <= 255 && b.left + b.width <= 576)).toBe(true);
    expect(bands.some((b) => b.left >= 288 && b.left + b.width >= 560)).toBe(true); // an Arabic line at the right edge, sent alone
    expect(bytes.length).toBeLessThan((image.height * 576) / 8 / 2);
    expect(commands.slice(-2)).toEqual(['GS V', 'ESC p']);
    // GS L and GS P are back at their defaults before the cut.
    expect(hex(bytes.subarray(bytes.length - 17))).toBe('1d4c00001d5000001d5642001b700019fa');
  });

  it('every raster profile, 80 and 58 mm, Arabic and mixed English receipts and a card slip, status-sized bands too', async () => {
    const slip = renderBlocks(layoutCardSlip({ slip: cardSlip(), shop: SHOP, copy: 'customer' }), { width: 576 });
    const images = new Map<number, MonoBitmap[]>([
      [576, [receipt(), receipt(mixedReceipt(), 576, 'Sara'), slip]],
      [384, [receipt(arabicReceipt(), 384), receipt(mixedReceipt(), 384, 'Sara')]],
    ]);
    let checked = 0;
    for (const profile of PROFILES.filter((p) => p.image === 'raster')) {
      for (const image of images.get(profile.widthDots)!) {
        for (const bandRows of [undefined, bandRowsForStatus(profile)]) {
          const { image: decoded, job } = await roundTrip(image, profile, bandRows);
          expect(decoded.height, profile.id).toBe(image.height);
          expect(decoded.diffCount(image), profile.id).toBe(0);
          if (bandRows) expect(Math.max(...job.chunks.map((c) => c.length)), profile.id).toBeLessThanOrEqual(profile.receiveBufferBytes);
          checked++;
        }
      }
    }
    expect(checked).toBe((6 * 3 + 2 * 2) * 2); // 6 raster profiles at 80 mm × 3 images, 2 at 58 mm × 2, each with 2 band sizes
  });

  it('a profile without GS L and ESC J: bands from the left edge, blank rows one byte wide, same paper', async () => {
    const plain: PrinterProfile = { ...profileByName('generic-80'), leftMargin: false, feedDpi: null };
    const image = receipt(mixedReceipt(), 576, 'Sara');
    const { image: decoded, commands, bands, feeds } = await roundTrip(image, plain);
    expect(decoded.diffCount(image)).toBe(0);
    expect(decoded.height).toBe(image.height);
    expect(feeds).toBe(0);
    expect(commands).not.toContain('GS L');
    expect(commands).not.toContain('GS P');
    expect(bands.every((b) => b.left === 0)).toBe(true);
    expect(bands.some((b) => b.width === 8)).toBe(true);
  });

  it('a 40-line Arabic receipt on a TM-T88 and on 58 mm is under half its full-width raster', async () => {
    for (const [width, id] of [
      [576, 'epson-tm-t88'],
      [384, 'generic-58'],
    ] as const) {
      const image = receipt(longArabicReceipt(40), width);
      const { image: decoded, bytes } = await roundTrip(image, profileByName(id));
      expect(decoded.diffCount(image)).toBe(0);
      expect(bytes.length).toBeLessThan((image.height * width) / 8 / 2);
    }
  });

  it('column mode (ESC * 33) decodes to the rendered bitmap', () => {
    const image = renderBlocks(layoutReceipt({ receipt: arabicReceipt(), address: ADDRESS, cashierName: 'أحمد', copy: 'copy' }));
    const job = encodeImageJob(image, profileByName('legacy-column-80'));
    const bytes = concat(job.chunks);
    expect(hex(bytes.subarray(0, 5))).toBe('1b401b3318');
    expect(hex(bytes.subarray(bytes.length - 6))).toBe('1b64041d5600'); // no feed-cut on this family: feed, full cut
    const decoded = decodeEscStar(bytes, 576);
    expect(decoded.height).toBe(Math.ceil(image.height / 24) * 24);
    expect(topRows(decoded, image.height).diffCount(image)).toBe(0);
    expect(new MonoBitmap(576, decoded.height - image.height, decoded.data.slice(72 * image.height)).blackPixels()).toBe(0);
  });
});
