// The receipt as printed, asked again after a standard invoice's clearance changed it (the cleared QR, the band
// "not cleared" gone, or the simplified invoice issued instead). The completed view's own image was asked once,
// right after the sale, and is cached by receipt number; a new one of these per change asks main afresh.
import type { NuqtaApi } from '../../preload/contract/api';
import { ReceiptImageView } from '../printing/ReceiptImageView';
import { useReceiptImage } from '../printing/useReceiptImage';

export function LatestReceiptImage({ api, receiptNo, testId }: { api: NuqtaApi; receiptNo: string; testId: string }) {
  const state = useReceiptImage(api, receiptNo);
  return <ReceiptImageView state={state} testId={testId} />;
}
