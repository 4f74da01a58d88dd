// `nuqta terminal set nexo …`, `nuqta stcpay …` and `nuqta secret …` as an admin runs them: the built bundle in
// a child process, a real temp data folder, real certificates (openssl, as the STC Pay simulator makes them).
import { spawnSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generateSimulatorPki, type SimulatorPki } from '../../main/sim/stcpay/pki';
import { createFileSecretStore, createSafeStorageSecretStore, type SafeStorageLike } from '../../main/secrets';
import { bundles, ensureMainBuilt } from '../support/build';
import { tempDir } from '../support/tmp';

let tmp: ReturnType<typeof tempDir>;
let pki: SimulatorPki;
beforeAll(async () => {
  ensureMainBuilt();
  pki = await generateSimulatorPki();
}, 120_000);
afterAll(() => pki?.remove());
beforeEach(() => {
  tmp = tempDir('nuqta-cli-providers-');
});
afterEach(() => tmp.cleanup());

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}
/** Every run's output, so a test can check that no secret ever reached a terminal. */
let printed: string[] = [];
beforeEach(() => {
  printed = [];
});

function run(args: string[], options: { input?: string | Buffer; cwd?: string } = {}): Run {
  const r = spawnSync(process.execPath, [bundles.cli, ...args, '--data-dir', tmp.dir], {
    input: options.input ?? '',
    cwd: options.cwd ?? tmp.dir,
    encoding: 'utf8',
  });
  printed.push(r.stdout, r.stderr);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
const nuqta = (...args: string[]) => run(args);
const withInput = (input: string | Buffer, ...args: string[]) => run(args, { input });
const arabic = /[\u0600-\u06ff]/;

const storedSettings = () => {
  const db = new Database(path.join(tmp.dir, 'till.db'), { readonly: true });
  try {
    return JSON.parse(db.prepare(`SELECT value FROM settings WHERE key = 'till'`).pluck().get() as string);
  } finally {
    db.close();
  }
};
const showTerminal = () => JSON.parse(nuqta('terminal', 'show').stdout);
const showStcPay = () => JSON.parse(nuqta('stcpay', 'show').stdout);

/** The forms a value could leak in: as given, base64, hex. */
const leakForms = (value: string | Buffer) => {
  const b = Buffer.from(value);
  return [b.toString('utf8'), b.toString('base64'), b.toString('hex')].filter((f) => f.length >= 6);
};
const expectNeverPrinted = (value: string | Buffer) => {
  const all = printed.join('\n');
  for (const form of leakForms(value)) expect(all).not.toContain(form);
};

describe('nuqta terminal set nexo', () => {
  it('round-trips a cloud endpoint with a CA file (stored as an absolute path) and a local one with its key', () => {
    fs.copyFileSync(pki.caFile, path.join(tmp.dir, 'provider-ca.pem'));
    const cloud = run(['terminal', 'set', 'nexo', 'cloud-sync', 'https://terminal-api-test.example.com', 'V400m-324688179', '--ca', 'provider-ca.pem'], {
      cwd: tmp.dir,
    });
    expect(cloud.status).toBe(0);
    expect(cloud.stdout).toMatch(/Restart the till/);
    expect(cloud.stderr).toMatch(/Still needed .*nexo\.apiKey/);
    expect(showTerminal()).toEqual({
      protocol: 'nexo',
      mode: 'cloud-sync',
      link: { kind: 'endpoint', baseUrl: 'https://terminal-api-test.example.com', caFile: path.join(tmp.dir, 'provider-ca.pem'), serverName: null },
      poiId: 'V400m-324688179',
      keyIdentifier: null,
      keyVersion: null,
      purchaseTimeoutMs: 150_000,
    });

    const local = nuqta('terminal', 'set', 'nexo', 'local', 'https://192.0.2.40:8443', 'P400Plus-1', '--key-id', 'CryptoKeyIdentifier12345', '--key-version', '3', '--server-name', 'P400Plus-1');
    expect(local.status).toBe(0);
    expect(local.stderr).toMatch(/Still needed .*nexo\.passphrase/);
    expect(showTerminal()).toMatchObject({
      protocol: 'nexo',
      mode: 'local',
      link: { kind: 'endpoint', baseUrl: 'https://192.0.2.40:8443', caFile: null, serverName: 'P400Plus-1' },
      poiId: 'P400Plus-1',
      keyIdentifier: 'CryptoKeyIdentifier12345',
      keyVersion: 3,
    });
    // What the till reads is exactly what show printed.
    expect(storedSettings().terminal).toEqual(showTerminal());

    const sim = nuqta('terminal', 'set', 'nexo', 'cloud-async', 'simulator', 'V400m-SIM');
    expect(sim.status).toBe(0);
    expect(sim.stderr).not.toMatch(/Still needed/); // the simulator needs no secrets
    expect(showTerminal()).toEqual({
      protocol: 'nexo',
      mode: 'cloud-async',
      link: { kind: 'simulator' },
      poiId: 'V400m-SIM',
      keyIdentifier: null,
      keyVersion: null,
      purchaseTimeoutMs: 150_000,
    });
  });

  it('keeps the purchase timeout already chosen, and a first real mada terminal starts from the SkyBand SDK options', () => {
    expect(nuqta('terminal', 'set', 'nexo', 'cloud-sync', 'simulator', 'V400m-1').status).toBe(0);
    const db = new Database(path.join(tmp.dir, 'till.db'));
    const s = storedSettings();
    s.terminal.purchaseTimeoutMs = 90_000;
    db.prepare(`UPDATE settings SET value = ? WHERE key = 'till'`).run(JSON.stringify(s));
    db.close();
    expect(nuqta('terminal', 'set', 'nexo', 'cloud-async', 'https://nexo.example', 'V400m-1').status).toBe(0);
    expect(showTerminal()).toMatchObject({ mode: 'cloud-async', purchaseTimeoutMs: 90_000 });

    expect(nuqta('terminal', 'set', 'tcp', '192.0.2.10', '5000').status).toBe(0);
    expect(showTerminal()).toEqual({
      protocol: 'mada-ecr',
      link: { kind: 'tcp', host: '192.0.2.10', port: 5000 },
      // The SDK's own: ASCII-hex LRC, no ACK/NAK over TCP, its 150 s timer; no signature recipe is public.
      lrcMode: 'sdk-ascii-hex',
      ackNak: false,
      signature: 'zeros',
      purchaseTimeoutMs: 150_000,
      statusTimeoutMs: 15_000,
    });
    // The kit options are settings an admin sets with the link, and a move to another real link keeps them.
    expect(nuqta('terminal', 'set', 'serial', '/dev/ttyUSB0', '38400', '--ack-nak', 'on', '--lrc', 'xor', '--purchase-timeout', '90').status).toBe(0);
    expect(showTerminal()).toMatchObject({ link: { kind: 'serial' }, ackNak: true, lrcMode: 'xor', purchaseTimeoutMs: 90_000, signature: 'zeros' });
    expect(nuqta('terminal', 'set', 'tcp', '192.0.2.11', '5000').status).toBe(0);
    expect(showTerminal()).toMatchObject({ link: { kind: 'tcp' }, ackNak: true, lrcMode: 'xor', purchaseTimeoutMs: 90_000 });
    const refused = nuqta('terminal', 'set', 'tcp', '192.0.2.11', '5000', '--lrc', 'crc16');
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/lrcMode/);
    expect(nuqta('terminal', 'set', 'tcp', '192.0.2.11', '5000', '--ack-nak', 'maybe').status).toBe(2);
    expect(nuqta('terminal', 'set', 'none', '--lrc', 'xor').status).toBe(2);
    expect(nuqta('terminal', 'set', 'nexo', 'local', 'simulator', 'V400m-1').status).toBe(0);
    expect(nuqta('terminal', 'set', 'simulator').status).toBe(0);
    expect(showTerminal()).toMatchObject({ protocol: 'mada-ecr', link: { kind: 'simulator' } });
  });

  it('refuses http://, a bad POI id, an unreadable or non-PEM CA file, and wrong option mixes: exit 2, bilingual, nothing written', () => {
    expect(nuqta('terminal', 'set', 'nexo', 'cloud-sync', 'simulator', 'V400m-1').status).toBe(0);
    const before = storedSettings();
    const notPem = path.join(tmp.dir, 'not-a-cert.pem');
    fs.writeFileSync(notPem, 'hello\n');
    const refusals: Array<[string[], RegExp]> = [
      [['terminal', 'set', 'nexo', 'cloud-sync', 'http://nexo.example', 'V400m-1'], /link\.baseUrl: an https:\/\/ address/],
      [['terminal', 'set', 'nexo', 'cloud-sync', 'https://nexo.example', 'V400m 1!'], /poiId/],
      [['terminal', 'set', 'nexo', 'cloud-sync', 'https://nexo.example', 'V400m-1', '--ca', path.join(tmp.dir, 'missing.pem')], /cannot read the CA file .*ENOENT/],
      [['terminal', 'set', 'nexo', 'cloud-sync', 'https://nexo.example', 'V400m-1', '--ca', notPem], /not a PEM certificate/],
      [['terminal', 'set', 'nexo', 'local', 'https://192.0.2.40:8443', 'V400m-1'], /--key-id ID --key-version N/],
      [['terminal', 'set', 'nexo', 'local', 'https://192.0.2.40:8443', 'V400m-1', '--key-id', 'K'], /go together/],
      [['terminal', 'set', 'nexo', 'local', 'https://192.0.2.40:8443', 'V400m-1', '--key-id', 'K', '--key-version', 'x'], /whole number/],
      [['terminal', 'set', 'nexo', 'cloud-sync', 'https://nexo.example', 'V400m-1', '--key-id', 'K', '--key-version', '1'], /for local mode/],
      [['terminal', 'set', 'nexo', 'cloud-sync', 'simulator', 'V400m-1', '--ca', pki.caFile], /only for a URL/],
      [['terminal', 'set', 'nexo', 'cloud-push', 'https://nexo.example', 'V400m-1'], /MODE must be/],
      [['terminal', 'set', 'nexo', 'cloud-sync', 'nexo.example', 'V400m-1'], /expected simulator or an https:\/\/ address/],
      [['terminal', 'set', 'nexo', 'cloud-sync', 'https://nexo.example'], /takes MODE/],
      [['terminal', 'set', 'tcp', '192.0.2.10', '5000', '--ca', pki.caFile], /for terminal set nexo/],
      [['terminal', 'set', 'nexo', 'cloud-sync', 'https://nexo.example', 'V400m-1', '--pin', 'x'], /--pin does not apply to nuqta terminal/],
    ];
    for (const [args, message] of refusals) {
      const r = nuqta(...args);
      expect({ args, status: r.status }).toEqual({ args, status: 2 });
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toMatch(arabic);
    }
    expect(storedSettings()).toEqual(before);
  });

  it('refuses a user name or password in the address without printing it', () => {
    const r = nuqta('terminal', 'set', 'nexo', 'cloud-sync', 'https://merchant:Hunter2-Sesame@nexo.example', 'V400m-1');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/must not contain a user name or password/);
    expectNeverPrinted('Hunter2-Sesame');
  });
});

