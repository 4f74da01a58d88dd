// mada ECR (SkyBand) connector, codec and link layer. See connector.ts for the money rules and the inquiry rule.
export { createSkyBandConnector, DEFAULT_TIMEOUTS, type EcrTimeouts, type SkyBandConnector, type SkyBandConnectorOptions } from './connector';
export { sha256Signature, zerosSignature, type SignatureFields, type SignatureProvider } from './signature';
export type { LrcMode } from './lrc';
export { buildRequestFrame, decodeRequest, type EcrCommand, type EcrRequest } from './request';
export { parseResponse, type ParsedResponse, type TransactionResponse } from './response';
export { toTerminalRecord } from './record';
export { declineReason } from './codes';
export { exchange, type ExchangeOptions, type LinkResult } from './link';
