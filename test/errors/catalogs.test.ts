import { describe, expect, it } from 'vitest';
import { ErrorData } from '../../preload/contract';
import { defineErrors, errorCatalog, errorData, TillError, type ErrorCatalog } from '../../main/errors';
import { importRowErrors } from '../../main/catalog';
import { PrinterError, printerErrorCatalog } from '../../main/printing';
import { PrintServiceError, printServiceErrorCatalog } from '../../main/printing/service';
import { ScannerError, scannerErrorCatalog } from '../../main/devices/serial-scanner';
import { PoleDisplayError, poleErrorCatalog } from '../../main/devices/pole-display';

const sample = defineErrors({
  SAMPLE_ONE: { ar: 'نص أول.', en: 'First text.' },
  SAMPLE_TWO: { ar: 'نص ثان.', en: 'Second text.' },
});

describe('defineErrors', () => {
  it('turns a code into the ErrorData that crosses the boundary', () => {
    expect(sample.data('SAMPLE_TWO')).toStrictEqual({ code: 'SAMPLE_TWO', message_ar: 'نص ثان.', message_en: 'Second text.' });
    expect(sample.text.SAMPLE_ONE).toStrictEqual({ ar: 'نص أول.', en: 'First text.' });
  });

  it('makes an Error class: English text and detail for logs, the catalog text for the view', () => {
    class SampleError extends sample.errorClass('SampleError') {}
    const bare = new SampleError('SAMPLE_ONE');
    const detailed = new SampleError('SAMPLE_TWO', '/dev/ttyUSB0: EIO');
    expect(bare).toBeInstanceOf(Error);
    expect(bare).toMatchObject({ name: 'SampleError', code: 'SAMPLE_ONE', detail: '', message: 'First text.' });
    expect(detailed.message).toBe('Second text. (/dev/ttyUSB0: EIO)');
    expect(detailed.toData()).toStrictEqual(sample.data('SAMPLE_TWO'));
  });

  it('gives every class its own identity, even from one catalog', () => {
    class AError extends sample.errorClass('AError') {}
    class BError extends sample.errorClass('BError') {}
    expect(new AError('SAMPLE_ONE')).not.toBeInstanceOf(BError);
    expect(new PrinterError('PRINTER_OFFLINE')).not.toBeInstanceOf(ScannerError);
  });
});

/** Every code of a catalog as the data the view gets. */
const everyData = <Code extends string>(catalog: ErrorCatalog<Code>): ErrorData[] => (Object.keys(catalog.text) as Code[]).map(catalog.data);
/** The catalogs of failures that are thrown and cross the boundary as ErrorData. */
const thrown = [
  ...everyData(errorCatalog),
  ...everyData(printerErrorCatalog),
  ...everyData(printServiceErrorCatalog),
  ...everyData(scannerErrorCatalog),
  ...everyData(poleErrorCatalog),
];

describe('the till’s error catalogs', () => {
  it('give every code a sentence in Arabic and in English, as valid ErrorData', () => {
    const all = [...thrown, ...everyData(importRowErrors)];
    expect(all.length).toBeGreaterThan(70);
    for (const data of all) {
      expect(ErrorData.parse(data)).toStrictEqual(data);
      expect(data.code).toMatch(/^[A-Z][A-Z0-9_]*$/);
      expect(data.message_ar).toMatch(/[\u0600-\u06ff]/);
      expect(data.message_en).toMatch(/^[A-Z]/);
    }
  });

  it('never give two thrown failures the same code (import rows are report data, not thrown)', () => {
    const codes = thrown.map((d) => d.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('are what each domain’s errors send to the view', () => {
    expect(new TillError('SALE_EMPTY', 'detail').toData()).toStrictEqual(errorData('SALE_EMPTY'));
    expect(new PrinterError('PRINTER_PAPER_OUT').toData()).toStrictEqual(printerErrorCatalog.data('PRINTER_PAPER_OUT'));
    expect(new ScannerError('SCANNER_PERMISSION').toData()).toStrictEqual(scannerErrorCatalog.data('SCANNER_PERMISSION'));
    expect(new PoleDisplayError('POLE_DISPLAY_TIMEOUT').toData()).toStrictEqual(poleErrorCatalog.data('POLE_DISPLAY_TIMEOUT'));
    const print = new PrintServiceError('PRINT_JOB_UNKNOWN', 'job 7');
    expect(print).toBeInstanceOf(TillError);
    expect(print.toData()).toStrictEqual(printServiceErrorCatalog.data('PRINT_JOB_UNKNOWN'));
  });
});
