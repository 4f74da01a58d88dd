// The catalog's value shapes. ProductHit is the contract type the renderer sees; Product adds only what
// main needs besides (the category, for reports).
import { z } from 'zod';
import { ProductHit, type SoldBy, type VatCategory } from '../../preload/contract';

export { ProductHit };
export type { VatCategory };

export const Product = ProductHit.extend({ categoryCode: z.string().nullable() });
export type Product = z.infer<typeof Product>;

/** One validated catalog entry, as the importer and the synthetic generator hand it to the writer. */
export interface CatalogRow {
  /** Already normalised by classifyBarcode (stored form). */
  barcode: string;
  nameAr: string;
  nameEn: string;
  /** Per piece, or per kilogram when soldBy is `kg`. */
  priceHalalas: number;
  vatCategory: VatCategory;
  /** Absent: `each`. */
  soldBy?: SoldBy;
  categoryCode: string | null;
  /** Names for a category not yet in the database; ignored when empty. */
  categoryAr: string;
  categoryEn: string;
}
