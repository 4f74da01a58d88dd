// The Z as a PDF: Arabic shaped and right to left, read back by poppler (pdftotext) in logical order — the words
// as typed, the numbers beside their labels — and rendered to an image by pdftoppm.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PeriodReport, ZReport } from '../../preload/contract';
import { PDF_FONT_FILES, zReportPdf } from '../../main/exports/z-pdf';
import { fontsDir } from '../../main/paths';
import { visualRuns } from '../../main/exports/bidi-runs';
import { tempDir } from '../support/tmp';

const scratch = tempDir('nuqta-z-pdf-', { verifyLedger: false });
afterAll(() => scratch.cleanup());
const has = (cmd: string) => spawnSync(cmd, ['-v']).error === undefined;

const report: PeriodReport = {
  tillId: 'T01', afterSeq: 0, uptoSeq: 10, from: '2026-12-05T06:00:00.000Z', to: '2026-12-05T20:00:00.000Z',
  receipts: { count: 3, first: 'T01-000001', last: 'T01-000003' },
  salesHalalas: 123456, voids: { count: 1, halalas: 500 }, returns: { count: 1, halalas: 1000 }, discounts: { count: 2, halalas: 750 }, netHalalas: 122456,
  vat: [{ category: 'S', ratePercent: 15, taxableHalalas: 106483, vatHalalas: 15973 }],
  tenders: [{ kind: 'cash', scheme: null, wallet: null, count: 2, amountHalalas: 100000 }], refunds: [],
  cash: { takenHalalas: 100000, refundedHalalas: 1000 }, shifts: [], shiftOpen: false, paymentsNeedingAttention: [],
  einvoices: { waiting: 0, rejected: 0 }, chainHead: { seq: 10, hash: 'abc' }, lastBackup: null,
  cashiers: [{ cashierId: 'u1', nameAr: 'سارة', nameEn: 'Sara', count: 3, netHalalas: 122456 }],
  reconciliations: [
    {
      settledAt: '2026-12-05T19:00:00Z', terminalInBalance: true, matched: false,
      schemes: [{ scheme: 'MADA', terminal: { purchaseCount: 2, purchaseHalalas: 4700, refundCount: 0, refundHalalas: 0 }, ledger: { purchaseCount: 1, purchaseHalalas: 3500, refundCount: 0, refundHalalas: 0 }, matched: false }],
      differences: [{ kind: 'purchase', scheme: 'mada', amountHalalas: 3500, rrn: '111111111111', documentNo: 'T01-000001', intentId: 'i1' }],
    },
  ],
};
const z: ZReport = { number: 12, zNo: 'T01-Z000012', closedAt: '2026-12-05T20:00:00.000Z', acknowledgedBy: null, report };
const shop = { nameAr: 'بقالة النقطة', nameEn: 'Nuqta Grocery', vatNumber: '300000000000003' };

describe('bidi runs', () => {
  it('puts a number inside Arabic text on the reader\'s side: runs left to right, Arabic kept logical for the shaper', () => {
    expect(visualRuns('الضريبة S 15%').map((r) => r.text)).toEqual(['S 15%', ' ', 'الضريبة']);
    expect(visualRuns('Net').map((r) => [r.text, r.rtl])).toEqual([['Net', false]]);
  });
});

describe('the Z as PDF', () => {
  it('reads its fonts from the app’s bundled resources/fonts, and says which is missing (EXPORT_FONT_MISSING)', async () => {
    expect(fontsDir()).toBe(path.resolve(__dirname, '..', '..', 'resources', 'fonts'));
    const empty = path.join(scratch.dir, 'no-fonts');
    fs.mkdirSync(empty);
    fs.copyFileSync(path.join(fontsDir(), PDF_FONT_FILES.arabic), path.join(empty, PDF_FONT_FILES.arabic));
    let refused: unknown = null;
    try {
      await zReportPdf(z, shop, empty);
    } catch (e) {
      refused = e;
    }
    expect(refused).toMatchObject({ code: 'EXPORT_FONT_MISSING', message: expect.stringContaining(PDF_FONT_FILES.arabicBold) });
    expect(String((refused as Error).message)).not.toContain(PDF_FONT_FILES.arabic + ',');
  });

  it('reads back with the Arabic words and the figures in logical order', async () => {
    // The bundled fonts only: a folder holding nothing but the three TrueType files the app ships.
    const bundled = path.join(scratch.dir, 'fonts-only');
    fs.mkdirSync(bundled);
    for (const f of Object.values(PDF_FONT_FILES)) fs.copyFileSync(path.join(fontsDir(), f), path.join(bundled, f));
    const pdf = await zReportPdf(z, shop, bundled);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const file = path.join(scratch.dir, 'z.pdf');
    fs.writeFileSync(file, pdf);
    if (!has('pdftotext')) {
      console.warn('pdftotext (poppler-utils) is not installed: the PDF was made but not read back');
      return;
    }
    // pdftotext wraps right-to-left segments in embedding marks (U+202B … U+202C): the words are what count.
    const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/[\u202A-\u202E\u2066-\u2069]/g, '');
    const lines = text.split('\n');
    const row = (word: string) => lines.find((l) => l.includes(word)) ?? '';
    // Whole Arabic phrases as typed: letters joined in logical order, the words in reading order, lam-alef
    // ligatures (إغلاق، الإيصالات، الإبلاغ، إلى) read back as their two letters.
    for (const phrase of ['بقالة النقطة', 'الرقم الضريبي', 'إغلاق اليوم', 'رقم التقرير', 'عدد الإيصالات', 'فواتير بانتظار الإبلاغ', 'نقد مسترد', 'إلى']) {
      expect(text).toContain(phrase);
    }
    // Each figure on its label's row, as the report's integers give it: SAR with two decimals, the sign kept.
    expect(row('الصافي')).toMatch(/^1224\.56\s+Net\s/);
    expect(row('الضريبة')).toMatch(/^159\.73\s+VAT S 15%/);
    expect(row('الضريبة')).toContain('S 15%');
    expect(row('نقد مسترد')).toMatch(/^-10\.00\s+Cash refunded/);
    expect(row('رقم التقرير')).toMatch(/^T01-Z000012\s+Z number/);
    expect(row('نقدًا')).toContain('(2)');
    // The cashiers and the terminal's settlement, as on the paper Z: the terminal's figure, the ledger's, the sale.
    expect(row('سارة')).toMatch(/^1224\.56\s+Cashier: Sara \(3\)/);
    expect(row('تسوية الجهاز')).toMatch(/^DIFFERENCE\s+Terminal settlement 2026-12-05T19:00/);
    expect(row('Terminal: MADA')).toMatch(/^47\.00\s+Terminal: MADA \(2\)/);
    expect(row('Ledger: MADA')).toMatch(/^35\.00\s+Ledger: MADA \(1\)/);
    expect(row('RRN 111111111111')).toMatch(/^35\.00\s+purchase T01-000001 RRN 111111111111/);
    if (has('pdffonts')) {
      // Embedded (subset) from the bundled files: Noto Sans Arabic in both weights and Noto Sans.
      const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
      for (const name of ['NotoSansArabic-Regular', 'NotoSansArabic-Bold', 'NotoSans-Regular']) expect(fonts).toMatch(new RegExp(`\\+${name}\\s.*\\syes\\s+yes`));
    }
    if (has('pdftoppm')) {
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, path.join(scratch.dir, 'page')]);
      expect(fs.readdirSync(scratch.dir).some((f) => f.startsWith('page') && f.endsWith('.png'))).toBe(true);
    }
  });
});
