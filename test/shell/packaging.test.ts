// electron-builder.yml keeps the identity and the security fuses agreed for the installer. A plain-text
// check: no YAML parser is a dependency, and these are single-line `key: value` settings.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const config = fs.readFileSync(path.resolve(__dirname, '..', '..', 'electron-builder.yml'), 'utf8');
const setting = (key: string): string | undefined =>
  new RegExp(`^\\s*${key}:\\s*([^#\\n]*?)\\s*(?:#.*)?$`, 'm').exec(config)?.[1];

describe('electron-builder.yml', () => {
  it('names the app', () => {
    expect(setting('appId')).toBe('sa.nuqta.pos');
    expect(setting('productName')).toBe('Nuqta POS');
  });

  it.each([
    ['runAsNode', 'false'],
    ['enableNodeOptionsEnvironmentVariable', 'false'],
    ['enableNodeCliInspectArguments', 'false'],
    ['onlyLoadAppFromAsar', 'true'],
    ['enableEmbeddedAsarIntegrityValidation', 'true'],
    ['grantFileProtocolExtraPrivileges', 'false'],
  ])('sets the %s fuse to %s', (fuse, value) => {
    expect(config).toMatch(/^electronFuses:\s*$/m);
    expect(setting(fuse)).toBe(value);
  });

  it('unpacks every native binary from the asar', () => {
    // Every native module (better-sqlite3, serialport's bindings, @napi-rs/canvas) must load from outside the asar.
    expect(config).toMatch(/^asarUnpack:\s*\n\s*- "\*\*\/\*\.node"\s*$/m);
  });
});
