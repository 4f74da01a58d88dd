// The virtual pole on a pseudo-terminal: socat makes a pty (raw, no echo) and relays it to its stdio, which
// feeds the simulator. The till opens `path` as it would the real pole's serial port. Needs Debian `socat`.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PoleSim } from './sim';

export interface PoleSimPty {
  /** The device path for the till side (a symlink to /dev/pts/N). */
  readonly path: string;
  close(): Promise<void>;
}

export async function startPoleSimPty(sim: PoleSim, options: { timeoutMs?: number } = {}): Promise<PoleSimPty> {
  const timeoutMs = options.timeoutMs ?? 5000;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nuqta-pole-pty-'));
  const link = path.join(dir, 'pole');
  const child = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${link}`, 'STDIO'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let log = '';
  child.stderr.on('data', (d: Buffer) => {
    log += d.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
    fs.rmSync(dir, { recursive: true, force: true });
  };

  // socat logs "starting data transfer loop" once the pty and its link exist.
  const deadline = Date.now() + timeoutMs;
  let spawnError: Error | null = null;
  child.once('error', (e) => {
    spawnError = e;
  });
  while (!(log.includes('starting data transfer loop') && fs.existsSync(link))) {
    if (spawnError || child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`socat did not start: ${(spawnError as Error | null)?.message ?? log.trim()}`);
    }
    await new Promise((r) => setTimeout(r, 10));
  }

  child.stdout.on('data', (chunk: Buffer) => sim.feed(chunk));
  child.stdin.on('error', () => undefined);
  return { path: link, close: stop };
}
