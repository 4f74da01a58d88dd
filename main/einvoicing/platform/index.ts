// Talking to ZATCA's platform (FATOORA): the client, its result kinds, the wire shapes (the platform simulator
// writes the same JSON from these), the base URLs. See README.md.
export { createPlatformClient, basicAuth, normaliseOtp, PLATFORM_PATHS, DEFAULT_TIMEOUT_MS, DEFAULT_MAX_BODY_BYTES, type PlatformClient, type PlatformClientOptions } from './client';
export { platformBaseUrl, PLATFORM_BASE_URLS, type PlatformEnvironment } from './environments';
export { httpsTransport, classifyNetworkError, type PlatformRequest, type PlatformTransport, type RawAnswer, type TransportFailure, type TransportLimits } from './http';
export { certificateOfToken } from './answers';
export { platformText, RETRY_CODE, type PlatformCode, type RetryReason } from './reasons';
export type * from './types';
export {
  readCsidAnswer,
  readErrorMessages,
  readValidationAnswer,
  quoteRequestId,
  type CsidAnswerJson,
  type CsrBody,
  type DocumentBody,
  type ProductionCsidBody,
  type ValidationAnswerJson,
  type ValidationMessageJson,
} from './wire';
