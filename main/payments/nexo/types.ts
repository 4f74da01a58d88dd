// The nexo / Terminal API messages Nuqta sends and the simulator answers, as JSON shapes (payments.md §3).
// Only the fields we use are declared. Field names and enumeration values are checked against the independent
// reference (@adyen/api-library typings and serializer) in test/payments/nexo/adyen-reference.test.ts; nothing in
// main/ imports that package.

export type MessageCategory = 'Payment' | 'Reversal' | 'TransactionStatus' | 'Abort' | 'Reconciliation' | 'Diagnosis';
/** Categories a TransactionStatus can ask about (Adyen: "Payment or Reversal, default is Payment"). */
export type FinancialCategory = 'Payment' | 'Reversal';
export type MessageType = 'Request' | 'Response';
export type ResultType = 'Success' | 'Partial' | 'Failure';
export type ErrorCondition =
  | 'Aborted'
  | 'Busy'
  | 'Cancel'
  | 'DeviceOut'
  | 'InProgress'
  | 'InsertedCard'
  | 'InvalidCard'
  | 'LoggedOut'
  | 'MessageFormat'
  | 'NotAllowed'
  | 'NotFound'
  | 'PaymentRestriction'
  | 'Refusal'
  | 'UnavailableDevice'
  | 'UnavailableService'
  | 'UnreachableHost'
  | 'WrongPIN';
export type ReversalReason = 'CustCancel' | 'MerchantCancel' | 'Malfunction' | 'Unable2Compl';
export type EntryModeType = 'RFID' | 'Keyed' | 'Manual' | 'File' | 'Scanned' | 'MagStripe' | 'ICC' | 'SynchronousICC' | 'Tapped' | 'Contactless' | 'Mobile';
export type AuthenticationMethod =
  | 'Bypass'
  | 'ManualVerification'
  | 'MerchantAuthentication'
  | 'OfflinePIN'
  | 'OnlinePIN'
  | 'PaperSignature'
  | 'SecuredChannel'
  | 'SecureCertificate'
  | 'SecureNoCertificate'
  | 'SignatureCapture'
  | 'UnknownMethod';
export type GlobalStatus = 'OK' | 'Busy' | 'Maintenance' | 'Unreachable';
export type TotalsTransactionType = 'Debit' | 'Credit' | 'ReverseDebit' | 'ReverseCredit';

export interface MessageHeader {
  ProtocolVersion: '3.0';
  MessageClass: 'Service';
  MessageCategory: MessageCategory;
  MessageType: MessageType;
  /** ≤ 10 characters, unique per request of this SaleID (service-id.ts). */
  ServiceID: string;
  SaleID: string;
  POIID: string;
}

export interface TransactionIdentification {
  TransactionID: string;
  /** ISO 8601. */
  TimeStamp: string;
}

export interface SaleData {
  SaleTransactionID: TransactionIdentification;
}

export interface AmountsReq {
  Currency: 'SAR';
  /** Decimal SAR (12.34), made from integer halalas by amount.ts. */
  RequestedAmount: number;
}

export interface PaymentRequest {
  SaleData: SaleData;
  PaymentTransaction: { AmountsReq: AmountsReq };
}

export interface OriginalPOITransaction {
  POITransactionID: TransactionIdentification;
  SaleID?: string;
  POIID?: string;
}

export interface ReversalRequest {
  /** Our reference for the reversal / refund itself, so the answer and TransactionStatus can be matched to it. */
  SaleData: SaleData;
  OriginalPOITransaction: OriginalPOITransaction;
  ReversalReason: ReversalReason;
  /** Present for a (partial) refund; absent for a full reversal. */
  ReversedAmount?: number;
}

export interface MessageReference {
  MessageCategory: FinancialCategory;
  SaleID: string;
  ServiceID: string;
  POIID: string;
}

export interface TransactionStatusRequest {
  MessageReference: MessageReference;
}

export interface AbortRequest {
  AbortReason: 'MerchantAbort';
  MessageReference: MessageReference;
}

export interface ReconciliationRequest {
  ReconciliationType: 'SaleReconciliation';
}

export interface DiagnosisRequest {
  /** false: ask about the POI only, not its acquirer hosts (cheap). */
  HostDiagnosisFlag: boolean;
}

interface WithHeader {
  MessageHeader: MessageHeader;
}
export type SaleToPOIRequest =
  | (WithHeader & { PaymentRequest: PaymentRequest })
  | (WithHeader & { ReversalRequest: ReversalRequest })
  | (WithHeader & { TransactionStatusRequest: TransactionStatusRequest })
  | (WithHeader & { AbortRequest: AbortRequest })
  | (WithHeader & { ReconciliationRequest: ReconciliationRequest })
  | (WithHeader & { DiagnosisRequest: DiagnosisRequest });

