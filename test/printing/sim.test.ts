import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPrinterSim, decodeOne, StreamDecoder } from '../../main/sim/printer';
import { encodeImageJob } from '../../main/printing/escpos';
import { profileByName } from '../../main/printing/profiles';
import { MonoBitmap } from '../../main/printing/render';
import { concat } from './helpers';
import { benchReceipt } from './bench-receipt';

function checker(w: number, h: number): MonoBitmap {
  const b = new MonoBitmap(w, h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) if (((x >> 3) + (y >> 3)) % 2 === 0) b.set(x, y, true);
  return b;
}

describe('virtual printer decoder', () => {
  it('decodes a job fed one byte at a time exactly as in one chunk', () => {
    const bytes = concat(encodeImageJob(checker(576, 300), profileByName('epson-tm-t88'), { drawer: true }).chunks);
    const whole = createPrinterSim();
    whole.feed(bytes);
    const trickle = createPrinterSim();
    for (const b of bytes) trickle.feed(Uint8Array.of(b));
    expect(trickle.commands).toEqual(whole.commands);
    expect(trickle.receipts[0]!.image.diffCount(whole.receipts[0]!.image)).toBe(0);
    expect(whole.receipts[0]).toMatchObject({ cut: 'partial', drawerKicks: 1 });
  });

  it('waits for the rest of a split command', () => {
    expect(decodeOne(Uint8Array.of(0x1b, 0x70, 0x00), 0)).toBe('more');
    expect(decodeOne(Uint8Array.of(0x1d, 0x76, 0x30, 0, 1, 0, 2, 0, 0xff), 0)).toBe('more');
    const d = new StreamDecoder();
    expect(d.push(Uint8Array.of(0x10, 0x04))).toEqual([]);
    expect(d.push(Uint8Array.of(0x04)).map((x) => x.command)).toEqual([{ kind: 'status-request', n: 4 }]);
  });

  it('answers DLE EOT while offline, holds print data, prints it when back online', () => {
    const sim = createPrinterSim();
    const replies: number[] = [];
    const reply = (b: Uint8Array) => replies.push(...b);
    sim.setStatus({ paperOut: true });
    sim.feed(concat(encodeImageJob(checker(576, 40), profileByName('epson-tm-t88')).chunks), reply);
    sim.feed(Uint8Array.of(0x10, 0x04, 0x04, 0x10, 0x04, 0x01), reply);
    expect(replies).toEqual([0x7e, 0x1a]); // paper out (0x60 | near end 0x0c | fixed 0x12), offline
    expect(sim.receipts).toHaveLength(0);
    expect(sim.backlog()).toBeGreaterThan(72 * 40);
    sim.setStatus({ paperOut: false });
    expect(sim.receipts).toHaveLength(1);
    expect(sim.backlog()).toBe(0);
  });

  it('places GS v 0 at the GS L margin, also one that is not a whole byte, until ESC @', () => {
    const sim = createPrinterSim({ widthDots: 384 });
    // GS L 12, one 1-byte row of 8 dots; GS L 376, a 2-byte row (clipped at the paper edge); ESC @ (margin 0), a row; ESC J 2; cut.
    sim.feed(Uint8Array.of(0x1d, 0x4c, 12, 0, 0x1d, 0x76, 0x30, 0, 1, 0, 1, 0, 0xff, 0x1d, 0x4c, 0x78, 0x01, 0x1d, 0x76, 0x30, 0, 2, 0, 1, 0, 0xff, 0xff));
    sim.feed(Uint8Array.of(0x1b, 0x40, 0x1d, 0x76, 0x30, 0, 1, 0, 1, 0, 0x81, 0x1b, 0x4a, 2, 0x1d, 0x56, 0x01));
    const image = sim.receipts[0]!.image;
    const dots = (y: number) => Array.from({ length: 384 }, (_, x) => x).filter((x) => image.get(x, y));
    expect(image.height).toBe(5);
    expect(dots(0)).toEqual([12, 13, 14, 15, 16, 17, 18, 19]);
    expect(dots(1)).toEqual([376, 377, 378, 379, 380, 381, 382, 383]);
    expect(dots(2)).toEqual([0, 7]);
    expect(dots(3)).toEqual([]);
  });

  it('skips commands it does not print (alignment, fonts, GS ( blocks) without losing sync', () => {
    const sim = createPrinterSim();
    sim.feed(Uint8Array.of(0x1b, 0x40, 0x1b, 0x61, 0x01, 0x1d, 0x28, 0x4c, 0x02, 0x00, 0x30, 0x32, 0x1b, 0x21, 0x00, 0x1d, 0x56, 0x01));
    expect(sim.commands.map((c) => c.kind)).toEqual(['init', 'ignored', 'ignored', 'ignored', 'cut']);
  });
});

describe('virtual printer output', () => {
  it('writes each torn-off receipt as a PNG for the preview', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nuqta-sim-out-'));
    const sim = createPrinterSim({ outputDir: dir });
    const seen: number[] = [];
    sim.on('receipt', (r) => seen.push(r.seq));
    sim.feed(concat(encodeImageJob(checker(576, 30), profileByName('generic-80')).chunks));
    expect(seen).toEqual([1]);
    const png = fs.readFileSync(path.join(dir, 'receipt-0001.png'));
    expect(MonoBitmap.fromPng(png).diffCount(sim.receipts[0]!.image)).toBe(0);
  });
});

describe('bench helper', () => {
  it('returns timings, byte counts and transfer times', () => {
    const r = benchReceipt(2, { lines: 5 });
    expect(r.runs).toBe(2);
    expect(r.profile).toBe('epson-tm-t88');
    // Blank rows fed, bands only as wide as their ink: under the left-edge encoding, far under the full-width raster.
    expect(r.bytes).toBeGreaterThan(0);
    expect(r.bytes).toBeLessThan(r.bytesWithoutMarginOrFeed);
    expect(r.bytesWithoutMarginOrFeed).toBeLessThan(r.bytesFullWidth);
    expect(r.bytesFullWidth).toBeGreaterThan(72 * r.imageHeight);
    expect(r.blankRowShare).toBeGreaterThan(0);
    // Shorter bands for status watching cost a few headers more or less (band plans differ), not a different size.
    expect(Math.abs(r.bytesWatched - r.bytes)).toBeLessThan(r.bytes * 0.05);
    expect(r.transferSeconds.serial9600).toBeCloseTo((r.bytes * 10) / 9600, 2);
    expect(r.transferSeconds.serial115200).toBeCloseTo((r.bytes * 10) / 115200, 2);
    expect(r.transferSecondsFullWidth.serial38400).toBeCloseTo((r.bytesFullWidth * 10) / 38400, 2);
    expect(r.renderMs.n).toBe(2);
  });
});
