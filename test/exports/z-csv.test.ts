// The X and Z reports as CSV on a real till: written into the data folder's exports/ under a clear name, UTF-8 with
// a BOM, the Arabic intact, every figure the report's integer halalas as SAR with two decimals; a cell a
// spreadsheet would run as a formula is escaped; a manager's PIN is needed.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { PeriodReport, ZReport } from '../../preload/contract';
import { zReportBlocks } from '../../main/closing';
import { BOM, safeCell, toCsv } from '../../main/exports';
import { REPORT_HEADER, reportRows } from '../../main/exports/report-rows';
import { DEMO, startTestTill, type TestTill } from '../support/till';
import { parseCsv } from './csv-read';

const PIN = '1234';
const closers: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

async function till(): Promise<TestTill> {
  const t = await startTestTill();
  closers.push(() => t.close());
  return t;
}

const sar = (halalas: number) => `${halalas < 0 ? '-' : ''}${Math.floor(Math.abs(halalas) / 100)}.${String(Math.abs(halalas) % 100).padStart(2, '0')}`;
const valueOf = (rows: string[][], en: string) => rows.find((r) => r[1] === en)?.[2];

describe('the Z report as CSV', () => {
  it('writes exports/Z-000001-<day>.csv: BOM, Arabic intact, totals equal to the Z', async () => {
    const t = await till();
    for (const b of [DEMO.milk.barcode, DEMO.bread.barcode]) await t.call('scanBarcode', { barcode: b });
    const coffee = (await t.call('scanBarcode', { barcode: DEMO.coffee.barcode })).lines.find((l) => l.barcode === DEMO.coffee.barcode)!;
    const due = (await t.call('setLineDiscount', { lineId: coffee.lineId, discount: { rule: { kind: 'percent', percent: 10 }, reason: 'promotion' }, managerPin: PIN })).dueHalalas;
    await t.call('tenderCash', { tenderedHalalas: due });
    const { z } = await t.call('closeDay', { managerPin: PIN });
    // 10 % of 27.75, half-up: 2.78 off, on the Z and on its paper.
    expect(z.report.discounts).toEqual({ count: 1, halalas: 278 });
    expect(zReportBlocks(z, { nameAr: 'م', nameEn: 'S', vatNumber: '300000000000003' })).toContainEqual({ kind: 'pair', label: 'الخصومات', labelEn: 'Discounts (1)', value: '2.78' });

    const file = await t.call('exportZReport', { zNumber: 1, format: 'csv', managerPin: PIN });
    expect(file.path).toBe(path.join(t.dir, 'exports', file.fileName));
    expect(file.fileName).toMatch(/^Z-000001-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(file.fileName).toContain(z.closedAt.slice(0, 4));
    const bytes = fs.readFileSync(file.path);
    expect(file.bytes).toBe(bytes.length);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.startsWith(BOM)).toBe(true);
    const rows = parseCsv(text.slice(1));
    expect(rows[0]).toEqual([...REPORT_HEADER]);
    expect(rows.find((r) => r[1] === 'Net')?.[0]).toBe('الصافي');
    expect(valueOf(rows, 'Z number')).toBe(z.zNo);
    expect(valueOf(rows, 'Receipts')).toBe('1');
    expect(valueOf(rows, 'Sales')).toBe(sar(z.report.salesHalalas));
    expect(valueOf(rows, 'Net')).toBe(sar(z.report.netHalalas));
    expect(valueOf(rows, 'Discounts given')).toBe('1');
    expect(valueOf(rows, 'Discounted amount')).toBe('2.78');
    // The demo's cashier, as on the paper Z.
    const [cashier] = z.report.cashiers;
    expect(valueOf(rows, `Cashier: ${cashier!.nameEn} (1)`)).toBe(sar(z.report.netHalalas));
    expect(z.report.salesHalalas).toBe(due);
    for (const v of z.report.vat) expect(valueOf(rows, `VAT ${v.category} ${v.ratePercent}%`)).toBe(sar(v.vatHalalas));
    expect(valueOf(rows, 'Cash from sales')).toBe(sar(z.report.cash.takenHalalas));
    expect(rows.every((r) => r.length === 3)).toBe(true);

    // The X: the open period (empty after the Z), in its own file.
    const x = await t.call('exportXReport', { managerPin: PIN });
    expect(x.fileName).toMatch(/^X-\d{4}-\d{2}-\d{2}-\d{6}\.csv$/);
    expect(valueOf(parseCsv(fs.readFileSync(x.path, 'utf8').slice(1)), 'Receipts')).toBe('0');
  });

  it('needs a manager PIN and a kept Z; nothing is written otherwise', async () => {
    const t = await till();
    expect((await t.attempt('exportZReport', { zNumber: 1, format: 'csv', managerPin: '9999' })).ok).toBe(false);
    const unknown = await t.attempt('exportZReport', { zNumber: 1, format: 'csv', managerPin: PIN });
    expect(unknown.ok ? null : unknown.error.code).toBe('Z_REPORT_UNKNOWN');
    expect(fs.existsSync(path.join(t.dir, 'exports'))).toBe(false);
  });

  it('writes a Z as PDF beside it', async () => {
    const t = await till();
    await t.call('closeDay', { managerPin: PIN });
    const file = await t.call('exportZReport', { zNumber: 1, format: 'pdf', managerPin: PIN });
    expect(file.fileName).toMatch(/^Z-000001-\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(fs.readFileSync(file.path).subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('formula injection', () => {
  it('prefixes a cell that starts with = + - @, a tab or a carriage return; keeps our numbers as numbers', () => {
    for (const bad of ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) expect(safeCell(bad)).toBe(`'${bad}`);
    for (const fine of ['T01-Z000001', 'مدير المتجر', '', '1-2']) expect(safeCell(fine)).toBe(fine);
    const report = { tillId: '=cmd|" /C calc"!A0', afterSeq: 0, uptoSeq: 1, from: null, to: '2026-12-05T20:00:00.000Z', receipts: { count: 0, first: null, last: null }, salesHalalas: 0, voids: { count: 0, halalas: 0 }, returns: { count: 1, halalas: 1250 }, discounts: { count: 0, halalas: 0 }, netHalalas: -1250, vat: [], tenders: [], refunds: [{ kind: 'cash', scheme: null, wallet: null, count: 1, amountHalalas: 1250 }], cash: { takenHalalas: 0, refundedHalalas: 1250 }, shifts: [], shiftOpen: false, paymentsNeedingAttention: [], einvoices: { waiting: 0, rejected: 0 }, chainHead: { seq: 1, hash: 'h' }, cashiers: [], reconciliations: [], lastBackup: null } satisfies PeriodReport;
    const z: ZReport = { number: 3, zNo: 'T01-Z000003', closedAt: report.to, acknowledgedBy: '@مدير', report };
    const rows = parseCsv(toCsv(REPORT_HEADER, reportRows(report, z)).slice(1));
    expect(valueOf(rows, 'Till')).toBe(`'=cmd|" /C calc"!A0`);
    expect(valueOf(rows, 'Acknowledged by')).toBe("'@مدير");
    expect(valueOf(rows, 'Net')).toBe('-12.50');
    expect(valueOf(rows, 'Cash refunded')).toBe('-12.50');
    expect(() => toCsv(['a'], [[{ number: '=1' }]])).toThrow();
  });
});