describe('nuqta stcpay', () => {
  const pin = () => createHash('sha256').update(new X509Certificate(fs.readFileSync(pki.caFile)).publicKey.export({ type: 'spki', format: 'der' })).digest('base64');

  it('shows, sets an endpoint with CA and pins, turns off, and goes back to the simulator keeping the ids', () => {
    expect(showStcPay()).toMatchObject({ link: { kind: 'simulator' }, clientCode: '61200000001' });
    const set = nuqta('stcpay', 'set', 'https://b2b.stcpay.example/api', '61299999999', 'JED-02', 'TELLER7', 'DEV-7', '--ca', pki.caFile, '--pin', pin(), '--pin', 'A'.repeat(43) + '=');
    expect(set.status).toBe(0);
    expect(set.stderr).toMatch(/Still needed .*stcpay\.clientCert, stcpay\.passphrase/);
    expect(showStcPay()).toEqual({
      link: { kind: 'endpoint', baseUrl: 'https://b2b.stcpay.example/api', caFile: pki.caFile, pins: [pin(), 'A'.repeat(43) + '='] },
      clientCode: '61299999999',
      branchId: 'JED-02',
      tellerId: 'TELLER7',
      deviceId: 'DEV-7',
      confirmTimeoutMs: 60_000,
    });
    expect(storedSettings().stcPay).toEqual(showStcPay());

    expect(nuqta('stcpay', 'none').status).toBe(0);
    expect(nuqta('stcpay', 'show').stdout.trim()).toBe('null');
    expect(storedSettings().stcPay).toBeNull();

    expect(nuqta('stcpay', 'set', 'simulator', '61255555555', 'RUH-09', 'T9', 'D9').status).toBe(0);
    expect(nuqta('stcpay', 'set', 'https://b2b.stcpay.example/api', '61255555555', 'RUH-09', 'T9', 'D9').status).toBe(0);
    expect(nuqta('stcpay', 'set', 'simulator').status).toBe(0);
    expect(showStcPay()).toEqual({ link: { kind: 'simulator' }, clientCode: '61255555555', branchId: 'RUH-09', tellerId: 'T9', deviceId: 'D9', confirmTimeoutMs: 60_000 });
    expect(nuqta('stcpay', 'set', 'none').status).toBe(0);
    expect(showStcPay()).toBeNull();
  });

  it('refuses http://, a bad pin, a bad client code, an unreadable CA and stray options: exit 2, bilingual, nothing written', () => {
    expect(nuqta('stcpay', 'show').status).toBe(0);
    const before = storedSettings();
    const refusals: Array<[string[], RegExp]> = [
      [['stcpay', 'set', 'http://b2b.stcpay.example', '612', 'B', 'T', 'D'], /link\.baseUrl: an https:\/\/ address/],
      [['stcpay', 'set', 'https://b2b.stcpay.example', '612', 'B', 'T', 'D', '--pin', 'sha256/abc'], /link\.pins\.0/],
      [['stcpay', 'set', 'https://b2b.stcpay.example', '612-bad!', 'B', 'T', 'D'], /clientCode/],
      [['stcpay', 'set', 'https://b2b.stcpay.example', '612', 'B', 'T', 'D', '--ca', path.join(tmp.dir, 'none.pem')], /cannot read the CA file/],
      [['stcpay', 'set', 'https://b2b.stcpay.example', '612', 'B', 'T'], /CLIENT_CODE BRANCH TELLER DEVICE/],
      [['stcpay', 'set', 'simulator', '--pin', 'A'.repeat(43) + '='], /not the simulator/],
      [['stcpay', 'set', 'simulator', '612', 'B'], /no ids or all four/],
      [['stcpay', 'set', 'https://b2b.stcpay.example', '612', 'B', 'T', 'D', '--server-name', 'x'], /--server-name does not apply to nuqta stcpay/],
    ];
    for (const [args, message] of refusals) {
      const r = nuqta(...args);
      expect({ args, status: r.status }).toEqual({ args, status: 2 });
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toMatch(arabic);
    }
    expect(storedSettings()).toEqual(before);
  });
});

