// Read side of the catalog: what the till asks while a customer waits. Statements are prepared once per
// openCatalog; every lookup is an index probe (barcode UNIQUE, primary key, FTS5), never a scan.
// Inactive products are invisible here: deactivating a product is how a shop stops selling it.
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { TillError } from '../errors';
import { normalizeBarcode } from './barcode';
import { normalizeSearchText, searchTokens } from './normalize';
import { Product, ProductHit } from './types';

export interface Catalog {
  /** Raw scans are fine: the code is normalised (trim, UPC-A → EAN-13, ...) before the lookup. */
  findByBarcode(code: string): Product | undefined;
  getById(id: number): Product | undefined;
  /** Prefix search over Arabic and English names; every word must match. */
  search(query: string, limit: number): ProductHit[];
  /** Active products. */
  count(): number;
}

/** Words beyond this are ignored: a longer query is a paste accident, and each word costs an index walk. */
export const MAX_QUERY_TOKENS = 8;
export const MAX_SEARCH_LIMIT = 50;

/**
 * When a query matches more products than this (one or two letters on a 100k catalog), ranking them all
 * costs ~20 ms per keystroke (measured: "a" matches 31k of 100k synthetic products). We then rank only the
 * first CANDIDATE_CAP matches in rowid order (~2 ms); the cashier is still typing and the next letter
 * narrows the set. Below the cap — every multi-letter query on a typical shop catalog — the ranking is
 * exact. Inactive products are filtered after the cap, so a catalog with thousands of inactive products
 * matching a one-letter query could return fewer than `limit` hits; acceptable for a keystroke preview.
 */
export const CANDIDATE_CAP = 2_000;

const PRODUCT_COLUMNS = `p.id AS productId, p.barcode AS barcode, p.name_ar AS nameAr, p.name_en AS nameEn,
  p.price_halalas AS priceHalalas, p.vat_category AS vatCategory, p.sold_by AS soldBy`;

/**
 * A product row as the contract shapes it, checked on the way out: a price edited by hand into a fraction or a
 * VAT category the till does not know is named (LEDGER_DAMAGED, with the barcode), not rung up.
 */
function checked<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const barcode = typeof raw === 'object' && raw !== null && 'barcode' in raw ? String(raw.barcode) : '?';
  throw new TillError('LEDGER_DAMAGED', `products (barcode ${barcode}).${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'invalid row'}`);
}

/** Only a product sold by weight says how it is sold: a piece product's shape is what it always was. */
function soldAsStored<T extends { soldBy?: 'each' | 'kg' | undefined }>(product: T): T {
  if (product.soldBy === 'kg') return product;
  const { soldBy: _each, ...rest } = product;
  return rest as T;
}

/** FTS5 query text: every token as a quoted prefix term, implicitly ANDed. Empty when nothing is searchable. */
export function ftsQuery(query: string): string {
  return searchTokens(normalizeSearchText(query))
    .slice(0, MAX_QUERY_TOKENS)
    .map((t) => `"${t}"*`)
    .join(' ');
}

export function openCatalog(db: Database.Database): Catalog {
  const byBarcode = db.prepare<[string], unknown>(
    `SELECT ${PRODUCT_COLUMNS}, c.code AS categoryCode
     FROM products p LEFT JOIN categories c ON c.id = p.category_id
     WHERE p.barcode = ? AND p.active = 1`,
  );
  const byId = db.prepare<[number], unknown>(
    `SELECT ${PRODUCT_COLUMNS}, c.code AS categoryCode
     FROM products p LEFT JOIN categories c ON c.id = p.category_id
     WHERE p.id = ? AND p.active = 1`,
  );
  // bm25 first (more of the query in fewer words), then the shorter name (the plain product before its
  // variants), then id for a stable order between keystrokes.
  const search = db.prepare<[string, number, number], unknown>(
    `SELECT ${PRODUCT_COLUMNS}
     FROM (SELECT rowid, rank FROM products_fts WHERE products_fts MATCH ? LIMIT ?) AS m
     JOIN products p ON p.id = m.rowid
     WHERE p.active = 1
     ORDER BY m.rank, length(p.search_text), p.id
     LIMIT ?`,
  );
  const countActive = db.prepare<[], number>('SELECT count(*) FROM products WHERE active = 1').pluck();

  return {
    findByBarcode(code) {
      const normalized = normalizeBarcode(code);
      const raw = normalized === undefined ? undefined : byBarcode.get(normalized);
      return raw === undefined ? undefined : soldAsStored(checked(Product, raw));
    },
    getById(id) {
      const raw = Number.isSafeInteger(id) ? byId.get(id) : undefined;
      return raw === undefined ? undefined : soldAsStored(checked(Product, raw));
    },
    search(query, limit) {
      const match = ftsQuery(query);
      if (match === '') return [];
      const n = Math.max(1, Math.min(MAX_SEARCH_LIMIT, Math.trunc(limit) || 1));
      return search.all(match, CANDIDATE_CAP, n).map((raw) => soldAsStored(checked(ProductHit, raw)));
    },
    count() {
      return countActive.get() ?? 0;
    },
  };
}
