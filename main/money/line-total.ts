// The one place a sale line's amount is computed: checkout, returns, receipts and the e-invoice all call it, so
// they never disagree by a halala. A weighed line holds whole grams; its unit price is per kilogram, and the
// amount is rounded once, half-up to the halala (ZATCA's rounding), never through a float.
import type { SoldBy } from '../../preload/contract';
import { divideRoundHalfUp } from './rounding';

export interface LineQuantity {
  unitPriceHalalas: number;
  /** Pieces for an `each` line, grams for a `kg` line. */
  quantity: number;
  /** Absent on lines recorded before weighed goods: those were all `each`. */
  soldBy?: SoldBy | undefined;
}

export function lineTotalHalalas(line: LineQuantity): number {
  if (line.soldBy === 'kg') return divideRoundHalfUp(line.unitPriceHalalas * line.quantity, 1000);
  return line.unitPriceHalalas * line.quantity;
}

/** Thousandths of the line's unit (pieces or kilograms): what the e-invoice's InvoicedQuantity carries. */
export function quantityMilli(line: Pick<LineQuantity, 'quantity' | 'soldBy'>): number {
  return line.soldBy === 'kg' ? line.quantity : line.quantity * 1000;
}
