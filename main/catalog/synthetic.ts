// Synthetic catalogs for tests and benchmarks: n products with unique valid EAN-13s and Arabic/English
// names built from grocery vocabulary, deterministic for a seed. The five demo products come first so a
// 100k benchmark can scan the same codes as the end-to-end tests.
import type Database from 'better-sqlite3';
import { gtinCheckDigit } from './barcode';
import { toCsv } from './csv';
import { DEMO_FIXED_PRODUCTS } from './demo-fixed';
import { CATALOG_COLUMNS, writeCatalogRows } from './import';
import { formatSar } from './price';
import type { CatalogRow, VatCategory } from './types';

/** mulberry32: tiny, fast, good enough to spread names; not for anything secret. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Pair = readonly [ar: string, en: string];

const BRANDS: readonly Pair[] = [
  ['المراعي', 'Almarai'], ['نادك', 'Nadec'], ['الصافي', 'Al Safi'], ['السعودية', 'Saudia'],
  ['نستله', 'Nestle'], ['لوزين', "L'usine"], ['هرفي', 'Herfy'], ['الوطنية', 'Al Watania'],
  ['أمريكانا', 'Americana'], ['قودي', 'Goody'], ['الربيع', 'Al Rabie'], ['نوفا', 'Nova'],
  ['بيرين', 'Berain'], ['العلالي', 'Alalali'], ['الشعلان', 'Al Shalan'], ['الحلواني', 'Halwani'],
  ['كي دي دي', 'KDD'], ['إندومي', 'Indomie'], ['ريم', 'Reem'], ['أبو كاس', 'Abu Kass'],
  ['الزين', 'Al Zain'], ['فاين', 'Fine'], ['تايد', 'Tide'], ['كلوركس', 'Clorox'],
  ['دوف', 'Dove'], ['لوكس', 'Lux'], ['ساديا', 'Sadia'], ['دوزن', 'Dozen'],
  ['بوك', 'Puck'], ['كرافت', 'Kraft'], ['ليبتون', 'Lipton'], ['الخليج', 'Al Khaleej'],
];

const ITEMS: readonly Pair[] = [
  ['حليب', 'Milk'], ['لبن', 'Laban'], ['زبادي', 'Yoghurt'], ['جبنة', 'Cheese'], ['زبدة', 'Butter'],
  ['خبز', 'Bread'], ['صامولي', 'Samoli'], ['كعك', 'Cake'], ['بسكويت', 'Biscuits'], ['تمر', 'Dates'],
  ['قهوة', 'Coffee'], ['شاي', 'Tea'], ['أرز', 'Rice'], ['سكر', 'Sugar'], ['طحين', 'Flour'],
  ['زيت', 'Oil'], ['معكرونة', 'Pasta'], ['عدس', 'Lentils'], ['حمص', 'Chickpeas'], ['فول', 'Fava Beans'],
  ['تونة', 'Tuna'], ['دجاج', 'Chicken'], ['عصير', 'Juice'], ['ماء', 'Water'], ['مشروب غازي', 'Soft Drink'],
  ['شيبس', 'Chips'], ['شوكولاتة', 'Chocolate'], ['حلاوة', 'Halawa'], ['عسل', 'Honey'], ['مربى', 'Jam'],
  ['صابون', 'Soap'], ['شامبو', 'Shampoo'], ['معجون أسنان', 'Toothpaste'], ['مناديل', 'Tissues'],
  ['منظف', 'Detergent'], ['مبيض', 'Bleach'], ['كمون', 'Cumin'], ['هيل', 'Cardamom'], ['زعفران', 'Saffron'],
  ['بهارات', 'Spices'],
];

const KINDS: readonly Pair[] = [
  ['طازج', 'Fresh'], ['كامل الدسم', 'Full Fat'], ['قليل الدسم', 'Low Fat'], ['بالفراولة', 'Strawberry'],
  ['بالمانجو', 'Mango'], ['بالبرتقال', 'Orange'], ['أصلي', 'Original'], ['حار', 'Spicy'], ['بالجبن', 'Cheese'],
  ['عضوي', 'Organic'], ['فاخر', 'Premium'], ['عائلي', 'Family'], ['خفيف', 'Light'], ['بالهيل', 'with Cardamom'],
  ['بالعسل', 'with Honey'], ['بسمتي', 'Basmati'], ['سكري', 'Sukkari'], ['خلاص', 'Khalas'], ['ليمون', 'Lemon'],
  ['لافندر', 'Lavender'],
];

const SIZES: readonly Pair[] = [
  ['١٠٠ جم', '100g'], ['٢٥٠ جم', '250g'], ['٥٠٠ جم', '500g'], ['١ كجم', '1kg'], ['٢ كجم', '2kg'],
  ['٥ كجم', '5kg'], ['٢٠٠ مل', '200ml'], ['٣٣٠ مل', '330ml'], ['٥٠٠ مل', '500ml'], ['١ لتر', '1L'],
  ['١٫٥ لتر', '1.5L'], ['٢ لتر', '2L'], ['٦ حبات', '6 pcs'], ['١٢ حبة', '12 pcs'],
];

const CATEGORIES = ['dairy', 'bakery', 'dates', 'coffee', 'pantry', 'beverages', 'snacks', 'cleaning', 'personal-care', 'spices'];

const pick = <T>(list: readonly T[], r: () => number): T => list[Math.floor(r() * list.length)]!;

/** Synthetic barcodes live under 62820…, away from the demo catalog's 62810… block. */
const syntheticBarcode = (i: number): string => {
  const stem = `62820${String(i).padStart(7, '0')}`;
  return stem + gtinCheckDigit(stem);
};

