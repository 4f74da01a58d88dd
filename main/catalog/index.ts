// The catalog's public surface. Everything else in main/catalog is an implementation detail.
export { openCatalog, type Catalog } from './catalog';
export { classifyBarcode, gtinCheckDigit, isValidGtin, normalizeBarcode, type BarcodeClass } from './barcode';
export { normalizeSearchText } from './normalize';
export { readScaleBarcode, priceCheckDigit, layoutProblem, type ScaleLayout, type ScaleRead } from './scale-barcode';
export { parsePriceSar } from './price';
export {
  importCatalogCsv,
  parseCatalogCsv,
  seedCatalogIfEmpty,
  type ImportMode,
  type ImportOptions,
  type ImportReport,
} from './import';
export { importRowErrors, type ImportRowError, type ImportRowErrorCode } from './import-errors';
export { generateCatalogRows, writeSyntheticCatalog, catalogRowsToCsv } from './synthetic';
export { DEMO_FIXED_PRODUCTS } from './demo-fixed';
export type { Product, CatalogRow } from './types';
