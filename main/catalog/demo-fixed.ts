// The five demo products the end-to-end tests scan by barcode. They are in resources/catalog/demo-catalog.csv
// (written by scripts/gen-demo-catalog.mjs, which repeats this list — a test checks the two agree) and at
// the head of every synthetic catalog, so a benchmark at 100k can scan them too.
// Barcodes: GS1 Saudi prefix 628, stems 628100000001…5 with their real EAN-13 check digits.
import type { CatalogRow } from './types';

export const DEMO_FIXED_PRODUCTS: readonly CatalogRow[] = [
  {
    barcode: '6281000000014',
    nameAr: 'حليب المراعي طازج ١ لتر',
    nameEn: 'Almarai Fresh Milk 1L',
    priceHalalas: 650,
    vatCategory: 'S',
    categoryCode: 'dairy',
    categoryAr: 'ألبان وأجبان',
    categoryEn: 'Dairy & Cheese',
  },
  {
    barcode: '6281000000021',
    nameAr: 'خبز لوزين أبيض',
    nameEn: "L'usine White Bread",
    priceHalalas: 500,
    vatCategory: 'S',
    categoryCode: 'bakery',
    categoryAr: 'مخبوزات',
    categoryEn: 'Bakery',
  },
  {
    barcode: '6281000000038',
    nameAr: 'تمر سكري ١ كجم',
    nameEn: 'Sukkari Dates 1kg',
    priceHalalas: 3500,
    vatCategory: 'S',
    categoryCode: 'dates',
    categoryAr: 'تمور',
    categoryEn: 'Dates',
  },
  {
    barcode: '6281000000045',
    nameAr: 'قهوة عربية بالهيل ٢٥٠ جم',
    nameEn: 'Arabic Coffee with Cardamom 250g',
    priceHalalas: 2775,
    vatCategory: 'S',
    categoryCode: 'coffee',
    categoryAr: 'قهوة وشاي',
    categoryEn: 'Coffee & Tea',
  },
  {
    barcode: '6281000000052',
    nameAr: 'ماء نوفا ٣٣٠ مل',
    nameEn: 'Nova Water 330ml',
    priceHalalas: 100,
    vatCategory: 'S',
    categoryCode: 'beverages',
    categoryAr: 'مشروبات',
    categoryEn: 'Beverages',
  },
];
