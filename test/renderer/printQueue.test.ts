import { describe, expect, it } from 'vitest';
import type { PrinterStatus } from '../../preload/contract/schemas';
import {
  addIfAbsent,
  failedCount,
  failureKey,
  failuresOf,
  isCopy,
  jobById,
  jobKindOf,
  orderJobs,
  printerBlocked,
  printerTone,
  receiptPrintState,
  unannounced,
} from '../../renderer/printing/printQueue';
import { paperOut, printJob } from './fixtures';

const status = (over: Partial<PrinterStatus> = {}): PrinterStatus => ({
  configured: true,
  profile: 'epson-tm-t88',
  transport: 'TCP 192.0.2.20:9100',
  state: 'ready',
  checkedAt: '2025-11-27T10:00:00Z',
  error: null,
  ...over,
});

describe('what a job is', () => {
  it('names receipts and each card slip copy', () => {
    expect(jobKindOf({ kind: 'receipt', copy: 'original' })).toBe('receipt');
    expect(jobKindOf({ kind: 'receipt', copy: 'copy' })).toBe('receipt');
    expect(jobKindOf({ kind: 'card_slip', copy: 'customer' })).toBe('slip_customer');
    expect(jobKindOf({ kind: 'card_slip', copy: 'merchant' })).toBe('slip_merchant');
    expect(jobKindOf({ kind: 'card_slip', copy: 'copy' })).toBe('slip');
  });

  it('marks only "copy" jobs as copies (a slip\'s customer / merchant copy is its original)', () => {
    expect(isCopy({ copy: 'copy' })).toBe(true);
    expect(isCopy({ copy: 'original' })).toBe(false);
    expect(isCopy({ copy: 'customer' })).toBe(false);
  });
});

describe('the queue', () => {
  const jobs = [
    printJob({ jobId: 'a', state: 'printed' }),
    printJob({ jobId: 'b', state: 'failed', error: paperOut, attempts: 1 }),
    printJob({ jobId: 'c', state: 'queued' }),
    printJob({ jobId: 'd', state: 'failed', error: paperOut, attempts: 2 }),
  ];

  it('lists failed jobs first, keeping main\'s order within each group', () => {
    expect(orderJobs(jobs).map((j) => j.jobId)).toEqual(['b', 'd', 'a', 'c']);
    expect(orderJobs([])).toEqual([]);
  });

  it('counts failed jobs', () => {
    expect(failedCount(jobs)).toBe(2);
    expect(failedCount(null)).toBe(0);
  });

  it('adds a job main answered with only when the events have not brought it already', () => {
    const fresh = printJob({ jobId: 'new', copy: 'copy' });
    expect(addIfAbsent(jobs, fresh).map((j) => j.jobId)).toEqual(['new', 'a', 'b', 'c', 'd']);
    const stale = printJob({ jobId: 'a', state: 'queued' });
    expect(addIfAbsent(jobs, stale).find((j) => j.jobId === 'a')?.state).toBe('printed');
    expect(addIfAbsent(null, fresh)).toEqual([fresh]);
  });

  it('finds a job by id', () => {
    expect(jobById(jobs, 'c')?.state).toBe('queued');
    expect(jobById(jobs, 'zz')).toBeNull();
    expect(jobById(null, 'c')).toBeNull();
    expect(jobById(jobs, null)).toBeNull();
  });
});

describe('failures of the sale just completed', () => {
  const receipt = printJob({ jobId: 'r', receiptNo: 'T01-000007', state: 'failed', error: paperOut, attempts: 1 });
  const merchant = printJob({ jobId: 'm', kind: 'card_slip', copy: 'merchant', receiptNo: 'T01-000007', state: 'failed', error: paperOut, attempts: 1 });
  const customer = printJob({ jobId: 'c', kind: 'card_slip', copy: 'customer', receiptNo: 'T01-000007', state: 'failed', error: paperOut, attempts: 1 });
  const otherSale = printJob({ jobId: 'o', receiptNo: 'T01-000006', state: 'failed', error: paperOut, attempts: 1 });
  const printed = printJob({ jobId: 'p', receiptNo: 'T01-000007', kind: 'card_slip', copy: 'customer', state: 'printed' });
  const all = [merchant, otherSale, printed, customer, receipt];

  it('are the failed jobs of that receipt only, the receipt before its slips', () => {
    expect(failuresOf(all, 'T01-000007', new Set()).map((j) => j.jobId)).toEqual(['r', 'c', 'm']);
    expect(failuresOf(all, null, new Set())).toEqual([]);
    expect(failuresOf(null, 'T01-000007', new Set())).toEqual([]);
  });

  it('stay hidden once dismissed, until the same job fails again on a later attempt', () => {
    const dismissed = new Set([failureKey(receipt), failureKey(customer), failureKey(merchant)]);
    expect(failuresOf(all, 'T01-000007', dismissed)).toEqual([]);
    const again = { ...receipt, attempts: 2 };
    expect(failuresOf([again, customer, merchant], 'T01-000007', dismissed).map((j) => j.jobId)).toEqual(['r']);
  });

  it('are announced (beeped) once per failed attempt', () => {
    const announced = new Set([failureKey(receipt)]);
    expect(unannounced([receipt, customer], announced).map((j) => j.jobId)).toEqual(['c']);
    expect(unannounced([{ ...receipt, attempts: 2 }], announced)).toHaveLength(1);
  });
});

describe('how a receipt\'s printing stands', () => {
  const no = 'T01-000009';
  it('is unknown without a receipt job (no printer, or the queue not read yet)', () => {
    expect(receiptPrintState(null, no)).toBe('unknown');
    expect(receiptPrintState([printJob({ receiptNo: no, kind: 'card_slip', copy: 'customer' })], no)).toBe('unknown');
  });
  it('follows the receipt job, a failure first', () => {
    expect(receiptPrintState([printJob({ receiptNo: no, state: 'queued' })], no)).toBe('pending');
    expect(receiptPrintState([printJob({ receiptNo: no, state: 'printing' })], no)).toBe('pending');
    expect(receiptPrintState([printJob({ receiptNo: no, state: 'printed' })], no)).toBe('printed');
    expect(receiptPrintState([printJob({ receiptNo: no, state: 'cancelled' })], no)).toBe('cancelled');
    expect(
      receiptPrintState([printJob({ jobId: 'x', receiptNo: no, state: 'printed' }), printJob({ jobId: 'y', receiptNo: no, state: 'failed' })], no),
    ).toBe('failed');
  });
});

describe('the printer in the top bar', () => {
  it('is green when ready, amber when paper is low, red when it cannot print', () => {
    expect(printerTone(status())).toBe('ok');
    expect(printerTone(status({ state: 'paper_near_end' }))).toBe('warn');
    for (const state of ['paper_out', 'cover_open', 'offline', 'disconnected'] as const) {
      expect(printerTone(status({ state }))).toBe('bad');
      expect(printerBlocked(status({ state }))).toBe(true);
    }
  });

  it('is grey when nobody knows (write-only link, not checked, not set up, no answer)', () => {
    expect(printerTone(status({ state: 'unknown' }))).toBe('idle');
    expect(printerTone(status({ state: 'not_checked' }))).toBe('idle');
    expect(printerTone(status({ configured: false, state: 'paper_out' }))).toBe('idle');
    expect(printerTone(null)).toBe('idle');
    expect(printerBlocked(status({ state: 'paper_near_end' }))).toBe(false);
    expect(printerBlocked(null)).toBe(false);
  });
});
