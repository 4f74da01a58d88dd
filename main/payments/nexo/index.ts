// nexo / Terminal API connector (cloud sync, cloud async, local LAN). See connector.ts for the money rules and the
// inquiry rule, service-id.ts for the ServiceID derivation, README.md for the whole picture.
export { createNexoConnector, DEFAULT_NEXO_TIMEOUTS, type NexoConnector, type NexoConnectorOptions, type NexoMode, type NexoTimeouts } from './connector';
export { createNotificationListener, type NotificationListener, type NotificationListenerOptions } from './notifications';
export { serviceIdOf, referenceOfServiceId, controlServiceId, isValidReference } from './service-id';
export { halalasToSar, sarToHalalas, sarText } from './amount';
export { buildPayment, buildReversal, buildTransactionStatus, buildAbort, buildReconciliation, buildDiagnosis, type Parties } from './request';
export { parseAnswer, readAnswer, type Answer } from './response';
export { deriveKeyMaterial, encryptMessage, decryptMessage, type NexoSecurityKey } from './crypto';
export type * from './types';
// The JSON helpers the provider simulator parses requests with, so both ends read nexo JSON the same way.
export { obj, parseJson, path, str, type JsonObject } from './json';
