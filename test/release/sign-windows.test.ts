// scripts/release/sign-windows.mjs, electron-builder's cloud-HSM sign hook: it runs the command the
// environment names (a real child process here, standing in for the HSM client) on the file, without a shell.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { signCommand, signWith } from '../../scripts/release/sign-windows.mjs';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nuqta-sign-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A stand-in signer: appends what it was given to the file, or fails with the exit code it is told. */
const signer = path.join(dir, 'signer.mjs');
fs.writeFileSync(
  signer,
  [
    "import fs from 'node:fs';",
    'const [mode, file] = process.argv.slice(2);',
    "if (mode !== 'ok') process.exit(Number(mode));",
    'fs.appendFileSync(file, `|signed ${process.env.NUQTA_SIGN_HASH} ${process.env.NUQTA_SIGN_FILE === file}`);',
  ].join('\n'),
);
const command = (mode: string) => ({ NUQTA_SIGN_COMMAND: JSON.stringify([process.execPath, signer, mode]) });

describe('NUQTA_SIGN_COMMAND', () => {
  it('is a program path, or a JSON array of the program and its leading arguments', () => {
    expect(signCommand({ NUQTA_SIGN_COMMAND: 'C:\\tools\\hsm sign.exe' })).toStrictEqual({ program: 'C:\\tools\\hsm sign.exe', args: [] });
    expect(signCommand({ NUQTA_SIGN_COMMAND: '["pwsh","-File","C:\\\\sign.ps1"]' })).toStrictEqual({
      program: 'pwsh',
      args: ['-File', 'C:\\sign.ps1'],
    });
  });

  it('must be set and well formed: a release is never left unsigned by a typo', () => {
    expect(() => signCommand({})).toThrow(/NUQTA_SIGN_COMMAND is not set/);
    expect(() => signCommand({ NUQTA_SIGN_COMMAND: '  ' })).toThrow(/not set/);
    expect(() => signCommand({ NUQTA_SIGN_COMMAND: '["pwsh",' })).toThrow(/not a JSON array/);
    expect(() => signCommand({ NUQTA_SIGN_COMMAND: '[]' })).toThrow(/non-empty strings/);
    expect(() => signCommand({ NUQTA_SIGN_COMMAND: '["pwsh", 3]' })).toThrow(/non-empty strings/);
  });
});

describe('the sign hook', () => {
  it('runs the command on the file, a path with spaces and shell characters as one argument', async () => {
    const file = path.join(dir, 'Nuqta POS $(id) & Setup.exe');
    fs.writeFileSync(file, 'MZ');
    await signWith({ path: file, hash: 'sha256' }, command('ok'));
    expect(fs.readFileSync(file, 'utf8')).toBe('MZ|signed sha256 true');
  });

  it('fails the build when the command fails, cannot start, or hangs', async () => {
    const file = path.join(dir, 'a.exe');
    fs.writeFileSync(file, 'MZ');
    await expect(signWith({ path: file, hash: 'sha256' }, command('3'))).rejects.toThrow(/exit code 3/);
    await expect(signWith({ path: file }, { NUQTA_SIGN_COMMAND: path.join(dir, 'no-such-signer') })).rejects.toThrow(
      /could not be started/,
    );
    const hang = { NUQTA_SIGN_COMMAND: JSON.stringify([process.execPath, '-e', 'setTimeout(() => {}, 60_000)']) };
    await expect(signWith({ path: file }, hang, 300)).rejects.toThrow(/killed by SIGTERM/);
    expect(fs.readFileSync(file, 'utf8')).toBe('MZ');
  });
});
