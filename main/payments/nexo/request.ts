// Builders for the SaleToPOIRequest messages Nuqta sends (payments.md §3). Pure functions: the connector decides
// when to send them, service-id.ts decides the ServiceIDs.
import { halalasToSar } from './amount';
import { controlServiceId, serviceIdOf } from './service-id';
import type {
  FinancialCategory,
  MessageCategory,
  MessageHeader,
  MessageReference,
  ReversalReason,
  TerminalApiRequest,
  TransactionIdentification,
} from './types';

/** Who is talking: SaleID = the till id, POIID = the terminal (or cloud device) it pays on. */
export interface Parties {
  saleId: string;
  poiId: string;
}

export function header(parties: Parties, category: MessageCategory, serviceId: string): MessageHeader {
  if (serviceId.length < 1 || serviceId.length > 10) throw new RangeError(`ServiceID must be 1–10 characters: ${serviceId}`);
  return {
    ProtocolVersion: '3.0',
    MessageClass: 'Service',
    MessageCategory: category,
    MessageType: 'Request',
    ServiceID: serviceId,
    SaleID: parties.saleId,
    POIID: parties.poiId,
  };
}

const stamp = (at: Date) => at.toISOString();

/** A purchase: SaleTransactionID.TransactionID is our intent reference, ServiceID derived from it. */
export function buildPayment(parties: Parties, p: { reference: string; amountHalalas: number; at: Date }): TerminalApiRequest {
  return {
    SaleToPOIRequest: {
      MessageHeader: header(parties, 'Payment', serviceIdOf(p.reference)),
      PaymentRequest: {
        SaleData: { SaleTransactionID: { TransactionID: p.reference, TimeStamp: stamp(p.at) } },
        PaymentTransaction: { AmountsReq: { Currency: 'SAR', RequestedAmount: halalasToSar(p.amountHalalas) } },
      },
    },
  };
}

/**
 * A reversal (no amount: the whole original) or a referenced refund (with `amountHalalas`: Adyen's "referenced
 * refund" is a ReversalRequest with ReversedAmount). The original is named by its POITransactionID, which the
 * terminal returned with the approval.
 */
export function buildReversal(
  parties: Parties,
  p: { reference: string; original: TransactionIdentification; reason: ReversalReason; amountHalalas?: number; at: Date },
): TerminalApiRequest {
  return {
    SaleToPOIRequest: {
      MessageHeader: header(parties, 'Reversal', serviceIdOf(p.reference)),
      ReversalRequest: {
        SaleData: { SaleTransactionID: { TransactionID: p.reference, TimeStamp: stamp(p.at) } },
        OriginalPOITransaction: { POITransactionID: { ...p.original }, SaleID: parties.saleId, POIID: parties.poiId },
        ReversalReason: p.reason,
        ...(p.amountHalalas === undefined ? {} : { ReversedAmount: halalasToSar(p.amountHalalas) }),
      },
    },
  };
}

/** The MessageReference naming the ORIGINAL financial request of `reference` (its derived ServiceID). */
export function referenceTo(parties: Parties, reference: string, category: FinancialCategory): MessageReference {
  return { MessageCategory: category, SaleID: parties.saleId, ServiceID: serviceIdOf(reference), POIID: parties.poiId };
}

/** TransactionStatus about `reference`, under a NEW ServiceID of its own. */
export function buildTransactionStatus(parties: Parties, p: { reference: string; category: FinancialCategory; serviceId?: string }): TerminalApiRequest {
  return {
    SaleToPOIRequest: {
      MessageHeader: header(parties, 'TransactionStatus', p.serviceId ?? controlServiceId('status')),
      TransactionStatusRequest: { MessageReference: referenceTo(parties, p.reference, p.category) },
    },
  };
}

/** Abort of the payment `reference` that is still in progress. */
export function buildAbort(parties: Parties, p: { reference: string; serviceId?: string }): TerminalApiRequest {
  return {
    SaleToPOIRequest: {
      MessageHeader: header(parties, 'Abort', p.serviceId ?? controlServiceId('abort')),
      AbortRequest: { AbortReason: 'MerchantAbort', MessageReference: referenceTo(parties, p.reference, 'Payment') },
    },
  };
}

/** End-of-day reconciliation of the sale system's transactions (payments.md §6.7). */
export function buildReconciliation(parties: Parties, p: { serviceId?: string } = {}): TerminalApiRequest {
  return {
    SaleToPOIRequest: {
      MessageHeader: header(parties, 'Reconciliation', p.serviceId ?? controlServiceId('reconciliation')),
      ReconciliationRequest: { ReconciliationType: 'SaleReconciliation' },
    },
  };
}

/** The health probe: a diagnosis of the POI only; never financial. */
export function buildDiagnosis(parties: Parties, p: { serviceId?: string } = {}): TerminalApiRequest {
  return {
    SaleToPOIRequest: {
      MessageHeader: header(parties, 'Diagnosis', p.serviceId ?? controlServiceId('diagnosis')),
      DiagnosisRequest: { HostDiagnosisFlag: false },
    },
  };
}

/** The header of any request we built (each member of the union has one). */
export function headerOf(request: TerminalApiRequest): MessageHeader {
  return request.SaleToPOIRequest.MessageHeader;
}
