// The simulator's answers, as a provider would write them. Typed with the till's own message types and checked
// against the @adyen/api-library models in test/payments/nexo/adyen-reference.test.ts, so the simulator cannot
// drift into a private dialect that only our parser understands.
import { halalasToSar } from '../../payments/nexo';
import type {
  DiagnosisResponse,
  ErrorCondition,
  EventNotificationMessage,
  FinancialCategory,
  MessageCategory,
  MessageHeader,
  PaymentResponse,
  ReconciliationResponse,
  Response,
  ReversalResponse,
  SaleToPOIResponse,
  TerminalApiResponse,
  TransactionStatusResponse,
  TransactionTotals,
} from '../../payments/nexo';
import type { NexoBehaviour, SimTransaction } from './types';

export function responseHeader(request: Pick<MessageHeader, 'SaleID' | 'ServiceID' | 'POIID'>, category: MessageCategory): MessageHeader {
  return { ProtocolVersion: '3.0', MessageClass: 'Service', MessageCategory: category, MessageType: 'Response', ServiceID: request.ServiceID, SaleID: request.SaleID, POIID: request.POIID };
}

export const success = (): Response => ({ Result: 'Success' });
export const failure = (condition: ErrorCondition, message?: string): Response =>
  message ? { Result: 'Failure', ErrorCondition: condition, AdditionalResponse: new URLSearchParams({ message }).toString() } : { Result: 'Failure', ErrorCondition: condition };

const BINS: Record<string, { bin: string; full: string }> = {
  mada: { bin: '588845', full: '5888450012345671' },
  visa: { bin: '476173', full: '4761739001010010' },
  mc: { bin: '545454', full: '5454545454545454' },
  amex: { bin: '374245', full: '374245455400126' },
};

function cardOf(brand: string, unmasked: boolean) {
  const scheme = brand.toLowerCase().split('_')[0] ?? 'mada';
  const known = BINS[scheme] ?? BINS.mada!;
  if (unmasked) return known.full;
  return `${known.bin}${'*'.repeat(known.full.length - 10)}${known.full.slice(-4)}`;
}

/** PaymentResponse for a processed purchase (approved, partial, declined or aborted). */
export function paymentResponse(tx: SimTransaction, behaviour: NexoBehaviour, authorisedHalalas: number): PaymentResponse {
  const wallet = /pay/i.test(tx.brand) && !/^paypal/i.test(tx.brand);
  const response: Response =
    tx.status === 'approved'
      ? authorisedHalalas < tx.amountHalalas
        ? { Result: 'Partial' }
        : success()
      : tx.status === 'aborted'
        ? failure('Aborted', 'Cancelled by the sale system')
        : {
            Result: 'Failure',
            ErrorCondition: (tx.errorCondition as ErrorCondition | undefined) ?? 'Refusal',
            AdditionalResponse: new URLSearchParams({ refusalReason: behaviour.refusalReason ?? 'Refused', message: 'Declined' }).toString(),
          };
  return {
    Response: response,
    SaleData: { SaleTransactionID: { TransactionID: tx.transactionId, TimeStamp: tx.poiTimeStamp } },
    POIData: { POITransactionID: { TransactionID: tx.poiTransactionId, TimeStamp: tx.poiTimeStamp } },
    PaymentResult: {
      ...(tx.status === 'approved' ? { AmountsResp: { Currency: 'SAR', AuthorizedAmount: halalasToSar(authorisedHalalas) } } : {}),
      AuthenticationMethod: [behaviour.authenticationMethod ?? (wallet ? 'SecuredChannel' : 'OnlinePIN')],
      PaymentInstrumentData: {
        PaymentInstrumentType: 'Card',
        CardData: { MaskedPan: cardOf(tx.brand, behaviour.unmaskedPan === true), PaymentBrand: tx.brand, EntryMode: [behaviour.entryMode ?? (wallet ? 'Contactless' : 'ICC')] },
      },
      PaymentAcquirerData: {
        AcquirerPOIID: '12345678',
        MerchantID: 'NUQTA-SIM-MERCHANT',
        ...(tx.status === 'approved' ? { ApprovalCode: tx.approvalCode } : {}),
        AcquirerTransactionID: { TransactionID: tx.acquirerTransactionId, TimeStamp: tx.poiTimeStamp },
      },
    },
  };
}

/** ReversalResponse for a processed reversal or referenced refund. */
export function reversalResponse(tx: SimTransaction, original: SimTransaction | undefined): ReversalResponse {
  const response: Response =
    tx.status === 'approved' ? success() : failure((tx.errorCondition as ErrorCondition | undefined) ?? 'NotAllowed', tx.status === 'declined' && !original ? 'Original transaction not found' : 'Reversal refused');
  return {
    Response: response,
    POIData: { POITransactionID: { TransactionID: tx.poiTransactionId, TimeStamp: tx.poiTimeStamp } },
    ...(original ? { OriginalPOITransaction: { POITransactionID: { TransactionID: original.poiTransactionId, TimeStamp: original.poiTimeStamp } } } : {}),
    ...(tx.status === 'approved' ? { ReversedAmount: halalasToSar(tx.amountHalalas) } : {}),
  };
}

export function statusFound(tx: SimTransaction, poiId: string): TransactionStatusResponse {
  const header: MessageHeader = responseHeader({ SaleID: tx.saleId, ServiceID: tx.serviceId, POIID: poiId }, tx.category);
  if (!tx.response) throw new Error(`transaction ${tx.transactionId} has no final response yet`);
  return {
    Response: success(),
    MessageReference: { MessageCategory: tx.category, SaleID: tx.saleId, ServiceID: tx.serviceId, POIID: poiId },
    RepeatedMessageResponse: { MessageHeader: header, RepeatedResponseMessageBody: tx.response },
  };
}

export function statusFailure(condition: 'InProgress' | 'NotFound' | 'Busy', ref: { SaleID: string; ServiceID: string; POIID: string; MessageCategory: FinancialCategory }): TransactionStatusResponse {
  return { Response: failure(condition), MessageReference: ref };
}

export function reconciliationResponse(totals: TransactionTotals[]): ReconciliationResponse {
  return { Response: success(), ReconciliationType: 'SaleReconciliation', TransactionTotals: totals };
}

export function diagnosisResponse(busy: boolean): DiagnosisResponse {
  return { Response: success(), POIStatus: { GlobalStatus: busy ? 'Busy' : 'OK' } };
}

export function rejectEvent(request: Pick<MessageHeader, 'SaleID' | 'ServiceID' | 'POIID'>, message: string, at: Date): TerminalApiResponse {
  const event: EventNotificationMessage = {
    MessageHeader: { ProtocolVersion: '3.0', MessageClass: 'Event', MessageCategory: 'Event', MessageType: 'Notification', ServiceID: request.ServiceID, SaleID: request.SaleID, POIID: request.POIID },
    EventNotification: { EventToNotify: 'Reject', EventDetails: new URLSearchParams({ message }).toString(), TimeStamp: at.toISOString() },
  };
  return { SaleToPOIRequest: event };
}

export function wrap(message: SaleToPOIResponse): TerminalApiResponse {
  return { SaleToPOIResponse: message };
}
