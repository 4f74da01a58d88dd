// The ECR simulator as its own process (dist/main/ecr-simulator.cjs), with its record in a file, so a till
// process can be killed and restarted while the terminal keeps its memory.
import { spawn, type ChildProcess } from 'node:child_process';
import readline from 'node:readline';
import type { Behaviour, SimCard, SimRecord, SimTransaction } from '../../main/sim/ecr-terminal';
import { bundles } from './build';

export interface SimulatorProcess {
  port: number;
  child: ChildProcess;
  script(...behaviours: Behaviour[]): Promise<void>;
  record(): Promise<SimRecord>;
  /** A purchase keyed on the terminal by hand: in its batch, never in the till's ledger. */
  keyed(amountHalalas: number, card?: SimCard): Promise<SimTransaction>;
  stop(): Promise<void>;
}

export async function startSimulatorProcess(recordFile: string): Promise<SimulatorProcess> {
  const child = spawn(process.execPath, [bundles.ecrSimulator, '--tcp', '0', '--record', recordFile], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = readline.createInterface({ input: child.stdout! });
  const waiters: Array<{ event: string; resolve: (msg: Record<string, unknown>) => void }> = [];
  lines.on('line', (line) => {
    const msg = JSON.parse(line) as Record<string, unknown>;
    const i = waiters.findIndex((w) => w.event === msg.event);
    if (i >= 0) waiters.splice(i, 1)[0]!.resolve(msg);
  });
  const next = (event: string) => new Promise<Record<string, unknown>>((resolve) => waiters.push({ event, resolve }));
  const ready = await next('ready');
  const send = (cmd: unknown) => child.stdin!.write(`${JSON.stringify(cmd)}\n`);
  return {
    port: ready.port as number,
    child,
    async script(...behaviours) {
      const done = next('scripted');
      send({ cmd: 'script', behaviours });
      await done;
    },
    async record() {
      const answer = next('record');
      send({ cmd: 'record' });
      return (await answer).record as SimRecord;
    },
    async keyed(amountHalalas, card = 'mada') {
      const answer = next('keyed');
      send({ cmd: 'keyed', amountHalalas, card });
      return (await answer).transaction as SimTransaction;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      send({ cmd: 'quit' });
      await exited;
    },
  };
}
