// The admin CLI as an admin runs it: the built bundle (dist/main/cli.cjs) in a child process.
import { spawnSync } from 'node:child_process';
import { bundles } from './build';

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `nuqta ARGS…` with `input` on its standard input (build first: ensureMainBuilt). */
export function nuqtaWithInput(input: string, ...args: string[]): CliRun {
  const r = spawnSync(process.execPath, [bundles.cli, ...args], { encoding: 'utf8', input });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export const nuqta = (...args: string[]): CliRun => nuqtaWithInput('', ...args);
