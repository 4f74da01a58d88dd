import { describe, expect, it } from 'vitest';
import { BACKOFF_MAX_MS, backoffDelay } from '../../renderer/api/backoff';
import { asTypedBarcode, searchTextOf } from '../../renderer/scanner/searchQuery';

describe('scan field text', () => {
  it('treats digits (any script) as a typed barcode', () => {
    expect(asTypedBarcode('6281000000017')).toBe('6281000000017');
    expect(asTypedBarcode(' ٦٢٨١ ')).toBe('6281');
    expect(asTypedBarcode('628a')).toBeNull();
    expect(asTypedBarcode('')).toBeNull();
  });

  it('searches for text but not for barcodes or blanks', () => {
    expect(searchTextOf('حليب')).toBe('حليب');
    expect(searchTextOf(' milk ')).toBe('milk');
    expect(searchTextOf('milk 1L')).toBe('milk 1L');
    expect(searchTextOf('12345')).toBeNull();
    expect(searchTextOf('١٢٣')).toBeNull();
    expect(searchTextOf('   ')).toBeNull();
    expect(searchTextOf('x'.repeat(150))?.length).toBe(100);
  });
});

describe('backoffDelay', () => {
  it('doubles from the base and stops at the cap', () => {
    expect(backoffDelay(0)).toBe(250);
    expect(backoffDelay(1)).toBe(500);
    expect(backoffDelay(2)).toBe(1000);
    expect(backoffDelay(10)).toBe(BACKOFF_MAX_MS);
    expect(backoffDelay(1000)).toBe(BACKOFF_MAX_MS);
    expect(backoffDelay(-3)).toBe(250);
  });
});