export function generateCatalogRows(n: number, seed = 1): CatalogRow[] {
  if (!Number.isInteger(n) || n < 0 || n > 10_000_000) throw new RangeError('generateCatalogRows: 0 ≤ n ≤ 10M');
  const r = rng(seed);
  const rows: CatalogRow[] = DEMO_FIXED_PRODUCTS.slice(0, n).map((p) => ({ ...p }));
  for (let i = rows.length; i < n; i++) {
    const [brandAr, brandEn] = pick(BRANDS, r);
    const [itemAr, itemEn] = pick(ITEMS, r);
    const [kindAr, kindEn] = pick(KINDS, r);
    const [sizeAr, sizeEn] = pick(SIZES, r);
    const vat: VatCategory = r() < 0.02 ? 'Z' : 'S';
    const category = pick(CATEGORIES, r);
    rows.push({
      barcode: syntheticBarcode(i),
      nameAr: `${itemAr} ${brandAr} ${kindAr} ${sizeAr}`,
      nameEn: `${brandEn} ${itemEn} ${kindEn} ${sizeEn}`,
      priceHalalas: 25 + Math.floor(r() * 40_000),
      vatCategory: vat,
      categoryCode: category,
      categoryAr: '',
      categoryEn: '',
    });
  }
  return rows;
}

/** Writes a synthetic catalog straight to the database (one transaction). Returns the number of rows. */
export function writeSyntheticCatalog(db: Database.Database, n: number, seed = 1): number {
  const rows = generateCatalogRows(n, seed);
  writeCatalogRows(db, rows);
  return rows.length;
}

/** The same rows as an importable CSV file (UTF-8 with BOM, CRLF), for import tests and benchmarks. */
export function catalogRowsToCsv(rows: readonly CatalogRow[]): Buffer {
  const records = [
    [...CATALOG_COLUMNS],
    ...rows.map((p) => [
      p.barcode,
      p.nameAr,
      p.nameEn,
      formatSar(p.priceHalalas),
      p.vatCategory,
      p.categoryCode ?? '',
      p.categoryAr,
      p.categoryEn,
      p.soldBy === 'kg' ? 'kg' : '',
    ]),
  ];
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(toCsv(records), 'utf8')]);
}
