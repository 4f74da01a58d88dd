// scripts/release/check-fuses.mjs: the comparison on fake fuse wires, then the command itself on a stand-in
// binary (a file holding Electron's fuse sentinel and wire) whose fuses were flipped by @electron/fuses, the
// library electron-builder flips them with.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FuseState, FuseV1Options, FuseVersion, flipFuses } from '@electron/fuses';
import { afterAll, describe, expect, it } from 'vitest';
import { compareFuses, expectedFuses, readBuilderConfig, type FuseWire } from '../../scripts/release/check-fuses.mjs';

const root = path.resolve(__dirname, '..', '..');
const script = path.join(root, 'scripts', 'release', 'check-fuses.mjs');
const expected = expectedFuses(readBuilderConfig());
const { ENABLE, DISABLE, REMOVED, INHERIT } = FuseState;

/** A version-1 wire as Electron 45 has it: nine fuses, each set as electron-builder.yml asks unless overridden. */
function wireAsConfigured(overrides: Record<number, number | undefined> = {}): FuseWire {
  const wire: FuseWire = { version: '1' };
  for (let i = 0; i < 9; i++) wire[i] = INHERIT;
  for (const { index, enabled } of expected) wire[index] = enabled ? ENABLE : DISABLE;
  return Object.assign(wire, overrides);
}

const failures = (wire: FuseWire) => compareFuses(expected, wire).filter((r) => !r.ok);

describe('the fuses electron-builder.yml asks for', () => {
  it('are read from its electronFuses block, each at its place in the wire', () => {
    expect(expected).toStrictEqual([
      { name: 'runAsNode', index: FuseV1Options.RunAsNode, enabled: false },
      { name: 'enableCookieEncryption', index: FuseV1Options.EnableCookieEncryption, enabled: true },
      { name: 'enableNodeOptionsEnvironmentVariable', index: FuseV1Options.EnableNodeOptionsEnvironmentVariable, enabled: false },
      { name: 'enableNodeCliInspectArguments', index: FuseV1Options.EnableNodeCliInspectArguments, enabled: false },
      { name: 'onlyLoadAppFromAsar', index: FuseV1Options.OnlyLoadAppFromAsar, enabled: true },
      { name: 'enableEmbeddedAsarIntegrityValidation', index: FuseV1Options.EnableEmbeddedAsarIntegrityValidation, enabled: true },
      { name: 'grantFileProtocolExtraPrivileges', index: FuseV1Options.GrantFileProtocolExtraPrivileges, enabled: false },
    ]);
  });

  it('refuse a config without the block, with a key that is not a fuse, or a value that is not true/false', () => {
    expect(() => expectedFuses({})).toThrow(/no electronFuses block/);
    expect(() => expectedFuses({ electronFuses: { runAsNod: false } })).toThrow(/runAsNod is not a fuse/);
    expect(() => expectedFuses({ electronFuses: { runAsNode: 'false' } })).toThrow(/must be true or false/);
    // electron-builder lists this macOS signing step among the fuses; it has no place in the wire.
    expect(expectedFuses({ electronFuses: { resetAdHocDarwinSignature: true, runAsNode: false } })).toHaveLength(1);
  });
});

describe('comparing with a wire read from a binary', () => {
  it('passes a wire set as configured', () => {
    expect(failures(wireAsConfigured())).toStrictEqual([]);
    expect(compareFuses(expected, wireAsConfigured())).toHaveLength(expected.length);
  });

  it('fails the one fuse that differs and names both states', () => {
    expect(failures(wireAsConfigured({ [FuseV1Options.RunAsNode]: ENABLE }))).toStrictEqual([
      { name: 'runAsNode', expected: 'disabled', actual: 'enabled', ok: false },
    ]);
    expect(failures(wireAsConfigured({ [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: DISABLE }))).toStrictEqual([
      { name: 'enableEmbeddedAsarIntegrityValidation', expected: 'enabled', actual: 'disabled', ok: false },
    ]);
  });

  it('counts a fuse left to inherit, removed, unknown or missing from the wire as wrong', () => {
    const cookie = FuseV1Options.EnableCookieEncryption;
    expect(failures(wireAsConfigured({ [cookie]: INHERIT }))[0]?.actual).toBe('inherit');
    expect(failures(wireAsConfigured({ [cookie]: REMOVED }))[0]?.actual).toBe('removed');
    expect(failures(wireAsConfigured({ [cookie]: 7 }))[0]?.actual).toBe('unknown (7)');
    expect(failures(wireAsConfigured({ [cookie]: undefined }))[0]?.actual).toBe('absent');
  });

  it('refuses a wire of another version rather than reading it as version 1', () => {
    expect(failures({ ...wireAsConfigured(), version: '2' })).toStrictEqual([
      { name: 'fuse wire version', expected: '1', actual: '2', ok: false },
    ]);
  });
});

describe('node scripts/release/check-fuses.mjs <binary>', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nuqta-fuses-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** Stand-in for an Electron binary: bytes around the sentinel, then wire version 1 with nine unset fuses. */
  function fakeBinary(name: string): string {
    const file = path.join(dir, name);
    const wire = Buffer.from([1, 9, ...Array<number>(9).fill(ENABLE)]);
    fs.writeFileSync(file, Buffer.concat([Buffer.alloc(4096, 0x90), Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'), wire, Buffer.alloc(512)]));
    return file;
  }
  const run = (...args: string[]) => spawnSync(process.execPath, [script, ...args], { encoding: 'utf8' });
  const flipAsConfigured = (file: string, overrides: Record<number, boolean> = {}) =>
    flipFuses(file, {
      version: FuseVersion.V1,
      ...Object.fromEntries(expected.map(({ index, enabled }) => [index, enabled])),
      ...overrides,
    });

  it('exits 0 on a binary flipped as electron-builder.yml says', async () => {
    const file = fakeBinary('good');
    await flipAsConfigured(file);
    const result = run(file);
    expect(result.stdout).toContain('fuses as configured');
    expect(result.status).toBe(0);
  });

  it('exits 1 and names the fuse when the binary differs', async () => {
    const file = fakeBinary('bad');
    await flipAsConfigured(file, { [FuseV1Options.RunAsNode]: true });
    const result = run(file);
    expect(result.stdout).toContain('FAIL runAsNode: enabled (expected disabled)');
    expect(result.status).toBe(1);
  });

  it('exits 1 on a file that is not an Electron binary, and 2 when misused', () => {
    const plain = path.join(dir, 'plain');
    fs.writeFileSync(plain, 'not electron');
    expect(run(plain).status).toBe(1);
    expect(run().status).toBe(2);
    expect(run(plain, '--config').status).toBe(2);
  });
});
