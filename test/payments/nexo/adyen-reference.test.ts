// Everything Nuqta builds and everything the simulator answers, checked against an independent reference: the
// Terminal API typings, models and crypto of @adyen/api-library (a dev-only dependency; nothing in main/ imports it).
//
// 1. Type level (fails `npx tsc`): every built request and every simulator response type is assignable to the
//    library's string-literal interfaces (typings/nexo.d.ts) and to its newest generated models (typings/tapi, with
//    their string enums and Date fields mapped to the JSON they travel as), and has no field that the library's
//    models do not know (typings/terminal classes and typings/tapi).
// 2. Run time: each message is deserialized into the library's models and serialized back with its
//    ObjectSerializer (terminal/ and tapi/) and must come back unchanged (nothing dropped or renamed); a walk over
//    the terminal/ attribute maps checks every field's JSON type and every enumeration value.
// 3. Crypto: our SaleToPOISecuredMessage decrypts with the library's NexoCrypto and theirs with ours; derived keys
//    are equal.
// 4. Interop: the library's own TerminalCloudAPI (/sync) and TerminalLocalAPI (/nexo/, encrypted) talk to our
//    simulator with the requests our builders make.
import https from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, Config, EnvironmentEnum, NexoCrypto, TerminalCloudAPI, TerminalLocalAPI, Types } from '@adyen/api-library';
import NexoDerivedKeyGenerator from '@adyen/api-library/lib/src/security/nexoDerivedKeyGenerator';
import type * as Nexo from '@adyen/api-library/lib/src/typings/nexo';
import type * as Tapi from '@adyen/api-library/lib/src/typings/tapi/models';
import { startNexoSimulator, type NexoSimulator } from '../../../main/sim/nexo';
import {
  buildAbort,
  buildDiagnosis,
  buildPayment,
  buildReconciliation,
  buildReversal,
  buildTransactionStatus,
  decryptMessage,
  deriveKeyMaterial,
  encryptMessage,
  type NexoSecurityKey,
} from '../../../main/payments/nexo';
import type { EventNotificationMessage, SaleToPOIRequest, SaleToPOIResponse, SaleToPOISecuredMessage, TerminalApiRequest } from '../../../main/payments/nexo/types';
import { guardUnhandled, nextRef } from '../../support/payment-harness';
import { API_KEY, SALE_ID } from '../../support/nexo-rig';

guardUnhandled();

// ---- 1. type level -----------------------------------------------------------------------------------------

/** The library's model as JSON: string enums as their values, Date as ISO text, recursively. */
type Wire<T> = T extends Date
  ? string
  : T extends string
    ? `${T}`
    : T extends number | boolean | null | undefined
      ? T
      : T extends ReadonlyArray<infer U>
        ? Array<Wire<U>>
        : T extends object
          ? { [K in keyof T]: Wire<T[K]> }
          : T;

/** Every key path of Ours that Theirs does not have (never when Ours only uses fields Theirs knows). */
type ExtraKeys<Ours, Theirs> = Ours extends ReadonlyArray<infer U>
  ? Theirs extends ReadonlyArray<infer V>
    ? ExtraKeys<U, V>
    : never
  : Ours extends object
    ? { [K in keyof Ours]-?: K extends keyof Theirs ? ExtraKeys<NonNullable<Ours[K]>, NonNullable<Theirs[K]>> : K }[keyof Ours]
    : never;

type NoExtraKeys<T extends never> = T;

/**
 * typings/nexo.d.ts marks PaymentInstrumentData.StoredValueAccountID and .ProtectedCardData as required (the
 * terminal/ and tapi/ models do not, and a card payment has neither): against that file, responses are checked for
 * field types and enumeration values with every field optional; tapi/ checks which fields are required.
 */
type DeepOptional<T> = T extends string | number | boolean | null | undefined
  ? T
  : T extends ReadonlyArray<infer U>
    ? Array<DeepOptional<U>>
    : { [K in keyof T]?: DeepOptional<T[K]> };

