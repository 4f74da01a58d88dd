// Named points in the payment flow where the fault-injection test kills the till outright (SIGKILL), to
// prove that a crash at any step leaves the ledger and the terminal in agreement after a restart. Inert
// unless NUQTA_FAULT_INJECTION=1 and NUQTA_FAULT_POINT names the point: no till is ever started that way.
export type FaultPoint =
  | `${'purchase' | 'refund' | 'reversal'}.${'before-send' | 'after-send' | 'after-answer'}`
  | 'recovery.after-answer';

export function faultPoint(point: FaultPoint, env: NodeJS.ProcessEnv = process.env): void {
  if (env.NUQTA_FAULT_INJECTION === '1' && env.NUQTA_FAULT_POINT === point) process.kill(process.pid, 'SIGKILL');
}
