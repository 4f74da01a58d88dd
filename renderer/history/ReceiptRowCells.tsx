// A receipt's number, total and time as a history row shows them: a sale's receipt or a refund receipt.
import { useFormat } from '../format/FormatContext';

export function ReceiptRowCells({ no, totalHalalas, at }: { no: string; totalHalalas: number; at: string }) {
  const f = useFormat();
  return (
    <>
      <bdi className="receipt-row__no" dir="ltr">
        {no}
      </bdi>
      <span className="receipt-row__total">{f.money(totalHalalas)}</span>
      <bdi className="receipt-row__time" dir="ltr">
        {f.dateTime(at)}
      </bdi>
    </>
  );
}