// Requests.
export type RequestKeysVsTerminal = NoExtraKeys<ExtraKeys<SaleToPOIRequest, Types.terminal.SaleToPOIRequest>>;
export type RequestKeysVsTapi = NoExtraKeys<ExtraKeys<SaleToPOIRequest, Tapi.SaleToPOIRequest>>;
// Responses (as the simulator sends and the parser reads).
export type ResponseKeysVsTerminal = NoExtraKeys<ExtraKeys<SaleToPOIResponse, Types.terminal.SaleToPOIResponse>>;
export type ResponseKeysVsTapi = NoExtraKeys<ExtraKeys<SaleToPOIResponse, Tapi.SaleToPOIResponse>>;
export type EventKeysVsTerminal = NoExtraKeys<ExtraKeys<EventNotificationMessage, Types.terminal.SaleToPOIRequest>>;
export type SecuredKeysVsTerminal = NoExtraKeys<ExtraKeys<SaleToPOISecuredMessage, Types.terminal.SaleToPOISecuredMessage>>;

// Assignability (field types and enumeration values).
const parties = { saleId: SALE_ID, poiId: 'V400m-123456789' };
const at = new Date('2026-01-15T09:30:00.000Z');
const original = { TransactionID: 'T1ABC.8815179985731234', TimeStamp: '2026-01-15T09:29:00.000Z' };
const built: Record<string, TerminalApiRequest> = {
  payment: buildPayment(parties, { reference: '00000000000042', amountHalalas: 1234, at }),
  reversal: buildReversal(parties, { reference: '00000000000043', original, reason: 'Unable2Compl', at }),
  refund: buildReversal(parties, { reference: '00000000000044', original, reason: 'MerchantCancel', amountHalalas: 500, at }),
  status: buildTransactionStatus(parties, { reference: '00000000000042', category: 'Payment' }),
  abort: buildAbort(parties, { reference: '00000000000042' }),
  reconciliation: buildReconciliation(parties),
  diagnosis: buildDiagnosis(parties),
};
/** Compiles only when Ours is assignable to Theirs. */
type Assignable<Theirs, Ours extends Theirs> = Ours;
export type RequestAsNexo = Assignable<Nexo.SaleToPOIRequest, SaleToPOIRequest>;
export type RequestAsTapi = Assignable<Wire<Tapi.SaleToPOIRequest>, SaleToPOIRequest>;
export type ResponseAsNexo = Assignable<DeepOptional<Nexo.SaleToPOIResponse>, SaleToPOIResponse>;
export type ResponseAsTapi = Assignable<Wire<Tapi.SaleToPOIResponse>, SaleToPOIResponse>;
export type EventAsNexo = Assignable<Nexo.SaleToPOIRequest, EventNotificationMessage>;
export type EventAsTapi = Assignable<Wire<Tapi.SaleToPOIRequest>, EventNotificationMessage>;
// And the values the builders actually return (not only their declared types):
export const builtAsNexo: Nexo.SaleToPOIRequest = built.payment!.SaleToPOIRequest;
export const builtAsTapi: Wire<Tapi.SaleToPOIRequest> = built.payment!.SaleToPOIRequest;

// ---- 2. run time -------------------------------------------------------------------------------------------

const TerminalModels = Types.terminal as unknown as Record<string, unknown>;
type Serializer = { serialize(data: unknown, type: string): unknown; deserialize(data: unknown, type: string): unknown };
const terminalSerializer = Types.terminal.ObjectSerializer as unknown as Serializer;
const tapiSerializer = Types.tapi.ObjectSerializer as unknown as Serializer;

/** JSON through the library's models and back; must be unchanged. */
function roundTrip(serializer: Serializer, json: unknown, type: string): unknown {
  return JSON.parse(JSON.stringify(serializer.serialize(serializer.deserialize(structuredClone(json), type), type))) as unknown;
}

type AttributeMap = Array<{ name: string; baseName: string; type: string }>;
const PRIMITIVES: Record<string, string> = { string: 'string', number: 'number', boolean: 'boolean' };