describe('nuqta secret', () => {
  const API_KEY = 'AQEyhmfxK4-LIVE-key-7c1f0e9d2b3a';
  const PASSPHRASE = 'nexo-local-Passphrase-4412';

  it('sets from standard input, lists names only, seals at rest, and deletes', () => {
    const set = withInput(`${API_KEY}\n`, 'secret', 'set', 'nexo.apiKey');
    expect(set.status).toBe(0);
    expect(set.stdout).toMatch(/Secret nexo\.apiKey saved/);
    expect(set.stderr).toMatch(/Electron app does not read that file/);
    expect(set.stderr).toMatch(/secrets\.safe-storage\.json/);
    expect(set.stderr).toMatch(arabic);
    expect(withInput(PASSPHRASE, 'secret', 'set', 'nexo.passphrase').status).toBe(0);

    const list = nuqta('secret', 'list');
    expect(list.status).toBe(0);
    expect(list.stdout.trim().split('\n')).toEqual(['nexo.apiKey', 'nexo.passphrase']);

    // At rest: only ciphertexts, in files only the owner can read.
    const sealed = fs.readFileSync(path.join(tmp.dir, 'secrets.json'), 'utf8');
    for (const value of [API_KEY, PASSPHRASE]) for (const form of leakForms(value)) expect(sealed).not.toContain(form);
    if (process.platform !== 'win32') {
      expect(fs.statSync(path.join(tmp.dir, 'secrets.json')).mode & 0o777).toBe(0o600);
      expect(fs.statSync(path.join(tmp.dir, 'secrets.key')).mode & 0o777).toBe(0o600);
    }
    // …and what the browser host reads back is the value without echo's line break.
    const store = createFileSecretStore({ dataDir: tmp.dir });
    expect(Buffer.from(store.get('nexo.apiKey')!).toString('utf8')).toBe(API_KEY);
    expect(Buffer.from(store.get('nexo.passphrase')!).toString('utf8')).toBe(PASSPHRASE);

    // A provider that needs the key no longer reminds about it.
    expect(nuqta('terminal', 'set', 'nexo', 'cloud-sync', 'https://nexo.example', 'V400m-1').stderr).not.toMatch(/Still needed/);

    const del = nuqta('secret', 'delete', 'nexo.apiKey');
    expect(del.status).toBe(0);
    expect(nuqta('secret', 'list').stdout.trim()).toBe('nexo.passphrase');
    const again = nuqta('secret', 'delete', 'nexo.apiKey');
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/Nothing is stored under nexo\.apiKey/);
    expect(nuqta('terminal', 'show').stderr).toMatch(/Still needed .*nexo\.apiKey/);

    expectNeverPrinted(API_KEY);
    expectNeverPrinted(PASSPHRASE);
  });

  it('stores the STC Pay PKCS#12 from --file and checks it against the passphrase', () => {
    // Wrong passphrase first: both are stored (replacing both must be possible) with a clear warning.
    expect(withInput('not-the-passphrase', 'secret', 'set', 'stcpay.passphrase').status).toBe(0);
    const cert = nuqta('secret', 'set', 'stcpay.clientCert', '--file', pki.clientP12File);
    expect(cert.status).toBe(0);
    expect(cert.stderr).toMatch(/does not open stcpay\.clientCert/);
    expect(cert.stderr).toMatch(arabic);
    const pass = withInput(`${pki.passphrase}\n`, 'secret', 'set', 'stcpay.passphrase');
    expect(pass.status).toBe(0);
    expect(pass.stdout).toMatch(/stcpay\.passphrase opens stcpay\.clientCert/);

    const p12 = fs.readFileSync(pki.clientP12File);
    expect(Buffer.from(createFileSecretStore({ dataDir: tmp.dir }).get('stcpay.clientCert')!).equals(p12)).toBe(true);
    const sealed = fs.readFileSync(path.join(tmp.dir, 'secrets.json'), 'utf8');
    expect(sealed).not.toContain(p12.toString('base64').slice(0, 40));
    expect(sealed).not.toContain(pki.passphrase);
    expect(nuqta('secret', 'list').stdout.trim().split('\n')).toEqual(['stcpay.clientCert', 'stcpay.passphrase']);

    expectNeverPrinted(p12);
    expectNeverPrinted(pki.passphrase);
  });

  it('refuses bad names, values on the command line, empty or binary-as-text values, and unreadable or PEM certificate files', () => {
    const emptyFile = path.join(tmp.dir, 'empty.p12');
    fs.writeFileSync(emptyFile, '');
    const refusals: Array<[string | Buffer, string[], RegExp]> = [
      [API_KEY, ['secret', 'set', 'apiKey'], /not a secret name/],
      [API_KEY, ['secret', 'set', 'nexo.api key'], /not a secret name/],
      ['', ['secret', 'set', 'nexo.apiKey', API_KEY], /not on the command line/],
      ['', ['secret', 'set', 'nexo.apiKey'], /No value given/],
      ['\n', ['secret', 'set', 'nexo.apiKey'], /No value given/],
      [`${API_KEY}\nsecond line`, ['secret', 'set', 'nexo.apiKey'], /control characters/],
      [Buffer.from([0xff, 0xfe, 0x41]), ['secret', 'set', 'stcpay.passphrase'], /not UTF-8/],
      ['pässphrase-€', ['secret', 'set', 'nexo.passphrase'], /Latin-1/],
      [fs.readFileSync(pki.clientP12File), ['secret', 'set', 'stcpay.clientCert'], /is a file: use nuqta secret set stcpay\.clientCert --file/],
      ['', ['secret', 'set', 'stcpay.clientCert', '--file', path.join(tmp.dir, 'missing.p12')], /Cannot read .*ENOENT/],
      ['', ['secret', 'set', 'stcpay.clientCert', '--file', emptyFile], /is empty/],
      ['', ['secret', 'set', 'stcpay.clientCert', '--file', pki.caFile], /not PEM/],
      ['', ['secret', 'set', 'stcpay.clientCert', '--file', path.join(pki.dir, 'server.key')], /not PEM|PKCS#12/],
      ['', ['secret', 'delete', 'nexo'], /not a secret name/],
      ['', ['secret', 'list', '--file', pki.clientP12File], /--file applies only/],
      ['', ['secret', 'show', 'nexo.apiKey'], /Usage: printf/],
    ];
    for (const [input, args, message] of refusals) {
      const r = withInput(input, ...args);
      expect({ args, status: r.status }).toEqual({ args, status: 2 });
      expect(r.stderr).toMatch(message);
      if (!/Usage: printf/.test(message.source)) expect(r.stderr).toMatch(arabic);
    }
    expect(fs.existsSync(path.join(tmp.dir, 'secrets.json'))).toBe(false);
    expect(fs.existsSync(path.join(tmp.dir, 'till.db'))).toBe(false);
    expectNeverPrinted(API_KEY);
  });

  it('stores a well-formed unknown name with a warning', () => {
    const r = withInput('value-for-a-typo', 'secret', 'set', 'nexo.apikey');
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/does not read a secret called nexo\.apikey/);
    expect(nuqta('secret', 'list').stdout.trim()).toBe('nexo.apikey');
    expectNeverPrinted('value-for-a-typo');
  });

  it("names what the Electron app's own store holds, without opening it", () => {
    const fake: SafeStorageLike = {
      isEncryptionAvailable: () => true,
      encryptString: (s) => Buffer.from(`sealed:${s}`),
      decryptString: (b) => b.toString().slice('sealed:'.length),
      getSelectedStorageBackend: () => 'gnome_libsecret',
    };
    createSafeStorageSecretStore({ safeStorage: fake, dataDir: tmp.dir }).put('stcpay.passphrase', Buffer.from('electron-side-secret'));
    const list = nuqta('secret', 'list');
    expect(list.status).toBe(0);
    expect(list.stdout.trim()).toBe(''); // the CLI's own store is empty
    expect(list.stderr).toMatch(/No secrets stored/);
    expect(list.stderr).toMatch(/also has the Electron app's secrets\.safe-storage\.json, holding: stcpay\.passphrase/);
    expectNeverPrinted('electron-side-secret');
  });

  it('refuses with exit 3 and a bilingual message when the key file is readable by others', () => {
    if (process.platform === 'win32') return;
    expect(withInput(API_KEY, 'secret', 'set', 'nexo.apiKey').status).toBe(0);
    fs.chmodSync(path.join(tmp.dir, 'secrets.key'), 0o644);
    const r = withInput(PASSPHRASE, 'secret', 'set', 'nexo.passphrase');
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/KEY_FILE_INSECURE/);
    expect(r.stderr).toMatch(arabic);
    expectNeverPrinted(API_KEY);
    expectNeverPrinted(PASSPHRASE);
  });
});

describe('help', () => {
  it('documents the new commands and which store the Electron app reads', () => {
    const r = nuqta('--help');
    expect(r.status).toBe(0);
    for (const line of [
      'terminal set nexo MODE simulator POIID',
      'terminal set nexo MODE URL POIID [--ca FILE] [--server-name NAME] [--key-id ID --key-version N]',
      'stcpay set URL CLIENT_CODE BRANCH TELLER DEVICE [--ca FILE] [--pin PIN]...',
      'secret set stcpay.clientCert --file P12FILE',
      'The Electron app does NOT read that file',
    ]) {
      expect(r.stdout).toContain(line);
    }
  });
});
