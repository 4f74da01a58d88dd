// Reads the fuses back from a packaged Electron binary and compares them with electron-builder.yml's
// electronFuses block; exits 1 when any differs, so a release whose binary lost a fuse (a builder change, a
// step that replaced the executable after packaging) is never published. The release workflow runs it on
// the unpacked executable that went into the installer:
//
//   node scripts/release/check-fuses.mjs "release/win-unpacked/Nuqta POS.exe"
//   node scripts/release/check-fuses.mjs release/linux-unpacked/nuqta-pos [--config electron-builder.yml]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { parse } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** electron-builder's electronFuses keys and their place in Electron's fuse wire (version 1). */
export const FUSE_WIRE_INDEX = {
  runAsNode: FuseV1Options.RunAsNode,
  enableCookieEncryption: FuseV1Options.EnableCookieEncryption,
  enableNodeOptionsEnvironmentVariable: FuseV1Options.EnableNodeOptionsEnvironmentVariable,
  enableNodeCliInspectArguments: FuseV1Options.EnableNodeCliInspectArguments,
  enableEmbeddedAsarIntegrityValidation: FuseV1Options.EnableEmbeddedAsarIntegrityValidation,
  onlyLoadAppFromAsar: FuseV1Options.OnlyLoadAppFromAsar,
  loadBrowserProcessSpecificV8Snapshot: FuseV1Options.LoadBrowserProcessSpecificV8Snapshot,
  grantFileProtocolExtraPrivileges: FuseV1Options.GrantFileProtocolExtraPrivileges,
};

/** A step of electron-builder's macOS signing, listed among the fuses but not one itself. */
const NOT_FUSES = new Set(['resetAdHocDarwinSignature']);

/** The parsed electron-builder.yml (or another builder config file). */
export function readBuilderConfig(file = path.join(root, 'electron-builder.yml')) {
  return parse(fs.readFileSync(file, 'utf8'));
}

/** The fuses the config asks for; throws when there is no block or a key is not a known fuse. */
export function expectedFuses(config) {
  const block = config?.electronFuses;
  if (!block || typeof block !== 'object' || Array.isArray(block)) {
    throw new Error('the builder config has no electronFuses block: nothing to check the binary against');
  }
  const expected = [];
  for (const [name, value] of Object.entries(block)) {
    if (NOT_FUSES.has(name)) continue;
    if (!Object.hasOwn(FUSE_WIRE_INDEX, name)) throw new Error(`electronFuses.${name} is not a fuse this check knows`);
    if (typeof value !== 'boolean') throw new Error(`electronFuses.${name} must be true or false, not ${JSON.stringify(value)}`);
    expected.push({ name, index: FUSE_WIRE_INDEX[name], enabled: value });
  }
  return expected;
}

function describeState(state) {
  switch (state) {
    case FuseState.ENABLE:
      return 'enabled';
    case FuseState.DISABLE:
      return 'disabled';
    case FuseState.REMOVED:
      return 'removed';
    case FuseState.INHERIT:
      return 'inherit';
    case undefined:
      return 'absent';
    default:
      return `unknown (${String(state)})`;
  }
}

/**
 * One line per expected fuse, with what the wire holds. A fuse is right only when the wire holds exactly the
 * asked state: removed, inherited or missing from the wire (an older Electron) all count as wrong.
 */
export function compareFuses(expected, wire) {
  if (wire?.version !== '1') {
    return [{ name: 'fuse wire version', expected: '1', actual: String(wire?.version), ok: false }];
  }
  return expected.map(({ name, index, enabled }) => {
    const actual = describeState(wire[index]);
    const want = enabled ? 'enabled' : 'disabled';
    return { name, expected: want, actual, ok: actual === want };
  });
}

async function main(argv) {
  const args = [...argv];
  let configFile;
  const at = args.indexOf('--config');
  if (at !== -1) {
    configFile = args[at + 1];
    args.splice(at, 2);
  }
  if (args.length !== 1 || (at !== -1 && !configFile)) {
    process.stderr.write('usage: node scripts/release/check-fuses.mjs <electron binary> [--config electron-builder.yml]\n');
    return 2;
  }
  const binary = path.resolve(args[0]);
  const expected = expectedFuses(readBuilderConfig(configFile ? path.resolve(configFile) : undefined));
  const results = compareFuses(expected, await getCurrentFuseWire(binary));
  for (const r of results) {
    process.stdout.write(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name}: ${r.actual}${r.ok ? '' : ` (expected ${r.expected})`}\n`);
  }
  const failed = results.filter((r) => !r.ok).length;
  process.stdout.write(failed ? `${failed} fuse(s) differ from the builder config in ${binary}\n` : `fuses as configured: ${binary}\n`);
  return failed ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(fs.realpathSync(process.argv[1])).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
      process.stderr.write(`check-fuses: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    },
  );
}
