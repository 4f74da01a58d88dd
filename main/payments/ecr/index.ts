// mada ECR (SkyBand) connector, codec and link layer. See connector.ts for the money rules and the inquiry rule.
export { createSkyBandConnector, DEFAULT_TIMEOUTS, type EcrTimeouts, type SkyBandConnector, type SkyBandConnectorOptions } from './connector';
export { sha256Signature, zerosSignature, type SignatureFields, type SignatureProvider } from './signature';
export type { LrcMode } from './lrc';
export { buildRequestFrame, decodeRequest, type EcrCommand, type EcrRequest } from './request';
export { parseResponse, type ParsedResponse, type TransactionResponse } from './response';
export { toTerminalRecord } from './record';
export { declineReason } from './codes';
export { exchange, type ExchangeOptions, type LinkResult } from './link';
// The terminal's side of the codec, for the terminal simulator: it frames, checks and parses with the same code.
export { ACK, NAK, encodeFrame, splitFrame, FrameReader, type ReaderEvent } from './frame';
export { matchLrc } from './lrc';
export { encodeIso88596Hex } from './iso8859-6';
export { IDX, TRANSACTION_FIELD_COUNT } from './response';
export { formatEcrDateTime } from './datetime';
export type { DecodedRequest } from './request';
