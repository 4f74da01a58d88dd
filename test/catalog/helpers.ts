// Real SQLite files in a fresh temp folder, opened the way the till opens them (WAL, all migrations).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Db } from '../../main/db/open';

export interface TestDb {
  db: Db;
  file: string;
  dir: string;
  close(): void;
}

export function openTestDb(name = 'till.db'): TestDb {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nuqta-catalog-'));
  const file = path.join(dir, name);
  const db = openDatabase(file);
  return {
    db,
    file,
    dir,
    close() {
      if (db.open) db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const csv = (text: string): Buffer => Buffer.from(text, 'utf8');

export const HEADER = 'barcode,name_ar,name_en,price_sar,vat_category,category_code,category_ar,category_en';
