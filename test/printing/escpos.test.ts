import { describe, expect, it } from 'vitest';
import {
  blockingProblems,
  columnStrips,
  cut,
  decodeStatus,
  DEFAULT_PULSE,
  drawerPulse,
  encodeImageJob,
  encodeStatus,
  feedAndCut,
  INIT,
  isStatusByte,
  rasterBands,
  statusRequest,
  STATUS_OK,
} from '../../main/printing/escpos';
import { profileByName, PROFILES } from '../../main/printing/profiles';
import { MonoBitmap } from '../../main/printing/render/bitmap';
import { decodeEscStar } from './esc-star';
import { hex } from './helpers';

describe('ESC/POS control bytes', () => {
  it('init, cuts and the drawer pulse are exact', () => {
    expect(hex(INIT)).toBe('1b40');
    expect(hex(cut('partial'))).toBe('1d5601');
    expect(hex(cut('full'))).toBe('1d5600');
    expect(hex(feedAndCut('partial', 16))).toBe('1d564210');
    expect(hex(feedAndCut('full', 0))).toBe('1d564100');
    expect(hex(drawerPulse())).toBe('1b700019fa');
    expect(drawerPulse(DEFAULT_PULSE)).toHaveLength(5);
    expect(hex(drawerPulse({ pin: 1, onUnits: 50, offUnits: 250 }))).toBe('1b700132fa');
    expect(() => drawerPulse({ pin: 0, onUnits: 0, offUnits: 250 })).toThrow(RangeError);
  });

  it('asks DLE EOT 1-4', () => {
    expect(hex(statusRequest(1))).toBe('100401');
    expect(hex(statusRequest(4))).toBe('100404');
  });
});

describe('status bytes', () => {
  it('decodes the documented bits', () => {
    expect(decodeStatus({ printer: 0x12, offlineCause: 0x12, errorCause: 0x12, paper: 0x12 })).toEqual(STATUS_OK);
    expect(decodeStatus({ printer: 0x1a }).online).toBe(false);
    expect(decodeStatus({ printer: 0x16 }).drawerPin3High).toBe(true);
    expect(decodeStatus({ offlineCause: 0x16 }).coverOpen).toBe(true);
    expect(decodeStatus({ offlineCause: 0x32 }).paperOut).toBe(true);
    expect(decodeStatus({ offlineCause: 0x52 }).error).toBe(true);
    expect(decodeStatus({ paper: 0x1e })).toMatchObject({ paperNearEnd: true, paperOut: false });
    expect(decodeStatus({ paper: 0x7e })).toMatchObject({ paperNearEnd: true, paperOut: true });
  });

  it('round-trips through the simulator encoding and names blocking problems', () => {
    const states = [
      { ...STATUS_OK, paperOut: true },
      { ...STATUS_OK, coverOpen: true },
      { ...STATUS_OK, online: false },
      { ...STATUS_OK, paperNearEnd: true },
      { ...STATUS_OK, error: true },
    ];
    for (const s of states) {
      const bytes = encodeStatus(s);
      for (const b of Object.values(bytes)) expect(isStatusByte(b)).toBe(true);
      const back = decodeStatus(bytes);
      expect(back.paperOut).toBe(s.paperOut);
      expect(back.coverOpen).toBe(s.coverOpen);
      expect(back.paperNearEnd).toBe(s.paperNearEnd || s.paperOut);
      expect(back.error).toBe(s.error);
    }
    expect(blockingProblems({ ...STATUS_OK, paperOut: true, online: false })).toEqual(['paper_out']);
    expect(blockingProblems({ ...STATUS_OK, online: false })).toEqual(['offline']);
    expect(blockingProblems({ ...STATUS_OK, paperNearEnd: true })).toEqual([]);
    expect(isStatusByte(0x00)).toBe(false);
  });
});

function pattern(width: number, height: number): MonoBitmap {
  const b = new MonoBitmap(width, height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) if ((x * 7 + y * 13) % 11 < 4 || x === y) b.set(x, y, true);
  return b;
}

