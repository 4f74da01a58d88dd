// 0020 — the product catalog and its search index.
//
// products.search_text holds normalizeSearchText(name_ar + ' ' + name_en) (main/catalog/normalize.ts).
// It is computed in TypeScript because SQLite cannot fold Arabic letter forms; every writer goes through
// main/catalog/write.ts, which sets it. An FTS5 external-content table indexes that column — the text
// lives once, in products — and triggers keep the index in step with the table.
//
// Tokenizer: unicode61 with remove_diacritics 2 folds case and Latin accents; prefix='1 2 3' builds
// prefix indexes so the "as you type" queries ("ح", "حل", "حلي") do not scan the whole term list.
// Products are never deleted once sold (sale lines point at them); they are deactivated. AUTOINCREMENT
// makes sure an id is never handed to a different product even if a row is deleted by hand.
import type { Migration } from '../migrate';

export const migration0020Catalog: Migration = {
  version: 20,
  name: 'catalog',
  up(db) {
    db.exec(`
      CREATE TABLE categories (
        id      INTEGER PRIMARY KEY,
        code    TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 64),
        name_ar TEXT NOT NULL,
        name_en TEXT NOT NULL
      ) STRICT;

      CREATE TABLE products (
        id            INTEGER PRIMARY KEY AUTOINCREMENT,
        barcode       TEXT NOT NULL UNIQUE CHECK (length(barcode) BETWEEN 4 AND 32),
        name_ar       TEXT NOT NULL CHECK (length(name_ar) > 0),
        name_en       TEXT NOT NULL CHECK (length(name_en) > 0),
        price_halalas INTEGER NOT NULL CHECK (price_halalas >= 0),
        vat_category  TEXT NOT NULL CHECK (vat_category IN ('S', 'Z', 'E')),
        category_id   INTEGER REFERENCES categories (id),
        active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        search_text   TEXT NOT NULL
      ) STRICT;

      CREATE INDEX products_category ON products (category_id);

      CREATE VIRTUAL TABLE products_fts USING fts5 (
        search_text,
        content = 'products',
        content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '1 2 3'
      );

      CREATE TRIGGER products_fts_insert AFTER INSERT ON products BEGIN
        INSERT INTO products_fts (rowid, search_text) VALUES (new.id, new.search_text);
      END;

      CREATE TRIGGER products_fts_delete AFTER DELETE ON products BEGIN
        INSERT INTO products_fts (products_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
      END;

      -- Only when the indexed text (or the id) really changes: a price-only re-import of 100k rows
      -- must not rewrite the whole index.
      CREATE TRIGGER products_fts_update AFTER UPDATE OF id, search_text ON products
      WHEN old.id IS NOT new.id OR old.search_text IS NOT new.search_text BEGIN
        INSERT INTO products_fts (products_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
        INSERT INTO products_fts (rowid, search_text) VALUES (new.id, new.search_text);
      END;
    `);
  },
};