function enumOf(type: string): Record<string, string> | null {
  const [outer, inner] = type.split('.');
  const found = inner ? (TerminalModels[outer!] as Record<string, unknown> | undefined)?.[inner] : TerminalModels[outer!];
  if (!found || typeof found !== 'object') return null;
  return Object.values(found as object).every((v) => typeof v === 'string') ? (found as Record<string, string>) : null;
}

/** Walks JSON along the terminal/ attribute maps: unknown fields, wrong JSON types, values outside an enum. */
function validate(value: unknown, type: string, where: string, problems: string[]): void {
  if (value === undefined || value === null) return;
  if (type.startsWith('Array<')) {
    if (!Array.isArray(value)) return void problems.push(`${where}: expected an array`);
    value.forEach((item, i) => validate(item, type.slice(6, -1), `${where}[${i}]`, problems));
    return;
  }
  if (PRIMITIVES[type]) {
    if (typeof value !== PRIMITIVES[type]) problems.push(`${where}: expected ${type}, got ${typeof value}`);
    return;
  }
  const values = enumOf(type);
  if (values) {
    if (typeof value !== 'string' || !Object.values(values).includes(value)) problems.push(`${where}: ${JSON.stringify(value)} is not a ${type}`);
    return;
  }
  const model = TerminalModels[type] as { getAttributeTypeMap?: () => AttributeMap } | undefined;
  if (!model?.getAttributeTypeMap) return; // "any" / "string | SaleToAcquirerData"
  if (typeof value !== 'object' || Array.isArray(value)) return void problems.push(`${where}: expected ${type} object`);
  const attributes = model.getAttributeTypeMap();
  for (const key of Object.keys(value)) {
    const attribute = attributes.find((a) => a.baseName === key);
    if (!attribute) problems.push(`${where}.${key}: not a field of ${type}`);
    else validate((value as Record<string, unknown>)[key], attribute.type, `${where}.${key}`, problems);
  }
}

function checkRequest(json: TerminalApiRequest) {
  expect(roundTrip(terminalSerializer, json, 'TerminalApiRequest')).toEqual(json);
  expect(roundTrip(tapiSerializer, json, 'TerminalAPIRequest')).toEqual(json);
  const problems: string[] = [];
  validate(json, 'TerminalApiRequest', '$', problems);
  expect(problems).toEqual([]);
}

function checkAnswer(json: unknown) {
  const root = json as { SaleToPOIResponse?: unknown; SaleToPOIRequest?: unknown };
  expect(roundTrip(terminalSerializer, json, 'TerminalApiResponse')).toEqual(json);
  if (root.SaleToPOIResponse) expect(roundTrip(tapiSerializer, json, 'TerminalAPIResponse')).toEqual(json);
  else expect(roundTrip(tapiSerializer, root.SaleToPOIRequest, 'SaleToPOIRequest')).toEqual(root.SaleToPOIRequest);
  const problems: string[] = [];
  validate(json, 'TerminalApiResponse', '$', problems);
  expect(problems).toEqual([]);
}

