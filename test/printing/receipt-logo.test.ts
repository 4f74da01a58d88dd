// The shop's own receipt logo (`receipt.logoFile`), for real: a PNG drawn here with @napi-rs/canvas, set as the
// logo, a cash sale printed over TCP 9100 to the virtual printer, and the raster the printer decoded holds the
// picture — scaled to the paper, centred at the top — where the built-in logo was. A file that cannot be used is
// refused when it is set (checkSettings, `nuqta config set`), and at print time the receipt falls back to the
// built-in logo with a warning in the log: never a failed receipt.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MonoBitmap } from '../../main/printing';
import { LOGO_MAX_HEIGHT_DOTS, rasterShopLogo, ShopLogoError } from '../../main/printing/render/shop-logo';
import { resolveProfile } from '../../main/printing/service';
import { renderJobImage, type JobDocument } from '../../main/printing/service/render-job';
import { createWorkerRenderer, renderAndEncode, type RenderRequest } from '../../main/printing/worker';
import { checkSettings, DEMO_SETTINGS, type TillSettings } from '../../main/settings';
import { ITEMS, startPrintTill, type PrintTill } from '../devices/support/print-till';
import { fromDataUrl, tcpPrinter, top, type TcpPrinter } from '../devices/support/printers';
import { bundles, ensureMainBuilt } from '../support/build';
import { tempDir } from '../support/tmp';
import { concat, hex } from './helpers';
import { ensurePrintWorkerBuilt } from './worker-build';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

const RECEIPT: JobDocument = { kind: 'receipt', copy: 'original', intentId: null, mayHavePrinted: false };
/** Where the renderer starts the first block (the logo): 4 dots down. */
const TOP = 4;

function folder(): string {
  const tmp = tempDir('nuqta-logo-', { verifyLedger: false });
  cleanups.push(() => tmp.cleanup());
  return tmp.dir;
}

/** A `size`-pixel black square with a white square hole in the middle (from 40 % to 60 %), as PNG or JPEG. */
function squareLogo(dir: string, name: string, size = 100, format: 'png' | 'jpeg' = 'png'): string {
  const canvas = createCanvas(size, size);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#000';
  ctx.fillRect(0, 0, size, size);
  ctx.fillStyle = '#fff';
  ctx.fillRect(size * 0.4, size * 0.4, size * 0.2, size * 0.2);
  const file = path.join(dir, name);
  fs.writeFileSync(file, format === 'png' ? canvas.toBuffer('image/png') : canvas.toBuffer('image/jpeg', 95));
  return file;
}

async function printingTill(log: string[] = []): Promise<{ till: PrintTill; printer: TcpPrinter }> {
  const printer = await tcpPrinter();
  const till = await startPrintTill({ printer: printer.settings, log: { warn: (m) => void log.push(m) } });
  cleanups.push(() => printer.close());
  cleanups.push(() => till.close());
  return { till, printer };
}

const withLogo = (settings: TillSettings, logoFile: string | null): TillSettings => ({ ...settings, receipt: { ...settings.receipt, logoFile } });

/** Sells, prints, and returns the bitmap the printer decoded with the receipt it belongs to. */
async function printSale(till: PrintTill, printer: TcpPrinter): Promise<{ image: MonoBitmap; receiptNo: string }> {
  const sale = await till.sellCash(ITEMS.milk);
  await till.service.idle();
  expect(till.service.list()[0]).toMatchObject({ receiptNo: sale.receipt.receiptNo, state: 'printed', error: null });
  return { image: printer.sim.receipts.at(-1)!.image, receiptNo: sale.receipt.receiptNo };
}

const black = (image: MonoBitmap, x0: number, y0: number, w: number, h: number): number => {
  let n = 0;
  for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) if (image.get(x, y)) n++;
  return n;
};

