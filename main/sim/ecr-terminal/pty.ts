// A pair of linked pseudo-terminals made by socat (Debian package "socat"): the till opens one end as if it were a
// serial port, the simulator serves the other. Killing socat is the pulled cable.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface PtyPair {
  /** The end the till opens with the serial transport. */
  tillPath: string;
  /** The end the simulator serves. */
  terminalPath: string;
  socat: ChildProcess;
  /** Kills socat (both ends vanish) and removes the temp folder. */
  close(): Promise<void>;
}

export async function createPtyPair(options: { dir?: string; timeoutMs?: number } = {}): Promise<PtyPair> {
  const dir = options.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'nuqta-ecr-pty-'));
  const tillPath = path.join(dir, 'till');
  const terminalPath = path.join(dir, 'terminal');
  const socat = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${tillPath}`, `pty,raw,echo=0,link=${terminalPath}`], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  socat.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const exited = new Promise<void>((resolve) => socat.once('exit', () => resolve()));
  const spawnError = new Promise<Error>((resolve) => socat.on('error', (err) => resolve(err)));
  const close = async () => {
    if (socat.exitCode === null && socat.signalCode === null) socat.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
    if (!options.dir) fs.rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + (options.timeoutMs ?? 5000);
  // socat logs "starting data transfer loop" once both ptys exist and their links are in place.
  while (!(stderr.includes('starting data transfer loop') && fs.existsSync(tillPath) && fs.existsSync(terminalPath))) {
    const failed = await Promise.race([spawnError, new Promise<null>((r) => setTimeout(() => r(null), 20))]);
    if (failed || socat.exitCode !== null || Date.now() > deadline) {
      await close();
      throw new Error(`socat did not start${failed ? `: ${failed.message}` : ''}: ${stderr.trim()}`);
    }
  }
  return { tillPath, terminalPath, socat, close };
}
