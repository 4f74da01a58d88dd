// The CD5220 pole display: exact bytes, the 20-column ASCII text rules, and the driver talking to the
// virtual pole through a real pseudo-terminal (socat), as it would to a pole on a serial port.
import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import {
  asciiFold,
  createPoleDisplay,
  createSerialPoleTransport,
  formatSar,
  twoColumns,
  writeLine,
  PoleDisplayError,
} from '../../main/devices/pole-display';
import { createPoleSim, startPoleSimPty, type PoleSim } from '../../main/sim/pole-display';
import { until } from './support/printers';

const hasSocat = (() => {
  try {
    execFileSync('socat', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('CD5220 commands and text', () => {
  it('writes whole 20-column lines with ESC Q A / ESC Q B … CR', () => {
    expect(hex(writeLine('upper', 'MILK'))).toBe(`1b5141${Buffer.from('MILK'.padEnd(20)).toString('hex')}0d`);
    expect(hex(writeLine('lower', 'x'.repeat(30)).subarray(0, 3))).toBe('1b5142');
    expect(writeLine('lower', 'x'.repeat(30))).toHaveLength(24);
    expect(() => writeLine('upper', 'حليب')).toThrow(RangeError);
  });

  it('folds names to ASCII without transliterating, and formats SAR amounts', () => {
    expect(asciiFold('  Crème Brûlée  ')).toBe('Creme Brulee');
    expect(asciiFold('Pepsi 330ml × 6')).toBe('Pepsi 330ml x 6');
    expect(asciiFold('حليب المراعي')).toBe('');
    expect(asciiFold('Café\tau lait')).toBe('Cafe au lait');
    expect(formatSar(1250)).toBe('SAR 12.50');
    expect(formatSar(5)).toBe('SAR 0.05');
    expect(formatSar(-300)).toBe('SAR -3.00');
    expect(formatSar(12_345_600)).toBe('SAR 123456.00');
    expect(() => formatSar(1.5)).toThrow(RangeError);
    expect(twoColumns('Almarai Fresh Milk 1L', 'SAR 6.50')).toBe('Almarai Fre SAR 6.50');
    expect(twoColumns('Almarai Fresh Milk 1L', 'SAR 6.50')).toHaveLength(20);
  });

  it('the virtual pole decodes line writes, clear, init and cursor text, even split across reads', () => {
    const sim = createPoleSim();
    const bytes = Buffer.concat([Buffer.from([0x1b, 0x40]), writeLine('upper', 'HELLO'), writeLine('lower', 'WORLD')]);
    for (const b of bytes) sim.feed(Uint8Array.of(b));
    expect(sim.lines()).toEqual(['HELLO'.padEnd(20), 'WORLD'.padEnd(20)]);
    sim.feed(Uint8Array.of(0x0c));
    expect(sim.lines()).toEqual([' '.repeat(20), ' '.repeat(20)]);
    sim.feed(Uint8Array.from([0x1b, 0x6c, 3, 2, ...Buffer.from('AB')]));
    expect(sim.lines()[1]).toBe('  AB'.padEnd(20));
  });
});

describe.skipIf(!hasSocat && !process.env.CI)('pole display over a socat pty', () => {
  async function pole(): Promise<{ sim: PoleSim; display: ReturnType<typeof createPoleDisplay>; path: string }> {
    const sim = createPoleSim();
    const pty = await startPoleSimPty(sim);
    const display = createPoleDisplay({ transport: createSerialPoleTransport({ path: pty.path, baudRate: 9600 }) });
    cleanups.push(() => pty.close(), () => display.close());
    return { sim, display, path: pty.path };
  }

  it('shows the item and its price, the total, then THANK YOU, then clears', async () => {
    const { sim, display } = await pole();
    await display.showLine('Almarai Fresh Milk 1L', 650);
    await display.showTotal(3425);
    await until(() => sim.lines()[1].includes('3425') || sim.lines()[1].includes('34.25'), 3000, 'the total');
    expect(sim.lines()).toEqual(['Almarai Fre SAR 6.50', 'TOTAL      SAR 34.25']);

    // An Arabic-only name has nothing to show on an ASCII pole: a neutral word, never a transliteration.
    await display.showLine('قهوة عربية', 1350);
    await until(() => sim.lines()[0].startsWith('ITEM'), 3000, 'the second line');
    expect(sim.lines()[0]).toBe('ITEM       SAR 13.50');

    await display.thankYou();
    await until(() => sim.lines()[0].includes('THANK YOU'), 3000, 'thank you');
    expect(sim.lines()).toEqual(['     THANK YOU      ', ' '.repeat(20)]);

    await display.clear();
    await until(() => sim.lines()[0].trim() === '', 3000, 'clear');
  });

  it('a missing pole rejects with a bilingual error; the sale does not care', async () => {
    const display = createPoleDisplay({ transport: createSerialPoleTransport({ path: '/nonexistent/pole', baudRate: 9600 }) });
    cleanups.push(() => display.close());
    const e = await display.showTotal(100).then(
      () => null,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(PoleDisplayError);
    expect((e as PoleDisplayError).toData()).toMatchObject({ code: 'POLE_DISPLAY_NOT_FOUND', message_ar: expect.stringMatching(/[\u0600-\u06ff]/) });
  });
});
