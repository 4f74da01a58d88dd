// A Z report as an A4 PDF, Arabic first and right to left, with the English label and the value beside it: the
// figures of main/exports/report-rows.ts. Arabic runs in Noto Sans Arabic and the rest in Noto Sans. Each line is cut
// into bidi runs (./bidi-runs.ts) placed left to right, so numbers inside Arabic text sit where a reader expects.
import fs from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import type { ZReport } from '../../preload/contract';
import { TillError } from '../errors';
import { fontsDir as bundledFontsDir } from '../paths';
import type { Cell } from './csv';
import { reportRows } from './report-rows';
import { visualRuns } from './bidi-runs';

export interface PdfShop {
  nameAr: string;
  nameEn: string;
  vatNumber: string;
}

// pdfkit's font engine cannot subset the receipt's WOFF2 files (fontkit fails on their glyph table), so the PDF
// embeds TrueType files bundled beside them (resources/fonts: Noto Sans Arabic Regular and Bold, Noto Sans
// Regular; OFL), found where the receipts find theirs — never the system's, so every till makes the same PDF. The
// Latin runs of a bold line (a figure inside an Arabic label) are set in the regular weight: Noto Sans Bold would
// add half a megabyte to the package for a few digits.
export const PDF_FONT_FILES = {
  arabic: 'NotoSansArabic-Regular.ttf',
  arabicBold: 'NotoSansArabic-Bold.ttf',
  latin: 'NotoSans-Regular.ttf',
} as const;

function pdfFonts(dir: string): Record<keyof typeof PDF_FONT_FILES, Buffer> {
  const files = Object.entries(PDF_FONT_FILES).map(([name, file]) => [name, path.join(dir, file)] as const);
  const missing = files.filter(([, file]) => !fs.existsSync(file)).map(([, file]) => file);
  if (missing.length > 0) throw new TillError('EXPORT_FONT_MISSING', missing.join(', '));
  return Object.fromEntries(files.map(([name, file]) => [name, fs.readFileSync(file)])) as Record<keyof typeof PDF_FONT_FILES, Buffer>;
}

/** A line with Arabic in it reads right to left; a figure or an English label left to right ("-10.00" keeps its sign). */
const ARABIC = /[\u0600-\u06FF]/;

const cellText = (c: Cell): string => (typeof c === 'string' ? c : c.number);

/** `fontsDir`: where the TrueType files are (default: the app's bundled fonts, main/paths fontsDir). */
export function zReportPdf(z: ZReport, shop: PdfShop, fontsDir: string = bundledFontsDir()): Promise<Buffer> {
  const fonts = pdfFonts(fontsDir);
  const doc = new PDFDocument({ size: 'A4', margin: 48, info: { Title: `Z ${z.zNo}`, Author: shop.nameEn, Creator: 'Nuqta POS' } });
  for (const [name, data] of Object.entries(fonts)) doc.registerFont(name, data);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const left = doc.page.margins.left;
  const right = doc.page.width - doc.page.margins.right;
  // Each Arabic word is drawn on its own, the words placed right to left: pdfkit would lay the words of one string
  // left to right, and a PDF reader finds word gaps where they are drawn.
  const pieces = (text: string, bold: boolean, size: number) =>
    visualRuns(text, ARABIC.test(text) ? 'rtl' : 'ltr').map((r) => {
      const font = r.arabic ? (bold ? 'arabicBold' : 'arabic') : 'latin';
      return { text: r.text, font, width: doc.font(font).fontSize(size).widthOfString(r.text) };
    });
  /** Draws one line of text so that it ends at `x` (align right), starts at it (left) or centres on it. */
  const line = (text: string, x: number, y: number, align: 'left' | 'right' | 'center', size = 10, bold = false) => {
    const all = pieces(text, bold, size);
    const width = all.reduce((w, r) => w + r.width, 0);
    let at = align === 'left' ? x : align === 'right' ? x - width : x - width / 2;
    for (const p of all) {
      // On the baseline: the Arabic and the Latin font have different ascents.
      doc.font(p.font).fontSize(size).text(p.text, at, y, { lineBreak: false, baseline: 'alphabetic' });
      at += p.width;
    }
  };

  const centre = (left + right) / 2;
  let y = doc.page.margins.top + 16;
  line(shop.nameAr, centre, y, 'center', 16, true);
  y += 24;
  line(shop.nameEn, centre, y, 'center', 11);
  y += 16;
  line(`الرقم الضريبي ${shop.vatNumber}`, centre, y, 'center', 9);
  y += 20;
  line('تقرير Z — إغلاق اليوم', centre, y, 'center', 14, true);
  y += 18;
  line('Z report — closing of the day', centre, y, 'center', 10);
  y += 24;
  for (const [ar, en, value] of reportRows(z.report, z)) {
    if (y > doc.page.height - doc.page.margins.bottom - 16) {
      doc.addPage();
      y = doc.page.margins.top + 12;
    }
    line(ar, right, y, 'right', 10, true);
    line(en, centre - 20, y, 'right', 9);
    line(cellText(value), left, y, 'left', 10);
    doc.moveTo(left, y + 6).lineTo(right, y + 6).lineWidth(0.3).strokeColor('#999999').stroke();
    y += 19;
  }
  readLigaturesBackward(doc);
  doc.end();
  return done;
}

/**
 * A lam-alef ligature is one glyph standing for two letters (ل then ا). Text extractors (poppler, pdf.js) read the
 * glyphs of an Arabic line in the order they are drawn — left to right — and reverse the line, the ligature's
 * letters included, so "لا" would come back "ال". Its text is therefore stored in drawing order, which the reversal
 * puts right. pdfkit keeps that text per embedded font (`unicode`, glyph id → code points) until the file ends;
 * test/exports/z-pdf.test.ts reads a ligature back, so a pdfkit that changes this fails there.
 */
function readLigaturesBackward(doc: PDFKit.PDFDocument): void {
  const fonts = (doc as unknown as { _fontFamilies?: Record<string, { unicode?: unknown }> })._fontFamilies ?? {};
  // A font is listed under its registered name and its PostScript name: each object once.
  for (const font of new Set(Object.values(fonts))) {
    if (!Array.isArray(font.unicode)) continue;
    for (const points of font.unicode as unknown[]) {
      if (Array.isArray(points) && points.length > 1 && points.every((p) => typeof p === 'number' && p >= 0x0600 && p <= 0x06ff)) points.reverse();
    }
  }
}
