// Running the programs an install step needs (PowerShell, schtasks, the installer, the new AppImage), behind two
// small functions so the install logic is tested with real child processes standing in for them.
import { execFile, spawn } from 'node:child_process';

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a program to its end (no shell: arguments are passed as they are). */
export type RunCommand = (file: string, args: readonly string[], options?: { env?: NodeJS.ProcessEnv; timeoutMs?: number }) => Promise<CommandResult>;

/** Starts a program that outlives this process (the installer, the relaunched till); throws when it cannot start. */
export type LaunchDetached = (file: string, args: readonly string[]) => Promise<void>;

export const runCommand: RunCommand = (file, args, options = {}) =>
  new Promise((resolve) => {
    execFile(
      file,
      [...args],
      { env: { ...process.env, ...options.env }, timeout: options.timeoutMs ?? 60_000, windowsHide: true, maxBuffer: 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout: String(stdout), stderr: error && code === -1 ? `${String(stderr)}${error.message}` : String(stderr) });
      },
    );
  });

export const launchDetached: LaunchDetached = (file, args) =>
  new Promise((resolve, reject) => {
    const child = spawn(file, [...args], { detached: true, stdio: 'ignore', windowsHide: false });
    child.once('error', reject);
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
