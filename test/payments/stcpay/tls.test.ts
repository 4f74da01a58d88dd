// Mutual TLS fails closed: a wrong client certificate, an untrusted or mis-pinned server, a bad passphrase,
// DNS failure, a wrong merchant code. None of these may ever look like a payment, or like "not found".
import fs from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createStcPaySimulator, SIM_BASE_PATH, type SimulatorPki } from '../../../main/sim/stcpay';
import { createStcPayClient, spkiPin } from '../../../main/payments/stcpay';
import { nextRef } from '../../support/payment-harness';
import { MERCHANT, MOBILE, sharedPki, startRig, type Rig } from '../../support/stcpay-rig';

let pki: SimulatorPki;
let rig: Rig;

beforeAll(async () => {
  pki = await sharedPki();
});
afterAll(() => pki.remove());
afterEach(async () => {
  await rig?.sim.close();
});

const order = () => ({ reference: nextRef(), amountHalalas: 1000, mobile: MOBILE, billNumber: 'B' });

describe('client certificate', () => {
  it.each(['TLSv1.3', 'TLSv1.2'] as const)('a certificate from another CA is refused by the server (%s): never authorized, never "not found"', async (tlsMaxVersion) => {
    rig = await startRig(pki, { tlsMaxVersion });
    const foreign = rig.client({ tls: { ...rig.tls, clientPkcs12: fs.readFileSync(pki.foreignP12File) } });
    const r = await foreign.authorize(order());
    // TLS 1.2: refused before our request could be written. TLS 1.3: our side finished the handshake first,
    // so a server that hangs up without an alert (as Node's does) is indistinguishable from a crash → unknown.
    expect(['not_sent', 'unknown']).toContain(r.kind);
    expect(r.kind === 'not_sent' || r.kind === 'unknown' ? r.reason : null).toMatch(/client_certificate_rejected|unreachable|disconnected/);
    expect(rig.sim.ledger().authorizeRequests).toEqual({});
    expect(await foreign.inquire(nextRef())).toMatchObject({ kind: 'unreachable' });
    expect(await foreign.health()).toMatchObject({ state: 'disconnected' });
  });

  it('a wrong passphrase or damaged PKCS#12 is reported before anything is sent, without the passphrase', async () => {
    rig = await startRig(pki);
    const wrong = rig.client({ tls: { ...rig.tls, passphrase: 'not-the-passphrase-123' } });
    const r = await wrong.authorize(order());
    expect(r).toMatchObject({ kind: 'not_sent', reason: 'client_certificate_invalid' });
    expect(JSON.stringify(r)).not.toContain('not-the-passphrase-123');
    const damaged = rig.client({ tls: { ...rig.tls, clientPkcs12: Buffer.from('not a pfx') } });
    expect(await damaged.health()).toMatchObject({ state: 'disconnected', reason: 'client_certificate_invalid' });
    expect(rig.sim.ledger().authorizeRequests).toEqual({});
  });

  it('a wrong X-ClientCode is refused by STC Pay', async () => {
    rig = await startRig(pki);
    const c = rig.client({ clientCode: '999' });
    expect(await c.authorize(order())).toMatchObject({ kind: 'refused', reason: 'client_code_rejected' });
    expect(await c.health()).toMatchObject({ state: 'disconnected', reason: 'client_code_rejected' });
  });
});

describe('server certificate', () => {
  it('untrusted (no custom CA: only public roots) → not sent', async () => {
    rig = await startRig(pki);
    const c = rig.client({ tls: { ...rig.tls, ca: undefined } });
    expect(await c.authorize(order())).toMatchObject({ kind: 'not_sent', reason: 'server_certificate_untrusted' });
    expect(await c.inquire(nextRef())).toMatchObject({ kind: 'unreachable', reason: 'server_certificate_untrusted' });
    expect(rig.sim.ledger().authorizeRequests).toEqual({});
  });

  it('trusting another CA is no better', async () => {
    rig = await startRig(pki);
    const c = rig.client({ tls: { ...rig.tls, ca: fs.readFileSync(pki.clientCaFile, 'utf8') } });
    expect(await c.authorize(order())).toMatchObject({ kind: 'not_sent', reason: 'server_certificate_untrusted' });
  });

  it('pinning: a mismatch fails closed; the server key or its CA key pass', async () => {
    rig = await startRig(pki);
    const wrongPin = spkiPin(fs.readFileSync(pki.clientCaFile));
    const mismatch = rig.client({ tls: { ...rig.tls, pins: [wrongPin] } });
    expect(await mismatch.authorize(order())).toMatchObject({ kind: 'not_sent', reason: 'pin_mismatch' });
    expect(await mismatch.health()).toMatchObject({ state: 'disconnected', reason: 'pin_mismatch' });
    expect(rig.sim.ledger().authorizeRequests).toEqual({});

    const serverPin = rig.client({ tls: { ...rig.tls, pins: [wrongPin, spkiPin(fs.readFileSync(pki.serverCertFile))] } });
    expect(await serverPin.authorize(order())).toMatchObject({ kind: 'authorized' });
    const caPin = rig.client({ tls: { ...rig.tls, pins: [spkiPin(fs.readFileSync(pki.caFile))] } });
    expect(await caPin.health()).toMatchObject({ state: 'connected' });
  });

  it('the host name is checked too, pin or no pin: 127.0.0.2 is not in the certificate', async () => {
    rig = await startRig(pki);
    const byName = rig.client({ baseUrl: rig.baseUrl.replace('127.0.0.1', 'localhost') });
    expect(await byName.health()).toMatchObject({ state: 'connected' });
    const anyAddress = await createStcPaySimulator({ pki });
    try {
      const { port } = await anyAddress.listen(0, '0.0.0.0');
      const otherName = rig.client({ baseUrl: `https://127.0.0.2:${port}${SIM_BASE_PATH}`, tls: { ...rig.tls, pins: [spkiPin(fs.readFileSync(pki.serverCertFile))] } });
      const r = await otherName.authorize(order());
      expect(r).toMatchObject({ kind: 'not_sent', reason: 'server_certificate_untrusted' });
      expect(r.kind === 'not_sent' && r.detail).toMatch(/ERR_TLS_CERT_ALTNAME_INVALID/);
      expect(anyAddress.ledger().authorizeRequests).toEqual({});
    } finally {
      await anyAddress.close();
    }
  });
});

describe('the line', () => {
  it('DNS failure (nuqta-test.invalid) → not sent; inquiry unreachable', async () => {
    rig = await startRig(pki);
    const c = rig.client({ baseUrl: 'https://nuqta-test.invalid/B2B.DirectPayment.WebApi/DirectPayment/V4/' });
    expect(await c.authorize(order())).toMatchObject({ kind: 'not_sent', reason: 'dns' });
    expect(await c.inquire(nextRef())).toMatchObject({ kind: 'unreachable', reason: 'dns' });
    expect(await c.health()).toMatchObject({ state: 'disconnected', reason: 'dns' });
  });

  it('nothing listening → not sent', async () => {
    rig = await startRig(pki);
    await rig.sim.close();
    const r = await rig.client().authorize(order());
    expect(r).toMatchObject({ kind: 'not_sent', reason: 'unreachable' });
    expect(r.kind === 'not_sent' && r.detail).toMatch(/ECONNREFUSED/);
  });

  it('plain http is refused at configuration', () => {
    expect(() =>
      createStcPayClient({ baseUrl: 'http://127.0.0.1:1/', clientCode: '1', merchant: MERCHANT, tls: { clientPkcs12: new Uint8Array(), passphrase: '' } }),
    ).toThrow(/https only/);
  });
});
