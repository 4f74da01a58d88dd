// Golden receipts: the rendered bitmap must match the committed PNG exactly (tolerance 0 pixels).
// Regenerate after an intended change with:  UPDATE_GOLDEN=1 npx vitest run test/printing/golden.test.ts
// and look at the PNGs before committing them. A mismatch writes the actual image and a diff to the OS
// temp folder and prints their paths.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { layoutCardSlip, layoutReceipt } from '../../main/printing/layout';
import { MonoBitmap, renderBlocks } from '../../main/printing/render';
import { STRESS_BLOCKS } from './stress-blocks';
import { ADDRESS, arabicReceipt, cardSlip, longArabicReceipt, mixedReceipt, SHOP, stcPayReceipt } from './fixtures';

const GOLDEN_DIR = path.join(__dirname, 'golden');
const update = process.env.UPDATE_GOLDEN === '1';

function expectGolden(name: string, actual: MonoBitmap): void {
  const file = path.join(GOLDEN_DIR, `${name}.png`);
  if (update || !fs.existsSync(file)) {
    if (!update) throw new Error(`golden ${name}.png is missing; run with UPDATE_GOLDEN=1 to create it`);
    fs.mkdirSync(GOLDEN_DIR, { recursive: true });
    fs.writeFileSync(file, actual.toPng());
    return;
  }
  const golden = MonoBitmap.fromPng(fs.readFileSync(file));
  const diff = golden.diffCount(actual);
  if (diff !== 0) {
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), `nuqta-golden-${name}-`));
    fs.writeFileSync(path.join(outDir, 'actual.png'), actual.toPng());
    if (golden.width === actual.width && golden.height === actual.height) {
      const d = new MonoBitmap(golden.width, golden.height, golden.data.map((b, i) => b ^ actual.data[i]!));
      fs.writeFileSync(path.join(outDir, 'diff.png'), d.toPng());
    }
    console.error(`golden ${name}: ${diff} pixels differ (golden ${golden.width}×${golden.height}, actual ${actual.width}×${actual.height}); see ${outDir}`);
  }
  expect({ width: actual.width, height: actual.height }).toEqual({ width: golden.width, height: golden.height });
  expect(diff).toBe(0);
}

describe('golden receipts', () => {
  it('Arabic receipt, 80 mm', () => {
    const blocks = layoutReceipt({ receipt: arabicReceipt(), address: ADDRESS, cashierName: 'أحمد العتيبي', copy: 'original' });
    expectGolden('arabic-receipt-576', renderBlocks(blocks, { width: 576 }));
  });

  it('mixed Arabic/English receipt with card and cash, reprint copy, 80 mm', () => {
    const blocks = layoutReceipt({ receipt: mixedReceipt(), address: ADDRESS, cashierName: 'Sara Al-Harbi', copy: 'copy' });
    expectGolden('mixed-receipt-576', renderBlocks(blocks, { width: 576 }));
  });

  it('mixed receipt, 58 mm', () => {
    const blocks = layoutReceipt({ receipt: mixedReceipt(), address: ADDRESS, cashierName: 'Sara Al-Harbi', copy: 'original' });
    expectGolden('mixed-receipt-384', renderBlocks(blocks, { width: 384 }));
  });

  it('STC Pay and cash receipt (wallet, masked mobile, STCPayRefNum), 80 mm', () => {
    const blocks = layoutReceipt({ receipt: stcPayReceipt(), address: ADDRESS, cashierName: 'Sara Al-Harbi', copy: 'original' });
    expectGolden('stcpay-receipt-576', renderBlocks(blocks, { width: 576 }));
  });

  it('mada card slip, customer copy, 80 mm', () => {
    const blocks = layoutCardSlip({ slip: cardSlip(), shop: SHOP, copy: 'customer' });
    expectGolden('card-slip-576', renderBlocks(blocks, { width: 576 }));
  });

  // Made by the renderer before it drew in strips (issue 13, render speed): the faster renderer must print the
  // same dots, on long receipts (many strips), at 58 mm, in inverted (COPY) banners and on slips.
  it('40-line Arabic receipt, 80 mm and 58 mm', () => {
    const blocks = layoutReceipt({ receipt: longArabicReceipt(40), address: ADDRESS, cashierName: 'أحمد', copy: 'original' });
    expectGolden('long-arabic-receipt-576', renderBlocks(blocks, { width: 576 }));
    expectGolden('long-arabic-receipt-384', renderBlocks(blocks, { width: 384 }));
  });

  it('Arabic reprint copy, 58 mm', () => {
    const blocks = layoutReceipt({ receipt: arabicReceipt(), address: ADDRESS, cashierName: 'أحمد العتيبي', copy: 'copy' });
    expectGolden('arabic-receipt-copy-384', renderBlocks(blocks, { width: 384 }));
  });

  it('marks, ligatures, accents, mixed runs, wrapping and a banner, 80 mm and 58 mm', () => {
    expectGolden('stress-576', renderBlocks(STRESS_BLOCKS, { width: 576 }));
    expectGolden('stress-384', renderBlocks(STRESS_BLOCKS, { width: 384 }));
  });

  it('mada card slip, merchant copy, 58 mm', () => {
    const blocks = layoutCardSlip({ slip: cardSlip(), shop: SHOP, copy: 'merchant' });
    expectGolden('card-slip-merchant-384', renderBlocks(blocks, { width: 384 }));
  });
});
