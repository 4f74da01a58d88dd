// Hostile call frames for the host's socket, from a seeded generator so any failure replays with its seed:
// random method names, valid methods with mutated inputs (wrong types, huge numbers, NaN-like strings, deep
// nesting, long strings, prototype-pollution keys, unicode), and envelopes that are not calls at all.
import { methodNames, type MethodName } from '../../../preload/contract';
import { MAX_FRAME_BYTES } from '../../../main/host';

/** mulberry32: small, fast and good enough to drive a fuzzer; the same seed gives the same run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Rng {
  next(): number;
  int(max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

export function rng(seed: number): Rng {
  const next = prng(seed);
  const int = (max: number) => Math.floor(next() * max);
  return { next, int, pick: (items) => items[int(items.length)]!, chance: (p) => next() < p };
}

/** What the fuzzer has seen the till hand out, so mutated inputs can point at real lines, receipts and intents. */
export interface Seen {
  lineIds: string[];
  receiptNos: string[];
  intentIds: string[];
  jobIds: string[];
}

const DEMO_BARCODES = ['6281000000014', '6281000000021', '6281000000038', '6281000000045', '6281000000052'];

/**
 * One of the ids the till handed out, or `fallback`. It draws from the generator whatever `items` holds, so the
 * sequence of frames a seed gives does not depend on which replies came back first (only the ids may).
 */
const one = <T>(r: Rng, items: readonly T[], fallback: T): T => {
  const draw = r.int(2 ** 30);
  return items.length ? items[draw % items.length]! : fallback;
};

/** A valid input for `method`, built from what the till has shown so far. */
export function baseInput(method: MethodName, r: Rng, seen: Seen): Record<string, unknown> {
  const lineId = one(r, seen.lineIds, 'no-such-line');
  const receiptNo = one(r, seen.receiptNos, '1');
  const intentId = one(r, seen.intentIds, 'no-such-intent');
  const jobId = one(r, seen.jobIds, 'no-such-job');
  const pin = r.chance(0.5) ? '1234' : '9999';
  switch (method) {
    case 'setPreferences':
      return { locale: r.pick(['ar', 'en']), digits: r.pick(['latin', 'arabic']) };
    case 'scanBarcode':
      return { barcode: r.pick(DEMO_BARCODES) };
    case 'addProduct':
      return { productId: 1 + r.int(300) };
    case 'setQuantity':
      return { lineId, quantity: 1 + r.int(20) };
    case 'removeLine':
      return { lineId };
    case 'tenderCash':
      return { tenderedHalalas: r.pick([100, 5_000, 100_000, 1_000_000]) };
    case 'searchCatalog':
      return { query: r.pick(['حليب', 'milk', 'تمر', 'coffee', 'ماء', '']), limit: 1 + r.int(50) };
    case 'getReceipt':
    case 'reprintReceipt':
    case 'getReceiptImage':
      return { receiptNo };
    case 'payCard':
      return { amountHalalas: r.pick([1, 100, 650]) };
    case 'payStcPay':
      return { amountHalalas: r.pick([1, 100, 650]), mobile: r.pick(['0500000000', '966512345678', '+966512345678']) };
    case 'submitStcPayOtp':
      return { intentId, otp: r.pick(['123456', '111111']) };
    case 'cancelCardPayment':
    case 'recoverPayment':
      return { intentId };
    case 'resolvePayment':
      return { intentId, outcome: r.pick(['approved', 'declined']), rrn: 'RRN123456', authCode: 'ABC123', managerPin: pin };
    case 'reverseCardPayment':
      return { intentId, managerPin: pin };
    case 'settleTerminal':
      return { managerPin: pin };
    case 'retryPrintJob':
    case 'cancelPrintJob':
      return { jobId };
    case 'listReceipts':
      return { limit: 1 + r.int(100) };
    case 'openDrawer':
      return { managerPin: pin, reason: 'fuzz' };
    default:
      return {};
  }
}

const NAN_LIKE = ['NaN', 'Infinity', '-Infinity', '1e309', '-0', '0x10', ' 1', '1 ', '１２３', '٣٤٥', '۱۲۳', '', ' ', 'null', 'undefined', 'true', '[]', '{}'];
const UNICODE = [
  'حليب طازج',
  '😀🧾💳',
  '\ud800', // a lone surrogate: JSON.stringify writes it as \ud800
  '\udfff\ud800',
  '\u202eRTL override',
  'zero\u200bwidth',
  'nul\u0000byte',
  'e\u0301\u0301\u0301',
  '\ufeffBOM',
  'ﷺ',
  '\u0660\u0661\u0662',
];
const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'then', '', 'مفتاح', '😀'];
const HUGE_NUMBERS = [0, -1, 1.5, 0.1, -0.5, 1e308, -1e308, 2 ** 53, 2 ** 53 + 2, Number.MAX_SAFE_INTEGER, 1e-300, 9999, 10_000, 100_000_001, 2 ** 31, -(2 ** 31)];

/** Nested arrays or objects `depth` levels down (JSON stays under the frame limit). */
function nested(r: Rng, depth: number): unknown {
  let value: unknown = r.pick([1, 'x', null, {}]);
  const useObjects = r.chance(0.5);
  for (let i = 0; i < depth; i++) value = useObjects ? { a: value } : [value];
  return value;
}

