// local mode: HTTPS straight to a terminal on the LAN (https://<ip>:8443/nexo/), every message a
// SaleToPOISecuredMessage. The wire carries no clear financial data; an answer not secured with our key is never
// believed; the terminal's certificate is verified (by its own name when configured).
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NexoCrypto, type Types } from '@adyen/api-library';
import { generateCertificates, startNexoSimulator, type NexoSimulator } from '../../../main/sim/nexo';
import { createNexoConnector, encryptMessage, type NexoConnector } from '../../../main/payments/nexo';
import { guardUnhandled, nextRef } from '../../support/payment-harness';
import { connectorFor, FAST, SALE_ID } from '../../support/nexo-rig';

guardUnhandled();

const TERMINAL_NAME = 'V400m-324688179.test.terminal.adyen.com';
let sim: NexoSimulator;
let till: NexoConnector;
beforeAll(async () => {
  sim = await startNexoSimulator({ certificates: { dnsNames: [TERMINAL_NAME], ips: ['127.0.0.1'] } });
  till = connectorFor(sim, 'local', { serverName: TERMINAL_NAME });
});
afterAll(async () => {
  await till.close();
  await sim.close();
});

describe('local (LAN) terminal, secured messages', () => {
  it('purchase, decline, inquiry, reversal, reconciliation and health all work through the secured channel', async () => {
    const endpoints: string[] = [];
    const off = sim.subscribe((e) => e.event === 'request' && endpoints.push(e.endpoint));
    const ref = nextRef();
    expect(await till.purchase({ reference: ref, amountHalalas: 1999 })).toMatchObject({ kind: 'approved', record: { amountHalalas: 1999 } });
    sim.script({ outcome: 'decline' });
    expect(await till.purchase({ reference: nextRef(), amountHalalas: 500 })).toMatchObject({ kind: 'declined', responseCode: 'Refusal' });
    expect(await till.inquire(ref)).toMatchObject({ kind: 'found', outcome: { kind: 'approved' } });
    expect(await till.reverse({ reference: nextRef(), originalReference: ref })).toMatchObject({ kind: 'approved', record: { amountHalalas: 1999 } });
    expect(await till.settle()).toMatchObject({ inBalance: true });
    expect(await till.health()).toEqual({ state: 'connected' });
    off();
    expect(new Set(endpoints)).toEqual(new Set(['local']));
  });

  it('no answer → unknown; the terminal saw one Payment; TransactionStatus says NotFound → released', async () => {
    const ref = nextRef();
    sim.script({ outcome: 'drop' });
    expect(await till.purchase({ reference: ref, amountHalalas: 100 })).toMatchObject({ kind: 'unknown', why: 'timeout' });
    expect(sim.paymentRequests(ref)).toBe(1);
    expect(await till.inquire(ref)).toEqual({ kind: 'not_found' });
  });

  it('the wire carries only the secured envelope, which the library’s NexoCrypto decrypts to exactly our request', async () => {
    // A stand-in terminal that records the raw body and answers with a secured Reject.
    const certs = generateCertificates();
    let raw = '';
    const server = https.createServer({ key: certs.keyPem, cert: certs.certPem }, (req, res) => {
      req.on('data', (c: Buffer) => (raw += c.toString()));
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const c = createNexoConnector({
      mode: 'local',
      baseUrl: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
      ca: certs.caPem,
      poiId: 'P400Plus-1',
      saleId: SALE_ID,
      keyIdentifier: 'K1',
      keyVersion: 2,
      passphrase: 'lan-secret',
      timeouts: FAST,
    });
    const ref = nextRef();
    expect((await c.purchase({ reference: ref, amountHalalas: 7777 })).kind).toBe('unknown'); // an empty answer is no answer
    await c.close();
    server.close();
    certs.cleanup();
    const body = JSON.parse(raw) as { SaleToPOIRequest: Types.terminal.SaleToPOISecuredMessage };
    expect(Object.keys(body.SaleToPOIRequest).sort()).toEqual(['MessageHeader', 'NexoBlob', 'SecurityTrailer']);
    expect(raw).not.toContain('77.77');
    expect(raw).not.toContain(ref);
    expect(body.SaleToPOIRequest.SecurityTrailer).toMatchObject({ AdyenCryptoVersion: 1, KeyIdentifier: 'K1', KeyVersion: 2 });
    const plain = new NexoCrypto().decrypt(body.SaleToPOIRequest, { AdyenCryptoVersion: 1, KeyIdentifier: 'K1', KeyVersion: 2, Passphrase: 'lan-secret' } as Types.terminal.SecurityKey);
    const request = JSON.parse(plain) as { SaleToPOIRequest: { PaymentRequest: { PaymentTransaction: { AmountsReq: unknown }; SaleData: { SaleTransactionID: { TransactionID: string } } } } };
    expect(request.SaleToPOIRequest.PaymentRequest.PaymentTransaction.AmountsReq).toEqual({ Currency: 'SAR', RequestedAmount: 77.77 });
    expect(request.SaleToPOIRequest.PaymentRequest.SaleData.SaleTransactionID.TransactionID).toBe(ref);
  });

  it('a till with the wrong passphrase: the terminal refuses, its unsecured answer is not believed → unknown, nothing recorded', async () => {
    const c = connectorFor(sim, 'local', { serverName: TERMINAL_NAME, passphrase: 'not-the-terminal-key' });
    const ref = nextRef();
    expect(await c.purchase({ reference: ref, amountHalalas: 100 })).toMatchObject({ kind: 'unknown', why: 'corrupt', detail: expect.stringContaining('not secured') });
    expect(sim.find(ref)).toBeUndefined();
    expect(await c.inquire(ref)).toMatchObject({ kind: 'unreachable' });
    expect(await c.health()).toMatchObject({ state: 'disconnected' });
    await c.close();
  });

  it('an answer secured with another key is not believed', async () => {
    const certs = generateCertificates();
    const server = https.createServer({ key: certs.keyPem, cert: certs.certPem }, (req, res) => {
      req.resume();
      req.on('end', () => {
        const forged = encryptMessage(
          { ProtocolVersion: '3.0', MessageClass: 'Service', MessageCategory: 'Payment', MessageType: 'Response', ServiceID: 'X', SaleID: SALE_ID, POIID: 'P' },
          JSON.stringify({ SaleToPOIResponse: { PaymentResponse: { Response: { Result: 'Success' } } } }),
          { keyIdentifier: sim.key.keyIdentifier, keyVersion: sim.key.keyVersion, passphrase: 'attacker' },
        );
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ SaleToPOIResponse: forged }));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const c = createNexoConnector({
      mode: 'local',
      baseUrl: `https://127.0.0.1:${(server.address() as AddressInfo).port}/nexo/`,
      ca: certs.caPem,
      poiId: 'P',
      saleId: SALE_ID,
      keyIdentifier: sim.key.keyIdentifier,
      keyVersion: sim.key.keyVersion,
      passphrase: sim.key.passphrase,
      timeouts: FAST,
    });
    expect(await c.purchase({ reference: nextRef(), amountHalalas: 100 })).toMatchObject({ kind: 'unknown', why: 'corrupt', detail: expect.stringMatching(/decrypt|HMAC/) });
    await c.close();
    server.close();
    certs.cleanup();
  });

  it('the terminal’s certificate is checked by its configured name: another name fails closed', async () => {
    const c = connectorFor(sim, 'local', { serverName: 'V400m-999999999.test.terminal.adyen.com' });
    const ref = nextRef();
    expect(await c.purchase({ reference: ref, amountHalalas: 100 })).toMatchObject({ kind: 'declined', responseCode: 'NOT_SENT', reason: { en: expect.stringContaining('certificate') } });
    expect(sim.paymentRequests(ref)).toBe(0);
    await c.close();
  });

  it('local mode without the key material is refused at configuration', () => {
    expect(() => createNexoConnector({ mode: 'local', baseUrl: sim.localUrl, poiId: sim.poiId, saleId: SALE_ID })).toThrow(RangeError);
    expect(() => createNexoConnector({ mode: 'cloud-sync', baseUrl: 'http://127.0.0.1:1', poiId: sim.poiId, saleId: SALE_ID })).toThrow(/https/);
  });
});
