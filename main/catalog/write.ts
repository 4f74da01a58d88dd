// The one place that writes products, so search_text is always derived from the names the same way.
// Callers own the transaction (import wraps a whole file in one; 100k single-row commits would each
// fsync under synchronous=FULL).
import type Database from 'better-sqlite3';
import { productSearchText } from './normalize';
import type { CatalogRow } from './types';

export interface CatalogWriter {
  /** Inserts or updates by barcode; an updated product is re-activated (an imported file lists what is for sale). */
  upsertProduct(row: CatalogRow): 'inserted' | 'updated';
}

export function createCatalogWriter(db: Database.Database): CatalogWriter {
  const findProduct = db.prepare<[string], number>('SELECT id FROM products WHERE barcode = ?').pluck();
  const insertProduct = db.prepare<[string, string, string, number, string, number | null, string, string]>(
    `INSERT INTO products (barcode, name_ar, name_en, price_halalas, vat_category, category_id, search_text, sold_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const updateProduct = db.prepare<[string, string, number, string, number | null, string, string, number]>(
    `UPDATE products SET name_ar = ?, name_en = ?, price_halalas = ?, vat_category = ?, category_id = ?,
            search_text = ?, sold_by = ?, active = 1
     WHERE id = ?`,
  );
  const findCategory = db.prepare<[string], number>('SELECT id FROM categories WHERE code = ?').pluck();
  const insertCategory = db.prepare<[string, string, string]>(
    'INSERT INTO categories (code, name_ar, name_en) VALUES (?, ?, ?)',
  );
  const renameCategory = db.prepare<[string, string, number]>(
    'UPDATE categories SET name_ar = ?, name_en = ? WHERE id = ?',
  );

  // Resolved once per writer: a 100k-row file names a few dozen categories. The first row that names a
  // category (in this import) sets its names; later rows only point at it.
  const categoryIds = new Map<string, number>();
  const categoryId = (row: CatalogRow): number | null => {
    const code = row.categoryCode;
    if (code === null) return null;
    const cached = categoryIds.get(code);
    if (cached !== undefined) return cached;
    let id = findCategory.get(code);
    if (id === undefined) {
      // A new code without names still needs something to show; the code itself is the honest choice.
      const info = insertCategory.run(code, row.categoryAr || row.categoryEn || code, row.categoryEn || row.categoryAr || code);
      id = Number(info.lastInsertRowid);
    } else if (row.categoryAr && row.categoryEn) {
      renameCategory.run(row.categoryAr, row.categoryEn, id);
    }
    categoryIds.set(code, id);
    return id;
  };

  return {
    upsertProduct(row) {
      const search = productSearchText(row.nameAr, row.nameEn);
      const cat = categoryId(row);
      const id = findProduct.get(row.barcode);
      if (id === undefined) {
        insertProduct.run(row.barcode, row.nameAr, row.nameEn, row.priceHalalas, row.vatCategory, cat, search, row.soldBy ?? 'each');
        return 'inserted';
      }
      updateProduct.run(row.nameAr, row.nameEn, row.priceHalalas, row.vatCategory, cat, search, row.soldBy ?? 'each', id);
      return 'updated';
    },
  };
}
