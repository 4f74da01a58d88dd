// The release signature: Ed25519 over latest.json's exact bytes, made by a key the till ships with. Good,
// tampered, unknown key, missing, malformed; and a signature made with the openssl command docs/updates.md gives.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadKeys } from '../../main/updates/keys';
import { verifyManifest, verifyRelease, type ReleaseCheck } from '../../main/updates/release';
import { verifySignature } from '../../main/updates/signature';
import { RELEASE_KEYS, isUpdateError, type UpdateErrorCode } from '../../main/updates';
import { makeKey, makeRelease, signManifest } from './feed-rig';

const vendor = makeKey('vendor-2026');
const stranger = makeKey('someone-else');
const check: ReleaseCheck = { keys: loadKeys([vendor.trusted]), currentVersion: '1.2.0', platform: 'win32-x64', channel: 'stable' };

function codeOf(run: () => unknown): UpdateErrorCode | 'no error' {
  try {
    run();
    return 'no error';
  } catch (e) {
    if (isUpdateError(e)) return e.code;
    throw e;
  }
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nuqta-update-sig-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('release signature', () => {
  const release = makeRelease({ version: '1.3.0', key: vendor });

  it('accepts a manifest signed by a trusted key and names the key', () => {
    const verified = verifyRelease(release.manifest, release.signature, check);
    expect(verified.signedBy).toBe('vendor-2026');
    expect(verified.manifest.version).toBe('1.3.0');
    expect(verified.fileName).toBe('Nuqta POS Setup 1.3.0.exe');
  });

  it('accepts the second of two trusted keys (a key rotation)', () => {
    const both = { ...check, keys: loadKeys([stranger.trusted, vendor.trusted]) };
    expect(verifyRelease(release.manifest, release.signature, both).signedBy).toBe('vendor-2026');
  });

  it('refuses a manifest changed by one byte after signing', () => {
    const tampered = Buffer.from(release.manifest.toString('utf8').replace('"size": ', '"size":  '));
    expect(tampered.equals(release.manifest)).toBe(false);
    expect(codeOf(() => verifyRelease(tampered, release.signature, check))).toBe('UPDATE_SIGNATURE_INVALID');
    // The same bytes with a different file hash, as an attacker would want it.
    const swapped = Buffer.from(release.manifest.toString('utf8').replace(/"sha256": "[0-9a-f]{64}"/, `"sha256": "${'0'.repeat(64)}"`));
    expect(codeOf(() => verifyRelease(swapped, release.signature, check))).toBe('UPDATE_SIGNATURE_INVALID');
  });

  it('refuses a manifest signed by a key the till does not ship with', () => {
    const foreign = makeRelease({ version: '1.3.0', key: stranger });
    expect(codeOf(() => verifyRelease(foreign.manifest, foreign.signature, check))).toBe('UPDATE_SIGNATURE_INVALID');
  });

  it('refuses a missing, empty, non-base64 or short signature', () => {
    expect(codeOf(() => verifyRelease(release.manifest, null, check))).toBe('UPDATE_SIGNATURE_MISSING');
    expect(codeOf(() => verifyRelease(release.manifest, Buffer.alloc(0), check))).toBe('UPDATE_SIGNATURE_INVALID');
    expect(codeOf(() => verifyRelease(release.manifest, Buffer.from('not base64!'), check))).toBe('UPDATE_SIGNATURE_INVALID');
    expect(codeOf(() => verifyRelease(release.manifest, Buffer.from(release.signature.toString().slice(0, 40)), check))).toBe('UPDATE_SIGNATURE_INVALID');
  });

  it('accepts nothing when the build ships no key', () => {
    expect(codeOf(() => verifySignature(release.manifest, release.signature, []))).toBe('UPDATE_NO_TRUSTED_KEY');
    // The tree as it stands ships no key: such a till refuses every update (docs/updates.md says to add one).
    expect(codeOf(() => verifySignature(release.manifest, release.signature, loadKeys(RELEASE_KEYS)))).toBe(RELEASE_KEYS.length ? 'UPDATE_SIGNATURE_INVALID' : 'UPDATE_NO_TRUSTED_KEY');
  });

  it('refuses to load a release key that is not Ed25519', () => {
    const ec = execFileSync('openssl', ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256']);
    const pub = execFileSync('openssl', ['pkey', '-pubout'], { input: ec }).toString();
    expect(() => loadKeys([{ id: 'ec', publicKeyPem: pub }])).toThrow(/not ed25519/);
  });

  it('signature first: a signed manifest for another channel or with a bad field is refused, an unsigned one never parsed', () => {
    const beta = makeRelease({ version: '1.3.0', key: vendor, channel: 'beta' });
    expect(codeOf(() => verifyRelease(beta.manifest, beta.signature, check))).toBe('UPDATE_WRONG_CHANNEL');
    const badJson = Buffer.from('{"version": ');
    expect(codeOf(() => verifyManifest(badJson, signManifest(badJson, vendor), check))).toBe('UPDATE_MANIFEST_INVALID');
    expect(codeOf(() => verifyManifest(badJson, signManifest(badJson, stranger), check))).toBe('UPDATE_SIGNATURE_INVALID');
    const escape = makeRelease({ version: '1.3.0', key: vendor, url: '..%2F..%2Fevil.exe' });
    expect(codeOf(() => verifyRelease(escape.manifest, escape.signature, check))).toBe('UPDATE_MANIFEST_INVALID');
  });

  it('refuses a signed release that is not newer than the running version', () => {
    const same = makeRelease({ version: '1.2.0', key: vendor });
    expect(codeOf(() => verifyRelease(same.manifest, same.signature, check))).toBe('UPDATE_NOT_NEWER');
    const older = makeRelease({ version: '1.1.9', key: vendor });
    expect(codeOf(() => verifyRelease(older.manifest, older.signature, check))).toBe('UPDATE_NOT_NEWER');
  });

  it('refuses a release without an installer for this platform', () => {
    const deb = makeRelease({ version: '1.3.0', key: vendor, platform: 'linux-x64-deb', fileName: 'nuqta-pos_1.3.0_amd64.deb' });
    expect(codeOf(() => verifyRelease(deb.manifest, deb.signature, check))).toBe('UPDATE_NO_FILE_FOR_PLATFORM');
    expect(verifyRelease(deb.manifest, deb.signature, { ...check, platform: 'linux-x64-deb' }).fileName).toBe('nuqta-pos_1.3.0_amd64.deb');
  });

  it('verifies a key and signature made with the openssl commands of docs/updates.md', () => {
    const key = path.join(tmp, 'release.key');
    const manifest = path.join(tmp, 'latest.json');
    fs.writeFileSync(manifest, release.manifest);
    execFileSync('openssl', ['genpkey', '-algorithm', 'ed25519', '-out', key]);
    const publicKeyPem = execFileSync('openssl', ['pkey', '-in', key, '-pubout']).toString();
    const raw = execFileSync('openssl', ['pkeyutl', '-sign', '-inkey', key, '-rawin', '-in', manifest]);
    const signature = Buffer.from(raw.toString('base64'));
    const keys = loadKeys([{ id: 'openssl-made', publicKeyPem }]);
    expect(verifySignature(release.manifest, signature, keys)).toBe('openssl-made');
    expect(codeOf(() => verifySignature(Buffer.concat([release.manifest, Buffer.from('\n')]), signature, keys))).toBe('UPDATE_SIGNATURE_INVALID');
  });
});
