// Simulated ZATCA platform (FATOORA) over HTTPS on 127.0.0.1. See README.md.
export { startZatcaSimulator, requiredChecks, DEFAULT_OTP, SIM_BASE_PATH, UNREGISTERED_BUYER_VAT, type ZatcaSimulator, type ZatcaSimulatorOptions } from './simulator';
export { CHAIN_ERRORS } from './chain';
export { egsOfCertificate } from './registry';
export type { DocumentFate, FaultAction, FaultMessage, ReceivedDocument, SimCsid, SimEvent, SimRecord, SimRequest, ZatcaCall, ZatcaFault } from './types';