describe("the shop's own receipt logo", () => {
  it('prints a PNG drawn here: scaled to the paper, centred at the top of the raster the printer got', async () => {
    const dir = folder();
    const file = squareLogo(dir, 'logo.png');
    const { till, printer } = await printingTill();
    const checked = checkSettings(withLogo(till.settings.get(), file));
    expect(checked.ok).toBe(true);
    till.settings.update({ receipt: withLogo(till.settings.get(), file).receipt });
    const { image, receiptNo } = await printSale(till, printer);

    // 100 × 100 pixels → 200 × 200 dots (the height bound; 576 dots of width would allow more), centred: a black
    // square with its white hole (dots 80-120 each way). A dot or two of the edges may go either way in scaling.
    const side = LOGO_MAX_HEIGHT_DOTS;
    const x0 = (576 - side) / 2;
    expect(black(image, x0, TOP, side, side)).toBeGreaterThan(side * side - 44 * 44);
    expect(black(image, x0 + 83, TOP + 83, 34, 34)).toBe(0); // the hole
    expect(black(image, x0 + 4, TOP + 4, 72, 72)).toBe(72 * 72); // a corner of the frame
    expect(black(image, x0 + side - 76, TOP + side - 76, 72, 72)).toBe(72 * 72); // the opposite one
    expect(black(image, 0, TOP, x0 - 2, side)).toBe(0); // nothing beside it: left …
    expect(black(image, x0 + side + 2, TOP, 576 - x0 - side - 2, side)).toBe(0); // … and right
    expect(black(image, 0, 0, 576, TOP)).toBe(0);

    // Exactly the receipt rendered with that logo; the built-in one is gone; the preview shows what was printed.
    const receipt = till.checkout.receipt(receiptNo);
    const logo = await rasterShopLogo(file, 576);
    expect([logo.width, logo.height]).toEqual([side, side]);
    const expected = renderJobImage(RECEIPT, receipt, till.settings.get(), 576, logo);
    expect(top(image, expected.height).diffCount(expected)).toBe(0);
    const builtIn = renderJobImage(RECEIPT, receipt, till.settings.get(), 576);
    expect(top(image, builtIn.height).diffCount(builtIn)).toBeGreaterThan(1000);
    const preview = fromDataUrl((await till.service.receiptImage(receiptNo)).png);
    expect(preview.diffCount(expected)).toBe(0);
  });

  it('keeps the proportions: a JPEG wider than the paper fits its width, a tall one the 200-dot bound; 58 mm too', async () => {
    const dir = folder();
    const wide = path.join(dir, 'wide.jpg');
    const canvas = createCanvas(1152, 100);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#000';
    ctx.fillRect(0, 0, 1152, 100);
    fs.writeFileSync(wide, canvas.toBuffer('image/jpeg', 95));
    const w = await rasterShopLogo(wide, 576);
    expect([w.width, w.height]).toEqual([576, 50]);
    expect(w.blackPixels()).toBe(576 * 50);
    const narrow = await rasterShopLogo(wide, 384);
    expect([narrow.width, narrow.height]).toEqual([384, 33]);

    const tall = await rasterShopLogo(squareLogo(dir, 'tall.png', 30), 576, 90); // a smaller bound, for the rule
    expect([tall.width, tall.height]).toEqual([90, 90]);
    // A transparent background prints as paper.
    const seeThrough = path.join(dir, 'transparent.png');
    const t = createCanvas(100, 50);
    const tctx = t.getContext('2d');
    tctx.fillStyle = '#000';
    tctx.fillRect(0, 0, 50, 50);
    fs.writeFileSync(seeThrough, t.toBuffer('image/png'));
    const half = await rasterShopLogo(seeThrough, 200);
    expect([half.width, half.height]).toEqual([200, 100]);
    expect(black(half, 0, 0, 100, 100)).toBe(100 * 100);
    expect(black(half, 100, 0, 100, 100)).toBe(0);
  });

  it('never fails a receipt over its logo: a file missing, damaged, not a picture or too large prints the built-in logo, and the log says why', async () => {
    const dir = folder();
    const log: string[] = [];
    const { till, printer } = await printingTill(log);
    const damaged = path.join(dir, 'damaged.png');
    const good = fs.readFileSync(squareLogo(dir, 'good.png'));
    fs.writeFileSync(damaged, Buffer.concat([good.subarray(0, 33), Buffer.alloc(200, 0x5a)])); // the header survives
    const notPicture = path.join(dir, 'notes.png');
    fs.writeFileSync(notPicture, 'these are the opening hours, not a logo\n');
    const huge = path.join(dir, 'huge.png');
    fs.writeFileSync(huge, Buffer.concat([good, Buffer.alloc(1024 * 1024)]));
    const cases: Array<[string, RegExp]> = [
      [path.join(dir, 'gone.png'), /there is no file at/],
      [damaged, /cannot be read as a picture/],
      [notPicture, /not a PNG or JPEG picture/],
      [huge, /at most 1 MB/],
    ];
    for (const [file, why] of cases) {
      // Set as the stored value (as if the file changed after it was set: setting it now would be refused).
      till.settings.update({ receipt: withLogo(till.settings.get(), file).receipt });
      const before = log.length;
      const first = await printSale(till, printer);
      await printSale(till, printer); // the same setting and file: no second warning
      const builtIn = renderJobImage(RECEIPT, till.checkout.receipt(first.receiptNo), till.settings.get(), 576);
      expect(top(first.image, builtIn.height).diffCount(builtIn), file).toBe(0);
      expect(log.slice(before), file).toEqual([expect.stringMatching(new RegExp(`receipt logo ${escape(file)}: .*${why.source}.* / .*[\\u0600-\\u06ff].*; printing the built-in logo instead`))]);
    }

    // Put right under the same name: the next receipt carries it (the file is read again when it changes).
    fs.writeFileSync(damaged, good);
    till.settings.update({ receipt: withLogo(till.settings.get(), damaged).receipt });
    const fixed = await printSale(till, printer);
    const expected = renderJobImage(RECEIPT, till.checkout.receipt(fixed.receiptNo), till.settings.get(), 576, await rasterShopLogo(damaged, 576));
    expect(top(fixed.image, expected.height).diffCount(expected)).toBe(0);
  });
});

