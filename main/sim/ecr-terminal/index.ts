// Simulated mada ECR terminal (SkyBand protocol). See simulator.ts for how to serve it and types.ts for the script.
export { createEcrSimulator, createSimulatedTerminal, type EcrSimulator, type EcrSimulatorOptions } from './simulator';
export { SimulatedTerminal, type TerminalEvent, type TerminalOptions } from './terminal';
export { createPtyPair, type PtyPair } from './pty';
export type { Behaviour, SimCard, SimCvm, SimRecord, SimTransaction } from './types';