describe('images', () => {
  it('sends GS v 0 in bands of at most 255 rows', () => {
    const img = pattern(576, 600);
    const bands = rasterBands(img);
    expect(bands.map((b) => hex(b.subarray(0, 8)))).toEqual(['1d7630004800ff00', '1d7630004800ff00', '1d76300048005a00']);
    expect(bands.reduce((n, b) => n + b.length - 8, 0)).toBe(72 * 600);
    expect(hex(rasterBands(pattern(384, 10))[0]!.subarray(0, 8))).toBe('1d76300030000a00');
  });

  it('blank rows become ESC J feed after GS P 0 dpi, ink is sent only where it is and placed with GS L', () => {
    // 3 blank rows, 2 rows inked in bytes 70-71 only (right edge), 300 blank rows, 1 row inked in byte 2.
    const img = new MonoBitmap(576, 306);
    img.fillRect(560, 3, 16, 2);
    img.fillRect(16, 305, 1, 1);
    const bytes = Buffer.concat(rasterBands(img, { leftMargin: true, feedDpi: 203 }));
    expect(hex(bytes)).toBe(
      [
        '1d5000cb', // GS P 0 203: one vertical motion unit = one dot row
        '1b4a03', // ESC J 3
        '1d4c3002', // GS L 560
        '1d76300002000200ffffffff', // 2 bytes × 2 rows
        '1b4aff1b4a2d', // ESC J 255 + 45
        '1d4c1000', // GS L 16
        '1d763000010001008' + '0',
        '1d4c0000', // margin back to 0
        '1d500000', // default motion units
      ].join(''),
    );
    // Without GS L / ESC J (a model whose units are unknown): left edge, right trim, blank rows one byte wide.
    const plain = Buffer.concat(rasterBands(img, { bandRows: 255 }));
    expect(hex(plain)).toBe(
      [
        '1d76300001000300' + '000000',
        '1d7630004800020' + '0' + '00'.repeat(70) + 'ffff' + '00'.repeat(70) + 'ffff',
        '1d7630000100ff00' + '00'.repeat(255),
        '1d76300001002d00' + '00'.repeat(45),
        '1d7630000300010000' + '0080',
      ].join(''),
    );
  });

  it('packs bands into chunks no bigger than one full-width band, so status can be read between them', () => {
    const img = new MonoBitmap(576, 2000);
    for (let y = 0; y < 2000; y += 3) img.fillRect(8 * (y % 60), y, 8, 1); // a staircase: many small bands
    const chunks = rasterBands(img, { bandRows: 56, leftMargin: true, feedDpi: 180 });
    expect(chunks.length).toBeGreaterThan(2);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThanOrEqual(56 * 72 + 12);
  });

  it('ESC * mode 33 strips decode back to the same pixels', () => {
    const img = pattern(384, 50); // not a multiple of 24: the last strip is padded with white
    const parts = columnStrips(img);
    expect(hex(parts[0]!)).toBe('1b3318'); // 24-dot line spacing
    expect(hex(parts[1]!.subarray(0, 5))).toBe('1b2a218001');
    expect(parts[1]![parts[1]!.length - 1]).toBe(0x0a);
    expect(hex(parts[parts.length - 1]!)).toBe('1b32');
    const all = Buffer.concat(parts);
    const back = decodeEscStar(all, 384);
    expect(back.height).toBe(72);
    const top = new MonoBitmap(384, 50, back.data.slice(0, 48 * 50));
    expect(top.diffCount(img)).toBe(0);
    expect(new MonoBitmap(384, 22, back.data.slice(48 * 50)).blackPixels()).toBe(0);
  });
});

describe('jobs and profiles', () => {
  it('init, image, feed-and-cut, drawer in that order', () => {
    const job = encodeImageJob(pattern(576, 40), profileByName('epson-tm-t88'), { drawer: true });
    expect(hex(job.chunks[0]!)).toBe('1b40');
    expect(hex(job.chunks[1]!.subarray(0, 3))).toBe('1d7630');
    expect(hex(job.chunks[2]!)).toBe('1d564200');
    expect(hex(job.chunks[3]!)).toBe('1b700019fa');
    expect(job.byteLength).toBe(2 + 8 + 72 * 40 + 4 + 5);
  });

  it('printers without feed-cut get ESC d then GS V 1; no cutter gets only a feed', () => {
    const generic = encodeImageJob(pattern(576, 8), profileByName('generic-80'));
    expect(hex(generic.chunks[generic.chunks.length - 1]!)).toBe('1b6404' + '1d5601');
    const full = encodeImageJob(pattern(576, 8), profileByName('generic-80'), { cut: 'full' });
    expect(hex(full.chunks[full.chunks.length - 1]!)).toBe('1b64041d5600');
    const tear = encodeImageJob(pattern(384, 8), profileByName('generic-58'));
    expect(hex(tear.chunks[tear.chunks.length - 1]!)).toBe('1b6404');
    expect(() => encodeImageJob(pattern(576, 8), profileByName('generic-58'))).toThrow(/384/);
  });

  it('picks profiles by id or model name', () => {
    expect(profileByName('EPSON TM-T88V').id).toBe('epson-tm-t88');
    expect(profileByName('TM-T20II').id).toBe('epson-tm-t20');
    expect(profileByName('XP-58IIH').id).toBe('xprinter-58');
    expect(profileByName('legacy-column-80')).toMatchObject({ image: 'column', status: false });
    expect(profileByName('something else').id).toBe('generic-80');
    expect(profileByName(undefined).id).toBe('generic-80');
    for (const p of PROFILES) expect([576, 384]).toContain(p.widthDots);
  });
});
