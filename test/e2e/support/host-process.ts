// Starts the built browser host (dist/main/host.cjs) as a real child process on a temp data folder.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { projectRoot } from '../../../main/paths';
import { seedKeptSimulatorPki } from '../../support/kept-pki';

export interface HostProcess {
  url: string;
  customerDisplayUrl: string;
  origin: string;
  dataDir: string;
  readyMs: number;
  pid: number;
  child: ChildProcess;
  /** True while the process has neither exited nor been killed. */
  alive(): boolean;
  /** What the process has written to stderr so far (a crash's stack, a till error's message). */
  stderr(): string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export function hostBundle(): string {
  return path.join(projectRoot(), 'dist', 'main', 'host.cjs');
}

export async function startHostProcess(dataDir: string, extraArgs: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<HostProcess> {
  // The run's STC Pay simulator certificates where this till would make its own (test/support/kept-pki.ts).
  seedKeptSimulatorPki(dataDir);
  const child = spawn(process.execPath, [hostBundle(), '--data-dir', dataDir, ...extraArgs], {
    cwd: projectRoot(),
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let stderr = '';
  child.stderr!.on('data', (c) => (stderr += c));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ready = await new Promise<{ url: string; customerDisplayUrl: string; origin: string; readyMs: number; pid: number }>((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout! });
    const timer = setTimeout(() => reject(new Error(`host not ready in 30 s: ${stderr}`)), 30_000);
    lines.on('line', (line) => {
      if (!line.startsWith('{')) return;
      const msg = JSON.parse(line);
      if (msg.event === 'ready') {
        clearTimeout(timer);
        resolve(msg);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`host exited with ${code} before ready: ${stderr}`));
    });
  });
  return {
    ...ready,
    dataDir,
    child,
    alive: () => child.exitCode === null && child.signalCode === null,
    stderr: () => stderr,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
