// Which payments of a completed sale can go back to a card. Pure.
import type { CardTender, Receipt } from '../../preload/contract/schemas';

export function cardTendersOf(receipt: Receipt): CardTender[] {
  return receipt.tenders.filter((t): t is CardTender => t.kind === 'card');
}
