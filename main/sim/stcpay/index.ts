// Simulated STC Pay DirectPayment V4 (mutual TLS on 127.0.0.1). See README.md.
export { createStcPaySimulator, DEFAULT_CLIENT_CODE, SIM_BASE_PATH, type StcPaySimulator, type StcPaySimulatorOptions } from './simulator';
export { generateSimulatorPki, keptSimulatorPki, type SimulatorPki } from './pki';
export { OTP, NO_WALLET_MOBILE, ERROR as SIM_ERRORS } from './ledger';
export type { SimBehaviour, SimCall, SimEvent, SimLedger, SimPayment, SimStatus } from './types';