describe('setting a receipt logo that cannot be printed', () => {
  beforeAll(() => ensureMainBuilt(), 120_000);

  it('is refused at once, in Arabic and English, naming receipt.logoFile (the admin screen and provisioning check the same way)', async () => {
    const dir = folder();
    const png = squareLogo(dir, 'ok.png');
    const jpeg = squareLogo(dir, 'ok.jpg', 90, 'jpeg');
    const notPicture = path.join(dir, 'logo.png');
    fs.writeFileSync(notPicture, 'GIF89a is not welcome either');
    const tooLarge = path.join(dir, 'big.png');
    fs.writeFileSync(tooLarge, Buffer.concat([fs.readFileSync(png), Buffer.alloc(1024 * 1024)]));
    const tooManyPixels = path.join(dir, 'banner.png');
    fs.writeFileSync(tooManyPixels, createCanvas(5000, 10).toBuffer('image/png'));
    const cases: Array<[string, RegExp]> = [
      ['logo.png', /absolute path/],
      [path.join(dir, 'missing.png'), /there is no file at/],
      [dir, /is not a file/],
      [notPicture, /not a PNG or JPEG picture/],
      [tooLarge, /at most 1 MB \(this one is \d+ bytes\)/],
      [tooManyPixels, /at most 4096 × 4096 pixels \(this one is 5000 × 10\)/],
    ];
    for (const [file, why] of cases) {
      const checked = checkSettings(withLogo(DEMO_SETTINGS, file));
      expect(checked.ok, file).toBe(false);
      if (checked.ok) continue;
      expect(checked.errors).toEqual([{ key: 'receipt.logoFile', code: 'logo_file', en: expect.stringMatching(why), ar: expect.stringMatching(/[\u0600-\u06ff]/) }]);
    }
    for (const file of [png, jpeg]) expect(checkSettings(withLogo(DEMO_SETTINGS, file)).ok, file).toBe(true);
    expect(checkSettings(withLogo(DEMO_SETTINGS, null)).ok).toBe(true);

    // `nuqta config set`, the built CLI on a real data folder.
    const data = folder();
    const nuqta = (...args: string[]) => spawnSync(process.execPath, [bundles.cli, ...args, '--data-dir', data], { encoding: 'utf8' });
    const refused = nuqta('config', 'set', 'receipt.logoFile', notPicture);
    expect(refused.status, refused.stderr).toBe(2);
    expect(refused.stderr).toMatch(/receipt\.logoFile: .*not a PNG or JPEG picture \/ .*ليس صورة PNG أو JPEG/);
    const accepted = nuqta('config', 'set', 'receipt.logoFile', png);
    expect(accepted.status, accepted.stderr).toBe(0);
    expect(nuqta('config', 'get', 'receipt.logoFile').stdout).toContain(png);

    // A logo that went missing after it was set blocks nothing else: only a new logo is read from disk.
    fs.rmSync(png);
    const unrelated = nuqta('config', 'set', 'receipt.footerEn', 'Thank you');
    expect(unrelated.status, unrelated.stderr).toBe(0);
    expect(checkSettings(withLogo(DEMO_SETTINGS, png), withLogo(DEMO_SETTINGS, png)).ok).toBe(true);
    expect(checkSettings(withLogo(DEMO_SETTINGS, png), DEMO_SETTINGS).ok).toBe(false);
  }, 60_000);

  it('a ShopLogoError carries both languages', async () => {
    const error = await rasterShopLogo('relative.png', 576).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShopLogoError);
    expect(error).toMatchObject({ en: expect.stringMatching(/absolute path/), ar: expect.stringMatching(/[\u0600-\u06ff]/) });
  });
});

describe('the logo in the print worker (dist/main/print-worker.cjs)', () => {
  beforeAll(() => void ensurePrintWorkerBuilt(), 120_000);

  it('draws the same bytes and preview as the main thread, the logo crossing with the request', async () => {
    const dir = folder();
    const { till, printer } = await printingTill();
    const { receiptNo } = await printSale(till, printer);
    const logo = await rasterShopLogo(squareLogo(dir, 'logo.png'), 576);
    const request: RenderRequest = { doc: RECEIPT, receipt: till.checkout.receipt(receiptNo), settings: till.settings.get(), profile: resolveProfile('epson-tm-t88'), logo };
    const worker = createWorkerRenderer();
    cleanups.push(() => worker.close());
    const local = renderAndEncode(request);
    expect(hex(concat((await worker.render(request)).chunks))).toBe(hex(concat(local.chunks)));
    const preview = await worker.preview({ doc: RECEIPT, receipt: request.receipt, settings: request.settings, widthDots: 576, logo });
    const image = fromDataUrl(preview.png);
    expect(image.diffCount(renderJobImage(RECEIPT, request.receipt, request.settings, 576, logo))).toBe(0);
    expect(black(image, 188, TOP, 200, 200)).toBeGreaterThan(30_000);
  });
});

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
