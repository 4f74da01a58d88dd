// The catalog's value shapes. ProductHit is the contract type the renderer sees; Product adds only what
// main needs besides (the category, for reports).
import type { ProductHit, VatCategory } from '../../preload/contract';

export type { ProductHit, VatCategory };

export type Product = ProductHit & { categoryCode: string | null };

/** One validated catalog entry, as the importer and the synthetic generator hand it to the writer. */
export interface CatalogRow {
  /** Already normalised by classifyBarcode (stored form). */
  barcode: string;
  nameAr: string;
  nameEn: string;
  priceHalalas: number;
  vatCategory: VatCategory;
  categoryCode: string | null;
  /** Names for a category not yet in the database; ignored when empty. */
  categoryAr: string;
  categoryEn: string;
}
