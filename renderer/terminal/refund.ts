// Which payments of a completed sale can be refunded: card and STC Pay tenders (STC Pay travels as a card
// tender with the STC Pay scheme). Pure.
import type { CardTender, Receipt } from '../../preload/contract/schemas';

export function cardTendersOf(receipt: Receipt): CardTender[] {
  return receipt.tenders.filter((t): t is CardTender => t.kind === 'card');
}
