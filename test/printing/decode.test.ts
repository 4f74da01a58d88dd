// The bytes we send, decoded by someone else's code: npos for GS v 0, a tiny in-repo decoder for ESC *.
// Both must give back exactly the bitmap we rendered.
import { describe, expect, it } from 'vitest';
import { encodeImageJob } from '../../main/printing/escpos';
import { layoutReceipt } from '../../main/printing/layout';
import { profileByName } from '../../main/printing/profiles';
import { MonoBitmap, renderBlocks } from '../../main/printing/render';
import { decodeEscStar } from './esc-star';
import { concat, hex, nposRaster, topRows } from './helpers';
import { ADDRESS, arabicReceipt, mixedReceipt } from './fixtures';

describe('decoding what we send', () => {
  it('npos decodes our GS v 0 bands to the rendered bitmap, pixel for pixel', async () => {
    const image = renderBlocks(layoutReceipt({ receipt: arabicReceipt(), address: ADDRESS, cashierName: 'أحمد', copy: 'original' }));
    expect(image.height).toBeGreaterThan(255); // more than one band
    const job = encodeImageJob(image, profileByName('epson-tm-t88'), { drawer: true });
    const bytes = concat(job.chunks);
    const { image: decoded, commands, bands } = await nposRaster(bytes);
    expect(decoded.width).toBe(576);
    expect(decoded.height).toBe(image.height);
    expect(decoded.diffCount(image)).toBe(0);
    expect(commands[0]).toBe('ESC @');
    // Bands of at most 255 rows, blank runs one byte wide, none wider than the paper; far fewer bytes than rows × 72.
    expect(bands.every((b) => b.height <= 255 && b.width <= 576)).toBe(true);
    expect(bands.some((b) => b.width === 8)).toBe(true);
    expect(bytes.length).toBeLessThan((image.height * 576) / 8);
    expect(commands.slice(-2)).toEqual(['GS V', 'ESC p']);
    expect(hex(bytes.subarray(bytes.length - 9))).toBe('1d5642001b700019fa');
  });

  it('npos decodes a 58 mm receipt too', async () => {
    const image = renderBlocks(layoutReceipt({ receipt: mixedReceipt(), address: ADDRESS, cashierName: 'Sara', copy: 'original' }), { width: 384 });
    const { image: decoded } = await nposRaster(concat(encodeImageJob(image, profileByName('generic-58')).chunks), 384);
    expect(decoded.width).toBe(384);
    expect(decoded.diffCount(image)).toBe(0);
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
