// Simulated nexo / Terminal API provider (cloud /sync, /async + notifications, LAN /nexo/) over real HTTPS with
// its own CA. See simulator.ts for the endpoints and conventions, types.ts for the script, cli.ts for the process.
export { startNexoSimulator, DEFAULT_SIM_KEY, type NexoSimulator, type NexoSimulatorOptions, type NotificationTarget } from './simulator';
export { generateCertificates, type SimCertificates, type CertificateOptions } from './certs';
export type { NexoBehaviour, SimCategory, SimEvent, SimLedger, SimTransaction } from './types';
