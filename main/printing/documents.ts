// Shortcuts from stored data to a printable bitmap: layout + render in one call.
import { layoutCardSlip, type CardSlipInput } from './layout/card-slip';
import { layoutReceipt, type ReceiptLayoutInput } from './layout/receipt';
import type { MonoBitmap } from './render/bitmap';
import { renderBlocks, type RenderOptions } from './render/render';

export function renderReceipt(input: ReceiptLayoutInput, options: RenderOptions = {}): MonoBitmap {
  return renderBlocks(layoutReceipt(input), options);
}

export function renderCardSlip(input: CardSlipInput, options: RenderOptions = {}): MonoBitmap {
  return renderBlocks(layoutCardSlip(input), options);
}