describe('requests we build', () => {
  it.each(Object.entries(built))('%s survives the library models unchanged and uses only known fields and values', (_name, request) => {
    checkRequest(request);
  });

  it('the checks bite: a misspelt field, a wrong enumeration value and an amount as text are all caught', () => {
    const payment = structuredClone(built.payment!) as unknown as { SaleToPOIRequest: { MessageHeader: Record<string, unknown>; PaymentRequest: { PaymentTransaction: { AmountsReq: Record<string, unknown> } } } };
    const misspelt = structuredClone(payment);
    misspelt.SaleToPOIRequest.PaymentRequest.PaymentTransaction.AmountsReq.RequestedAmmount = 12.34;
    expect(() => checkRequest(misspelt as unknown as TerminalApiRequest)).toThrow();
    const badEnum = structuredClone(payment);
    badEnum.SaleToPOIRequest.MessageHeader.MessageCategory = 'Purchase';
    const problems: string[] = [];
    validate(badEnum, 'TerminalApiRequest', '$', problems);
    expect(problems).toEqual(['$.SaleToPOIRequest.MessageHeader.MessageCategory: "Purchase" is not a MessageCategoryType']);
    const textAmount = structuredClone(payment);
    textAmount.SaleToPOIRequest.PaymentRequest.PaymentTransaction.AmountsReq.RequestedAmount = '12.34';
    const more: string[] = [];
    validate(textAmount, 'TerminalApiRequest', '$', more);
    expect(more).toEqual(['$.SaleToPOIRequest.PaymentRequest.PaymentTransaction.AmountsReq.RequestedAmount: expected number, got string']);
  });

  it('the ServiceID rules: ≤ 10 characters; TransactionStatus and Abort name the ORIGINAL under a NEW ServiceID', () => {
    for (const request of Object.values(built)) expect(request.SaleToPOIRequest.MessageHeader.ServiceID.length).toBeLessThanOrEqual(10);
    const payment = built.payment!.SaleToPOIRequest.MessageHeader;
    for (const control of [built.status!, built.abort!]) {
      const body = 'TransactionStatusRequest' in control.SaleToPOIRequest ? control.SaleToPOIRequest.TransactionStatusRequest : 'AbortRequest' in control.SaleToPOIRequest ? control.SaleToPOIRequest.AbortRequest : null;
      expect(body?.MessageReference).toEqual({ MessageCategory: 'Payment', SaleID: payment.SaleID, ServiceID: payment.ServiceID, POIID: payment.POIID });
      expect(control.SaleToPOIRequest.MessageHeader.ServiceID).not.toBe(payment.ServiceID);
    }
    expect(JSON.stringify(built.payment)).toContain('"RequestedAmount":12.34');
  });
});

// ---- against the simulator: responses, crypto, interop --------------------------------------------------------

let sim: NexoSimulator;
beforeAll(async () => {
  // The certificate's first name follows the pattern the library's terminal certificate check demands.
  sim = await startNexoSimulator({ apiKey: API_KEY, poiId: parties.poiId, certificates: { dnsNames: ['V400m-123456789.test.terminal.adyen.com', 'localhost'] } });
});
afterAll(async () => {
  await sim.close();
});

/** A raw POST to the simulator, returning the JSON (or '' for an empty body). */
function post(path: string, body: unknown): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      { host: '127.0.0.1', port: sim.port, path, method: 'POST', ca: sim.caPem, headers: { 'content-type': 'application/json', 'x-api-key': API_KEY } },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve(text ? (JSON.parse(text) as unknown) : ''));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

