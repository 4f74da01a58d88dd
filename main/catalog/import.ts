// Catalog import from a shop's CSV (and the demo seed). Two passes: every row is validated in memory
// first, then the valid rows are written in ONE immediate transaction — one fsync for the file instead
// of one per row, and a reader never sees half a price list. In 'all-or-nothing' mode a single bad row
// means nothing is written; in 'valid-rows' mode the good rows go in and the bad ones are reported.
import fs from 'node:fs';
import type Database from 'better-sqlite3';
import { classifyBarcode } from './barcode';
import { csvRecords, hasUtf16Bom, type CsvRecord } from './csv';
import { rowError, type ImportRowError } from './import-errors';
import { looksLikeFormula } from './csv';
import { parsePriceSar } from './price';
import type { CatalogRow, VatCategory } from './types';
import { createCatalogWriter } from './write';

export type ImportMode = 'all-or-nothing' | 'valid-rows';

export interface ImportOptions {
  mode: ImportMode;
  /** Rows priced 0.00 are refused unless this is set (`--allow-zero-price`): a free item is a decision. */
  allowZeroPrice?: boolean;
}

export interface ImportReport {
  /** New products written. */
  imported: number;
  /** Existing barcodes whose product was overwritten (and re-activated). */
  updated: number;
  rejected: ImportRowError[];
  /**
   * True when the import transaction wrote rows and committed. False when nothing was written: an
   * all-or-nothing file with any rejected row, an unreadable file, or a file with no valid rows.
   */
  committed: boolean;
}

export const CATALOG_COLUMNS = [
  'barcode',
  'name_ar',
  'name_en',
  'price_sar',
  'vat_category',
  'category_code',
  'category_ar',
  'category_en',
  // Optional: `each` (the default when the column or the cell is empty) or `kg` (price_sar is per kilogram).
  'sold_by',
] as const;
type Column = (typeof CATALOG_COLUMNS)[number];
const REQUIRED: readonly Column[] = ['barcode', 'name_ar', 'name_en', 'price_sar', 'vat_category'];

export const MAX_NAME_LENGTH = 200;
const MAX_CATEGORY_CODE = 64;

// fatal: invalid UTF-8 throws instead of turning into U+FFFD, which would silently corrupt a name.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function decodeFields(rec: CsvRecord): string[] | undefined {
  try {
    return rec.fields.map((f) => utf8.decode(f));
  } catch {
    return undefined;
  }
}