/** An object whose own key is `key` even when that key is `__proto__` (what JSON.parse makes of such text). */
export function withKey(target: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  return target;
}

export function hostileValue(r: Rng, budget: number): unknown {
  switch (r.int(10)) {
    case 0:
      return r.pick(HUGE_NUMBERS);
    case 1:
      return r.pick(NAN_LIKE);
    case 2:
      return r.pick(UNICODE);
    case 3:
      return r.pick(['a', 'ض', '\u0001', '😀']).repeat(1 + r.int(Math.max(1, Math.floor(budget / 8))));
    case 4:
      return nested(r, 1 + r.int(Math.min(1000, Math.floor(budget / 8))));
    case 5:
      return withKey({}, r.pick(HOSTILE_KEYS), r.chance(0.5) ? { polluted: true, isAdmin: true } : hostileValue(r, budget / 4));
    case 6:
      return r.pick([null, true, false, [], {}]);
    case 7:
      return Array.from({ length: r.int(20) }, () => r.pick(HUGE_NUMBERS));
    case 8:
      return String(r.int(1_000_000_000));
    default:
      return r.next() * 10 ** r.int(20) * (r.chance(0.5) ? -1 : 1);
  }
}

const RANDOM_NAMES = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '__defineGetter__',
  '',
  'getsale',
  'GETSALE',
  'getSale ',
  ' getSale',
  'getSale\u0000',
  'get\u200bSale',
  'بيع',
  '😀',
  'dispatch',
  'close',
  'subscribe',
];

function randomMethodName(r: Rng): string {
  if (r.chance(0.6)) return r.pick(RANDOM_NAMES);
  const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_$0123456789.:/';
  // Up to 70 characters: past 64 the envelope itself is malformed.
  return Array.from({ length: 1 + r.int(70) }, () => alphabet[r.int(alphabet.length)]).join('');
}

function mutateInput(r: Rng, input: Record<string, unknown>): unknown {
  if (r.chance(0.1)) return hostileValue(r, 2000);
  const out: Record<string, unknown> = { ...input };
  const mutations = 1 + r.int(3);
  for (let i = 0; i < mutations; i++) {
    const keys = Object.keys(out);
    const op = r.int(4);
    if (op === 0 && keys.length) out[r.pick(keys)] = hostileValue(r, 2000);
    else if (op === 1 && keys.length) delete out[r.pick(keys)];
    else if (op === 2) withKey(out, r.pick(HOSTILE_KEYS), hostileValue(r, 500));
    else withKey(out, r.pick([...keys, 'extra', 'x']), hostileValue(r, 500));
  }
  return out;
}

export interface FuzzFrame {
  /** What goes on the wire (a text frame unless `binary`). */
  text: string;
  binary: boolean;
  /** The method it names, for the report. */
  method: string;
}

/** One frame: mostly calls to real methods with mutated inputs, some with random names, some not calls at all. */
export function fuzzFrame(r: Rng, id: number, seen: Seen): FuzzFrame {
  const roll = r.next();
  let method: string;
  let input: unknown;
  if (roll < 0.7) {
    method = r.pick(methodNames);
    const base = baseInput(method as MethodName, r, seen);
    input = r.chance(0.15) ? base : mutateInput(r, base);
  } else {
    method = randomMethodName(r);
    input = r.chance(0.5) ? {} : hostileValue(r, 1000);
  }
  let frame: Record<string, unknown> = { kind: 'call', id, method, input };
  if (r.chance(0.1)) {
    // The envelope itself is wrong: these are not calls and have no id to answer to.
    switch (r.int(7)) {
      case 0:
        frame.id = r.pick([-1, 1.5, '1', null, 2 ** 60, [id]]);
        break;
      case 1:
        frame.kind = r.pick(['reply', 'CALL', 'event', '', null]);
        break;
      case 2:
        withKey(frame, r.pick(HOSTILE_KEYS), { polluted: true });
        break;
      case 3:
        frame.method = r.pick([42, null, ['getSale'], { name: 'getSale' }, true]);
        break;
      case 4:
        delete frame[r.pick(['kind', 'id', 'method'])];
        break;
      case 5:
        frame = r.pick<unknown>([[frame], null, 42, 'call']) as Record<string, unknown>; // not an object at all
        break;
      default:
        return {
          text: r.pick(['{not json', '', ' ', 'null', '[]', '{"kind":"call","id":1,"method":"getSale","input":{}', '\u0000', '{"kind":"call"}}']),
          binary: r.chance(0.3),
          method: '(garbage)',
        };
    }
  }
  let text = JSON.stringify(frame) ?? 'undefined';
  // Stay under the payload limit: frames over it are the protocol test's business, not the contract's.
  if (Buffer.byteLength(text) > MAX_FRAME_BYTES) text = JSON.stringify({ kind: 'call', id, method: 'getSale', input: { big: 'x'.repeat(100) } });
  return { text, binary: r.chance(0.01), method: typeof method === 'string' ? method : '(not a string)' };
}
