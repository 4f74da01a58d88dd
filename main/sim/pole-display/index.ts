// The virtual CD5220 pole display, in-process or on a pseudo-terminal, for tests and demos.
export { createPoleSim, type PoleSim } from './sim';
export { startPoleSimPty, type PoleSimPty } from './pty';