/** Spreadsheet cells: trimmed, inner runs of whitespace (including embedded newlines) to one space. */
const cell = (s: string | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();

const VAT: ReadonlySet<string> = new Set<VatCategory>(['S', 'Z', 'E']);

const PRICE_CODE = {
  missing: 'PRICE_MISSING',
  negative: 'PRICE_NEGATIVE',
  invalid: 'PRICE_INVALID',
  'too-many-decimals': 'PRICE_DECIMALS',
  'too-large': 'PRICE_TOO_LARGE',
} as const;

type HeaderMap = Partial<Record<Column, number>>;

function readHeader(fields: string[]): HeaderMap | undefined {
  const map: HeaderMap = {};
  for (const [i, raw] of fields.entries()) {
    const name = raw.trim().toLowerCase() as Column;
    if (!(CATALOG_COLUMNS as readonly string[]).includes(name)) continue; // extra columns are ignored
    if (map[name] !== undefined) return undefined;
    map[name] = i;
  }
  return REQUIRED.every((c) => map[c] !== undefined) ? map : undefined;
}

/** Validates one data row. `seen` maps stored barcodes to the row that first used them. */
function validateRow(
  rec: CsvRecord,
  header: HeaderMap,
  width: number,
  seen: Map<string, number>,
  allowZeroPrice: boolean,
): CatalogRow | ImportRowError {
  const row = rec.row;
  if (rec.unterminated) return rowError(row, 'UNTERMINATED_QUOTE');
  const fields = decodeFields(rec);
  if (fields === undefined) return rowError(row, 'ENCODING');
  const get = (c: Column): string => cell(header[c] === undefined ? undefined : fields[header[c]]);
  const rawBarcode = get('barcode');
  if (fields.length !== width) return rowError(row, 'COLUMN_COUNT', rawBarcode || undefined);

  if (rawBarcode === '') return rowError(row, 'BARCODE_MISSING');
  const bc = classifyBarcode(rawBarcode);
  if (bc.status === 'malformed') return rowError(row, 'BARCODE_MALFORMED', rawBarcode);
  if (bc.status === 'bad-check-digit') {
    return rowError(row, 'BARCODE_CHECK_DIGIT', rawBarcode, {
      ar: `الرقم الصحيح للتحقق هو ${bc.expected}.`,
      en: `The check digit should be ${bc.expected}.`,
    });
  }
  const barcode = bc.code;
  const first = seen.get(barcode);
  if (first !== undefined) {
    return rowError(row, 'BARCODE_DUPLICATE', rawBarcode, {
      ar: `ظهر أولًا في السطر ${first}.`,
      en: `First seen on row ${first}.`,
    });
  }
  seen.set(barcode, row);

  const nameAr = get('name_ar');
  const nameEn = get('name_en');
  // A product name a spreadsheet would run as a formula (CSV injection) is refused, not stored to be
  // exported into someone's Excel later.
  if ([nameAr, nameEn, get('category_ar'), get('category_en'), get('category_code')].some(looksLikeFormula)) {
    return rowError(row, 'FORMULA_CELL', barcode);
  }
  if (nameAr === '') return rowError(row, 'NAME_AR_MISSING', barcode);
  if (nameEn === '') return rowError(row, 'NAME_EN_MISSING', barcode);
  if (nameAr.length > MAX_NAME_LENGTH || nameEn.length > MAX_NAME_LENGTH) return rowError(row, 'NAME_TOO_LONG', barcode);

  const price = parsePriceSar(get('price_sar'));
  if (!price.ok) return rowError(row, PRICE_CODE[price.reason], barcode);
  // A 0.00 price is far more often a missing price than a free item: only on purpose.
  if (price.halalas === 0 && !allowZeroPrice) return rowError(row, 'PRICE_ZERO', barcode);

  const vat = get('vat_category').toUpperCase();
  if (!VAT.has(vat)) return rowError(row, 'VAT_CATEGORY_UNKNOWN', barcode);

  const categoryCode = get('category_code');
  if (categoryCode.length > MAX_CATEGORY_CODE) return rowError(row, 'CATEGORY_INVALID', barcode);

  const soldBy = get('sold_by').toLowerCase() || 'each';
  if (soldBy !== 'each' && soldBy !== 'kg') return rowError(row, 'SOLD_BY_UNKNOWN', barcode);

  return {
    barcode,
    nameAr,
    nameEn,
    priceHalalas: price.halalas,
    vatCategory: vat as VatCategory,
    categoryCode: categoryCode === '' ? null : categoryCode,
    categoryAr: get('category_ar'),
    categoryEn: get('category_en'),
    ...(soldBy === 'kg' ? { soldBy } : {}),
  };
}

/** A row of nothing but separators (",,,,,,," — spreadsheets leave them at the end) is not a product. */
const isBlank = (rec: CsvRecord): boolean => rec.fields.every((f) => f.every((b) => b === 0x20 || b === 0x09));

export function parseCatalogCsv(bytes: Buffer, options: { allowZeroPrice?: boolean } = {}): { rows: CatalogRow[]; rejected: ImportRowError[]; fatal: boolean } {
  const rows: CatalogRow[] = [];
  const rejected: ImportRowError[] = [];
  if (hasUtf16Bom(bytes)) return { rows, rejected: [rowError(1, 'FILE_NOT_UTF8')], fatal: true };
  let header: HeaderMap | undefined;
  let width = 0;
  const seen = new Map<string, number>();
  for (const rec of csvRecords(bytes)) {
    if (isBlank(rec)) continue;
    if (header === undefined) {
      const names = decodeFields(rec);
      header = names === undefined ? undefined : readHeader(names);
      if (header === undefined) return { rows, rejected: [rowError(rec.row, 'HEADER_INVALID')], fatal: true };
      width = rec.fields.length;
      continue;
    }
    const r = validateRow(rec, header, width, seen, options.allowZeroPrice ?? false);
    if ('code' in r) rejected.push(r);
    else rows.push(r);
  }
  if (header === undefined) return { rows, rejected: [rowError(1, 'FILE_EMPTY')], fatal: true };
  return { rows, rejected, fatal: false };
}

export function importCatalogCsv(db: Database.Database, bytes: Buffer, options: ImportOptions): ImportReport {
  const { rows, rejected, fatal } = parseCatalogCsv(bytes, { allowZeroPrice: options.allowZeroPrice ?? false });
  if (fatal || rows.length === 0 || (options.mode === 'all-or-nothing' && rejected.length > 0)) {
    return { imported: 0, updated: 0, rejected, committed: false };
  }
  const counts = writeCatalogRows(db, rows);
  return { ...counts, rejected, committed: true };
}

/** Upserts validated rows in one immediate transaction (nested in a caller's transaction if there is one). */
export function writeCatalogRows(db: Database.Database, rows: readonly CatalogRow[]): { imported: number; updated: number } {
  const writer = createCatalogWriter(db);
  return db
    .transaction(() => {
      let imported = 0;
      let updated = 0;
      for (const row of rows) {
        if (writer.upsertProduct(row) === 'inserted') imported++;
        else updated++;
      }
      return { imported, updated };
    })
    .immediate();
}

/**
 * Loads a catalog CSV into a till that has no products yet (first start, demo). Returns the import report,
 * or null when the till already has products. Rows that fail are skipped and reported, so a bad line in a
 * seed file never leaves a till with no catalog at all; the caller logs the report.
 */
export function seedCatalogIfEmpty(db: Database.Database, csvPath: string): ImportReport | null {
  const hasProducts = db.prepare<[], number>('SELECT EXISTS (SELECT 1 FROM products)').pluck();
  if (hasProducts.get() === 1) return null;
  const bytes = fs.readFileSync(csvPath);
  // Check and write under one write lock, so two starting processes cannot both seed.
  return db
    .transaction(() => (hasProducts.get() === 1 ? null : importCatalogCsv(db, bytes, { mode: 'valid-rows' })))
    .immediate();
}
