// Training mode (docs/training.md): every document a training till prints carries "تدريب TRAINING" as a black
// bar above and below it, so no paper from training can pass for a real receipt. The till's training ledger
// numbers its receipts (and so its invoices and credit notes) with the TR- prefix: the receipt number alone
// says whether a stored receipt is a training one, wherever it is rendered (print worker, preview).
import type { Block } from '../layout';
import { MonoBitmap } from './bitmap';
import { renderBlocks } from './render';

/** The prefix of every receipt number a training till issues (its till id is TR-<the live till id>). */
export const TRAINING_PREFIX = 'TR-';
export const TRAINING_MARK = 'تدريب TRAINING';

export const isTrainingNumber = (receiptNo: string): boolean => receiptNo.startsWith(TRAINING_PREFIX);

/** The watermark bar as blocks, for documents printed from blocks (refund receipts, the Z report). */
export const TRAINING_BLOCKS: readonly Block[] = [{ kind: 'text', text: TRAINING_MARK, align: 'center', size: 'title', bold: true, invert: true }];

export function withTrainingBlocks(blocks: readonly Block[]): Block[] {
  return [...TRAINING_BLOCKS, ...blocks, ...TRAINING_BLOCKS];
}

/** The watermark bar alone, `width` dots wide (tests compare a printed image's first rows with it). */
export function trainingBar(width: number): MonoBitmap {
  return renderBlocks(TRAINING_BLOCKS, { width });
}

/** A rendered document with the bar above and below it. */
export function stampTraining(image: MonoBitmap): MonoBitmap {
  const bar = trainingBar(image.width);
  const out = new MonoBitmap(image.width, bar.height * 2 + image.height);
  out.data.set(bar.data, 0);
  out.data.set(image.data, bar.data.length);
  out.data.set(bar.data, bar.data.length + image.data.length);
  return out;
}