/** What goes on the wire (cloud /sync, /async, and inside the local NexoBlob). */
export interface TerminalApiRequest {
  SaleToPOIRequest: SaleToPOIRequest;
}

// ---- responses (as the simulator builds them; the parser reads them defensively from `unknown`) -----------

export interface Response {
  Result: ResultType;
  ErrorCondition?: ErrorCondition;
  /** URL-encoded key=value pairs (Adyen: message=…, refusalReason=…). */
  AdditionalResponse?: string;
}

export interface AmountsResp {
  Currency: 'SAR';
  AuthorizedAmount: number;
}

export interface CardData {
  MaskedPan?: string;
  PaymentBrand?: string;
  EntryMode?: EntryModeType[];
}

export interface PaymentResult {
  AmountsResp?: AmountsResp;
  AuthenticationMethod?: AuthenticationMethod[];
  PaymentInstrumentData?: { PaymentInstrumentType: 'Card' | 'Mobile'; CardData?: CardData };
  PaymentAcquirerData?: {
    /** The acquirer's terminal id (TID). */
    AcquirerPOIID: string;
    MerchantID: string;
    ApprovalCode?: string;
    AcquirerTransactionID?: TransactionIdentification;
  };
}

export interface POIData {
  POITransactionID: TransactionIdentification;
}

export interface PaymentResponse {
  Response: Response;
  SaleData: SaleData;
  POIData: POIData;
  PaymentResult?: PaymentResult;
}

export interface ReversalResponse {
  Response: Response;
  POIData?: POIData;
  OriginalPOITransaction?: OriginalPOITransaction;
  ReversedAmount?: number;
}

export interface RepeatedMessageResponse {
  MessageHeader: MessageHeader;
  RepeatedResponseMessageBody: { PaymentResponse: PaymentResponse } | { ReversalResponse: ReversalResponse };
}

export interface TransactionStatusResponse {
  Response: Response;
  MessageReference?: MessageReference;
  RepeatedMessageResponse?: RepeatedMessageResponse;
}

export interface PaymentTotals {
  TransactionType: TotalsTransactionType;
  TransactionCount: number;
  TransactionAmount: number;
}

export interface TransactionTotals {
  PaymentInstrumentType: 'Card';
  CardBrand?: string;
  PaymentCurrency?: 'SAR';
  PaymentTotals?: PaymentTotals[];
}

export interface ReconciliationResponse {
  Response: Response;
  ReconciliationType: 'SaleReconciliation';
  TransactionTotals?: TransactionTotals[];
}

export interface DiagnosisResponse {
  Response: Response;
  POIStatus?: { GlobalStatus: GlobalStatus };
}

export type SaleToPOIResponse =
  | (WithHeader & { PaymentResponse: PaymentResponse })
  | (WithHeader & { ReversalResponse: ReversalResponse })
  | (WithHeader & { TransactionStatusResponse: TransactionStatusResponse })
  | (WithHeader & { ReconciliationResponse: ReconciliationResponse })
  | (WithHeader & { DiagnosisResponse: DiagnosisResponse });

/**
 * A provider-side rejection or event. Adyen answers a request it could not deliver or process with an
 * EventNotification "Reject" (e.g. EventDetails "message=Did+not+receive+a+response+from+the+POI.") inside a
 * SaleToPOIRequest, in the place of the response.
 */
export interface EventNotificationMessage {
  MessageHeader: {
    ProtocolVersion: '3.0';
    MessageClass: 'Event';
    MessageCategory: 'Event';
    MessageType: 'Notification';
    ServiceID?: string;
    SaleID: string;
    POIID: string;
  };
  EventNotification: { EventToNotify: 'Reject' | 'Shutdown' | 'OutOfOrder' | 'Initialised'; EventDetails?: string; TimeStamp: string };
}

export type TerminalApiResponse = { SaleToPOIResponse: SaleToPOIResponse } | { SaleToPOIRequest: EventNotificationMessage };

// ---- local (LAN) secured message --------------------------------------------------------------------------

export interface SecurityTrailer {
  AdyenCryptoVersion: number;
  KeyIdentifier: string;
  KeyVersion: number;
  /** base64 of the 16-byte nonce XORed into the derived IV. */
  Nonce: string;
  /** base64 HMAC-SHA256 of the plaintext JSON. */
  Hmac: string;
}

export interface SaleToPOISecuredMessage {
  MessageHeader: MessageHeader | EventNotificationMessage['MessageHeader'];
  NexoBlob: string;
  SecurityTrailer: SecurityTrailer;
}
