// The virtual printer on a pseudo-terminal, for testing the serial transport without hardware: socat
// creates a pty (raw, no echo) and relays it to its stdin/stdout, which the simulator reads and answers.
// The till opens `path` like any serial port. Needs the Debian package `socat`.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PrinterSim } from './sim';

export interface SimPty {
  /** The device path for the till side (a symlink to /dev/pts/N). */
  readonly path: string;
  close(): Promise<void>;
}

export async function startSimPty(sim: PrinterSim, options: { timeoutMs?: number } = {}): Promise<SimPty> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nuqta-printer-pty-'));
  const link = path.join(dir, 'printer');
  const child: ChildProcess = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${link}`, 'STDIO'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let log = '';
  child.stderr!.on('data', (d: Buffer) => {
    log += d.toString();
  });

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`socat did not start within ${options.timeoutMs ?? 5000} ms: ${log.trim()}`));
    }, options.timeoutMs ?? 5000);
    child.once('error', (e) => {
      clearTimeout(timer);
      reject(new Error(`cannot run socat (apt-get install socat): ${e.message}`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`socat exited with ${code}: ${log.trim()}`));
    });
    const poll = setInterval(() => {
      if (/starting data transfer loop/.test(log) && fs.existsSync(link)) {
        clearInterval(poll);
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolve();
      }
    }, 10);
    timer.unref();
  });

  const reply = (bytes: Uint8Array) => {
    if (child.stdin!.writable) child.stdin!.write(bytes);
  };
  child.stdout!.on('data', (chunk: Buffer) => {
    sim.feed(chunk, reply);
    if (sim.backlog() >= sim.bufferBytes) child.stdout!.pause();
  });
  const resume = () => child.stdout!.resume();
  sim.on('backlog-drained', resume);
  child.stdin!.on('error', () => undefined);

  return {
    path: link,
    close: async () => {
      sim.off('backlog-drained', resume);
      if (child.exitCode === null) {
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
