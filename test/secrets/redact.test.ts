// Secrets never leave in text: stored values (as text, base64, hex, escaped) and secret-shaped fragments are
// scrubbed from error messages, stacks and support bundles.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFileSecretStore, forgetRememberedSecrets, redact, redactError } from '../../main/secrets';
import { tempDir } from '../support/tmp';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
  forgetRememberedSecrets();
});

describe('redact', () => {
  it('removes every stored secret value from an error message, in the forms it gets printed in', () => {
    const t = tempDir('nuqta-redact-');
    cleanups.push(t.cleanup);
    const store = createFileSecretStore({ dataDir: t.dir });
    const passphrase = 'S3cret "pass"/phrase';
    const apiKey = 'nexo-abcdef-0123456789';
    const cert = Buffer.concat([Buffer.from([0x30, 0x82, 0x01, 0x00]), Buffer.alloc(64, 0xab)]);
    store.put('stcpay.passphrase', Buffer.from(passphrase));
    store.put('nexo.apiKey', Buffer.from(apiKey));
    store.put('stcpay.clientCert', cert);

    const err = new Error(
      `TLS setup failed with ${passphrase}; config ${JSON.stringify({ pass: passphrase })}; url ?k=${encodeURIComponent(apiKey)}; ` +
        `key ${apiKey}; pfx ${cert.toString('base64')} / ${cert.toString('hex')}`,
    );
    const out = redactError(err);
    expect(out).not.toContain(passphrase);
    expect(out).not.toContain(JSON.stringify(passphrase).slice(1, -1));
    expect(out).not.toContain(apiKey);
    expect(out).not.toContain(encodeURIComponent(apiKey));
    expect(out).not.toContain(cert.toString('base64'));
    expect(out).not.toContain(cert.toString('hex'));
    expect(out).toContain('TLS setup failed with [REDACTED]');
    expect(out).toMatch(/at .*redact\.test\.ts/); // the stack stays useful
  });

  it('a value read back (not just written) is remembered too', () => {
    const t = tempDir('nuqta-redact-');
    cleanups.push(t.cleanup);
    createFileSecretStore({ dataDir: t.dir }).put('stcpay.passphrase', Buffer.from('written-before-restart'));
    forgetRememberedSecrets(); // a restart: this process never saw the put
    expect(redact('x written-before-restart y')).toBe('x written-before-restart y');
    createFileSecretStore({ dataDir: t.dir }).get('stcpay.passphrase');
    expect(redact('x written-before-restart y')).toBe('x [REDACTED] y');
  });

  it('removes secret-shaped fragments whatever their value', () => {
    const pem = '-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIBvTBXBgkqhkiG9w0BBQ0wSjApBgkqhkiG9w0BBQwwHAQI\n-----END ENCRYPTED PRIVATE KEY-----';
    const cases: Array<[string, string[]]> = [
      [`key: ${pem} end`, ['MIIBvTBXBgkqhkiG9w0BBQ0w', 'PRIVATE KEY-----\nMII']],
      ['-----BEGIN CERTIFICATE-----\nMIIB truncated', ['MIIB truncated']],
      [`pfx=${'MIIKmQIBAzCCCl8GCSqGSIb3DQEHAaCCClAEggpMMIIKSDCCBP8GCSqGSIb3DQEHBqCCBPAwggTsAgEAMIIE5QYJKoZIhvcNAQcBMBwGCiqGSIb3DQEMAQYwDgQI'}`, ['MIIKmQIBAzCCCl8G']],
      ['<Buffer 30 82 0a 99 02 01 03 30 82 0a 5f 06 09 2a 86 48 86 f7 0d 01 07 01 a0 ... 2669 more bytes>', ['30 82 0a 99']],
      ['X-API-Key: abcDEF123456', ['abcDEF123456']],
      ['headers {"X-API-Key":"abcDEF123456"}', ['abcDEF123456']],
      ['Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.abc', ['eyJhbGciOiJIUzI1NiJ9']],
      ['passphrase=hunter2 next', ['hunter2']],
      ['{"passphrase":"hunter2","ok":true}', ['hunter2']],
      ["password: 'hunter2'", ['hunter2']],
      ['apiKey=k-123456&x=1', ['k-123456']],
      ['{"OtpValue":"123456"}', ['123456']],
    ];
    for (const [input, gone] of cases) {
      const out = redact(input);
      for (const g of gone) expect(out, input).not.toContain(g);
      expect(out, input).toMatch(/REDACTED/);
    }
    expect(redact('passphrase=hunter2 next')).toBe('passphrase=[REDACTED] next');
    expect(redact('{"passphrase":"hunter2","ok":true}')).toBe('{"passphrase":"[REDACTED]","ok":true}');
  });

  it('leaves ordinary text alone', () => {
    const text = 'STC Pay did not answer in time (RefNum 00012345678901, HTTP 503). لم تردّ STC Pay في الوقت المحدد.';
    expect(redact(text)).toBe(text);
  });

  it('the STC Pay client never puts the passphrase in what it reports', async () => {
    const { secureSetup } = await import('../../main/payments/stcpay/tls');
    const r = secureSetup({ clientPkcs12: fs.readFileSync(path.join(__dirname, 'redact.test.ts')), passphrase: 'do-not-print-me-42' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.detail).not.toContain('do-not-print-me-42');
  });
});