describe('answers the simulator gives (what our parser reads)', () => {
  it('every kind of answer survives the library models unchanged and uses only known fields and values', async () => {
    const answers: unknown[] = [];
    const ref = nextRef();
    answers.push(await post('/sync', buildPayment(parties, { reference: ref, amountHalalas: 1234, at: new Date() })));
    sim.script({ outcome: 'decline', errorCondition: 'WrongPIN' }, { brand: 'mada_applepay' }, { outcome: 'partial', partialHalalas: 300 }, { outcome: 'busy' }, { outcome: 'duplicate-service-id' });
    for (let i = 0; i < 5; i += 1) answers.push(await post('/sync', buildPayment(parties, { reference: nextRef(), amountHalalas: 700, at: new Date() })));
    const approved = answers[0] as { SaleToPOIResponse: { PaymentResponse: { POIData: { POITransactionID: { TransactionID: string; TimeStamp: string } } } } };
    const poiTx = approved.SaleToPOIResponse.PaymentResponse.POIData.POITransactionID;
    answers.push(await post('/sync', buildReversal(parties, { reference: nextRef(), original: poiTx, reason: 'MerchantCancel', amountHalalas: 200, at: new Date() })));
    answers.push(await post('/sync', buildReversal(parties, { reference: nextRef(), original: poiTx, reason: 'Unable2Compl', at: new Date() })));
    answers.push(await post('/sync', buildReversal(parties, { reference: nextRef(), original: { TransactionID: 'nope', TimeStamp: poiTx.TimeStamp }, reason: 'Unable2Compl', at: new Date() })));
    answers.push(await post('/sync', buildTransactionStatus(parties, { reference: ref, category: 'Payment' })));
    answers.push(await post('/sync', buildTransactionStatus(parties, { reference: nextRef(), category: 'Reversal' })));
    sim.script({ answer: 'never', inProgressPolls: 1 });
    void post('/sync', buildPayment(parties, { reference: nextRef(), amountHalalas: 100, at: new Date() })).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 50));
    const last = sim.ledger.transactions.at(-1)!;
    answers.push(await post('/sync', buildTransactionStatus(parties, { reference: last.transactionId, category: 'Payment' })));
    answers.push(await post('/sync', buildReconciliation(parties)));
    answers.push(await post('/sync', buildDiagnosis(parties)));
    expect(await post('/sync', buildAbort(parties, { reference: ref }))).toBe('');

    const kinds = answers.map((a) => {
      const root = a as { SaleToPOIResponse?: Record<string, unknown>; SaleToPOIRequest?: Record<string, unknown> };
      const message = root.SaleToPOIResponse ?? root.SaleToPOIRequest ?? {};
      return Object.keys(message).find((k) => k !== 'MessageHeader');
    });
    expect(kinds).toEqual([
      'PaymentResponse',
      'PaymentResponse',
      'PaymentResponse',
      'PaymentResponse',
      'PaymentResponse',
      'EventNotification',
      'ReversalResponse',
      'ReversalResponse',
      'ReversalResponse',
      'TransactionStatusResponse',
      'TransactionStatusResponse',
      'TransactionStatusResponse',
      'ReconciliationResponse',
      'DiagnosisResponse',
    ]);
    for (const answer of answers) checkAnswer(answer);
  });

  it('the secured (local) envelope uses only known fields', async () => {
    const secured = encryptMessage(built.payment!.SaleToPOIRequest.MessageHeader, JSON.stringify(built.payment), sim.key);
    expect(roundTrip(terminalSerializer, { SaleToPOIRequest: secured }, 'TerminalApiSecuredRequest')).toEqual({ SaleToPOIRequest: secured });
    const problems: string[] = [];
    validate({ SaleToPOIRequest: secured }, 'TerminalApiSecuredRequest', '$', problems);
    expect(problems).toEqual([]);
  });
});

describe('local crypto against the library’s NexoCrypto', () => {
  const key: NexoSecurityKey = { keyIdentifier: 'KEY-ID-1', keyVersion: 3, passphrase: 'p@ssphrase-Ä-latin1' };
  const theirKey = { AdyenCryptoVersion: 1, KeyIdentifier: key.keyIdentifier, KeyVersion: key.keyVersion, Passphrase: key.passphrase };
  const header = built.payment!.SaleToPOIRequest.MessageHeader;
  const json = JSON.stringify({ ...built.payment, note: 'نقطة — Arabic survives the round trip' });

  it('derives the same key material', () => {
    const theirs = NexoDerivedKeyGenerator.deriveKeyMaterial(key.passphrase) as { hmacKey: Buffer; cipherKey: Buffer; iv: Buffer };
    const mine = deriveKeyMaterial(key.passphrase);
    expect(Buffer.compare(mine.hmacKey, theirs.hmacKey)).toBe(0);
    expect(Buffer.compare(mine.cipherKey, theirs.cipherKey)).toBe(0);
    expect(Buffer.compare(mine.iv, theirs.iv)).toBe(0);
  });

  it('ours decrypts theirs, theirs decrypts ours; the same nonce gives the same bytes', () => {
    const theirs = NexoCrypto.encrypt(header as unknown as Types.terminal.MessageHeader, json, theirKey as Types.terminal.SecurityKey);
    expect(decryptMessage(theirs, key)).toEqual({ ok: true, json });
    const mine = encryptMessage(header, json, key);
    expect(new NexoCrypto().decrypt(mine as unknown as Types.terminal.SaleToPOISecuredMessage, theirKey as Types.terminal.SecurityKey)).toBe(json);
    const again = encryptMessage(header, json, key, Buffer.from(String(theirs.SecurityTrailer.Nonce), 'base64'));
    expect(again.NexoBlob).toBe(theirs.NexoBlob);
    expect(again.SecurityTrailer.Hmac).toBe(theirs.SecurityTrailer.Hmac);
  });

  it('fails closed: tampered blob, wrong HMAC, other key, other key id', () => {
    const mine = encryptMessage(header, json, key);
    const blob = Buffer.from(mine.NexoBlob, 'base64');
    blob[blob.length - 20]! ^= 1;
    expect(decryptMessage({ ...mine, NexoBlob: blob.toString('base64') }, key).ok).toBe(false);
    expect(decryptMessage({ ...mine, SecurityTrailer: { ...mine.SecurityTrailer, Hmac: Buffer.alloc(32).toString('base64') } }, key).ok).toBe(false);
    expect(decryptMessage(mine, { ...key, passphrase: 'another' }).ok).toBe(false);
    expect(decryptMessage(mine, { ...key, keyIdentifier: 'OTHER' }).ok).toBe(false);
    expect(() => new NexoCrypto().decrypt({ ...mine, SecurityTrailer: { ...mine.SecurityTrailer, Hmac: Buffer.alloc(32).toString('base64') } } as unknown as Types.terminal.SaleToPOISecuredMessage, theirKey as Types.terminal.SecurityKey)).toThrow();
  });
});

describe('the library’s own clients talk to our simulator', () => {
  function client(): Client {
    const config = new Config({ apiKey: API_KEY, environment: EnvironmentEnum.TEST, certificatePath: sim.caFile });
    const c = new Client(config);
    c.config.terminalApiCloudEndpoint = sim.baseUrl;
    // The library appends ":8443/nexo/" to the local endpoint; the fragment swallows it.
    c.config.terminalApiLocalEndpoint = `${sim.baseUrl}/nexo/#`;
    return c;
  }

  it('TerminalCloudAPI.sync: our Payment request, their deserialization of our answer', async () => {
    const reference = nextRef();
    const request = buildPayment(parties, { reference, amountHalalas: 4599, at: new Date() });
    const response = await new TerminalCloudAPI(client()).sync(request as unknown as Types.terminal.TerminalApiRequest);
    const payment = response.SaleToPOIResponse?.PaymentResponse;
    expect(String(payment?.Response.Result)).toBe('Success');
    expect(payment?.SaleData.SaleTransactionID.TransactionID).toBe(reference);
    expect(payment?.PaymentResult?.AmountsResp?.AuthorizedAmount).toBe(45.99);
    expect(sim.find(reference)?.status).toBe('approved');
  });

  it('TerminalLocalAPI.request: our request encrypted by their NexoCrypto, our encrypted answer decrypted by it', async () => {
    const reference = nextRef();
    const request = buildPayment(parties, { reference, amountHalalas: 1500, at: new Date() });
    const securityKey = { AdyenCryptoVersion: 1, KeyIdentifier: sim.key.keyIdentifier, KeyVersion: sim.key.keyVersion, Passphrase: sim.key.passphrase };
    const response = await new TerminalLocalAPI(client()).request(request as unknown as Types.terminal.TerminalApiRequest, securityKey as Types.terminal.SecurityKey);
    expect(String(response.SaleToPOIResponse?.PaymentResponse?.Response.Result)).toBe('Success');
    expect(response.SaleToPOIResponse?.MessageHeader.ServiceID).toBe(request.SaleToPOIRequest.MessageHeader.ServiceID);
    expect(sim.find(reference)?.status).toBe('approved');
  });
});
