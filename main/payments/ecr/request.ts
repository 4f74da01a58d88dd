// SkyBand request frames, laid out exactly as SDK 3.5.0's pack() lays them out (SBCoreECR.c), and the reverse
// decoder the simulator uses. Field order after "STX FS CMD FS":
//   A1 purchase    amount(12) datetime(12) ecrRef(≤14) printFlag(1) signature(64) timeout(3)
//   A6 refund      datetime refundAmount(12) RRN(≤12) [origDate(6) — only for kits that want it] ecrRef printFlag signature timeout
//   A5 reversal    datetime ecrRef printFlag signature timeout        (no RRN: it targets the terminal's last transaction)
//   B1 settlement  datetime ecrRef printFlag signature timeout
//   C3 status      datetime ecrRef signature timeout
//   C2 repeat      datetime previousEcrNumber(6) ecrRef signature timeout
//   A0 register    datetime cashRegisterNo(8) timeout                  (pack() sends neither reference nor signature)
// each field followed by FS, then ETX and the LRC.
import { encodeFrame } from './frame';
import type { LrcMode } from './lrc';
import type { SignatureProvider } from './signature';

export type EcrCommand = 'A0' | 'A1' | 'A5' | 'A6' | 'B1' | 'C2' | 'C3';
export const FINANCIAL_COMMANDS: ReadonlySet<EcrCommand> = new Set(['A1', 'A5', 'A6']);

export type EcrRequest =
  | { command: 'A1'; datetime: string; ecrRef: string; amountHalalas: number; printFlag: '0' | '1' }
  | {
      command: 'A6';
      datetime: string;
      ecrRef: string;
      amountHalalas: number;
      originalRrn: string;
      /** DDMMYY; sent only when set (the SDK's pack() drops the original date its caller passes). */
      originalDate?: string;
      printFlag: '0' | '1';
    }
  | { command: 'A5'; datetime: string; ecrRef: string; printFlag: '0' | '1' }
  | { command: 'B1'; datetime: string; ecrRef: string; printFlag: '0' | '1' }
  | { command: 'C3'; datetime: string; ecrRef: string }
  | { command: 'C2'; datetime: string; ecrRef: string; previousEcrNumber: string }
  | { command: 'A0'; datetime: string; cashRegisterNo: string };

export interface BuildOptions {
  lrcMode: LrcMode;
  signature: SignatureProvider;
  /** The frame's timeout field in seconds, 3 digits; the SDK always sends "120". */
  terminalTimeoutS?: number;
}

export const MAX_AMOUNT_HALALAS = 999_999_999_999;
const REF = /^[0-9A-Za-z_-]{1,14}$/;
const RRN = /^[0-9A-Za-z]{1,12}$/;

export function amountField(halalas: number): string {
  if (!Number.isSafeInteger(halalas) || halalas <= 0 || halalas > MAX_AMOUNT_HALALAS) {
    throw new RangeError(`amount must be a positive integer number of halalas with at most 12 digits: ${halalas}`);
  }
  return String(halalas).padStart(12, '0');
}

export function isValidEcrRef(ref: string): boolean {
  return REF.test(ref);
}

function checkRef(ref: string): string {
  if (!REF.test(ref)) throw new RangeError(`ECR reference must be 1–14 characters [0-9A-Za-z_-]: ${JSON.stringify(ref)}`);
  return ref;
}

/** The 6-digit "previous ECR number" of C2: the last six digits of a reference, zero-padded (SDK: %06lld). */
export function previousEcrNumber(ref: string): string {
  return ref.replace(/\D/g, '').slice(-6).padStart(6, '0');
}

/** The request's fields after the command, in frame order. Validates everything; throws RangeError. */
export function requestFields(request: EcrRequest, options: BuildOptions): string[] {
  if (!/^\d{12}$/.test(request.datetime)) throw new RangeError(`datetime must be 12 digits: ${request.datetime}`);
  const timeout = String(options.terminalTimeoutS ?? 120).padStart(3, '0');
  if (!/^\d{3}$/.test(timeout)) throw new RangeError(`terminal timeout must be 1–999 s: ${timeout}`);
  const sign = (ecrRef: string, amount: string) => {
    const s = options.signature.sign({ command: request.command, ecrRef, amount, datetime: request.datetime });
    if (typeof s !== 'string' || s.length !== 64 || !/^[\x20-\x7e]+$/.test(s)) throw new RangeError('signature provider must return 64 printable characters');
    return s;
  };
  switch (request.command) {
    case 'A1': {
      const amount = amountField(request.amountHalalas);
      const ref = checkRef(request.ecrRef);
      return [amount, request.datetime, ref, request.printFlag, sign(ref, amount), timeout];
    }
    case 'A6': {
      const amount = amountField(request.amountHalalas);
      const ref = checkRef(request.ecrRef);
      if (!RRN.test(request.originalRrn)) throw new RangeError(`original RRN must be 1–12 alphanumerics: ${request.originalRrn}`);
      const orig = request.originalDate === undefined ? [] : [request.originalDate];
      if (request.originalDate !== undefined && !/^\d{6}$/.test(request.originalDate)) throw new RangeError('original date must be DDMMYY');
      return [request.datetime, amount, request.originalRrn, ...orig, ref, request.printFlag, sign(ref, amount), timeout];
    }
    case 'A5':
    case 'B1': {
      const ref = checkRef(request.ecrRef);
      return [request.datetime, ref, request.printFlag, sign(ref, ''), timeout];
    }
    case 'C3': {
      const ref = checkRef(request.ecrRef);
      return [request.datetime, ref, sign(ref, ''), timeout];
    }
    case 'C2': {
      const ref = checkRef(request.ecrRef);
      if (!/^\d{6}$/.test(request.previousEcrNumber)) throw new RangeError('previous ECR number must be 6 digits');
      return [request.datetime, request.previousEcrNumber, ref, sign(ref, ''), timeout];
    }
    case 'A0': {
      if (!/^[\x21-\x7e]{8}$/.test(request.cashRegisterNo)) throw new RangeError('cash register number must be 8 printable characters');
      return [request.datetime, request.cashRegisterNo, timeout];
    }
  }
}

export function buildRequestFrame(request: EcrRequest, options: BuildOptions): Buffer {
  return encodeFrame([request.command, ...requestFields(request, options)], options.lrcMode);
}

/** A request as the terminal (simulator) sees it: the typed request plus what travelled with it. */
export type DecodedRequest = { request: EcrRequest; signature: string | null; timeoutS: number };

/**
 * The terminal side: reads fields from splitFrame() ([0] empty, [1] command, …). Returns null for anything
 * malformed (the simulator answers that with a format error). Never throws.
 */
export function decodeRequest(fields: readonly string[]): DecodedRequest | null {
  const cmd = fields[1];
  const f = fields.slice(2);
  const digits = (s: string | undefined, n: number) => s !== undefined && new RegExp(`^\\d{${n}}$`).test(s);
  const flag = (s: string | undefined): '0' | '1' | null => (s === '0' || s === '1' ? s : null);
  const ref = (s: string | undefined) => (s !== undefined && REF.test(s) ? s : null);
  const tail = (sig: string | undefined, timeout: string | undefined) =>
    sig !== undefined && sig.length === 64 && digits(timeout, 3) ? { signature: sig, timeoutS: Number(timeout) } : null;
  try {
    switch (cmd) {
      case 'A1': {
        const [amount, datetime, ecrRef, print, sig, timeout] = f;
        const t = tail(sig, timeout);
        const p = flag(print);
        const r = ref(ecrRef);
        if (f.length !== 6 || !digits(amount, 12) || !digits(datetime, 12) || !t || !p || !r) return null;
        const amountHalalas = Number(amount);
        if (amountHalalas <= 0) return null;
        return { request: { command: 'A1', datetime: datetime!, ecrRef: r, amountHalalas, printFlag: p }, ...t };
      }
      case 'A6': {
        if (f.length !== 7 && f.length !== 8) return null;
        const withDate = f.length === 8;
        const [datetime, amount, rrn] = f;
        const originalDate = withDate ? f[3] : undefined;
        const [ecrRef, print, sig, timeout] = f.slice(withDate ? 4 : 3);
        const t = tail(sig, timeout);
        const p = flag(print);
        const r = ref(ecrRef);
        if (!digits(datetime, 12) || !digits(amount, 12) || !rrn || !RRN.test(rrn) || !t || !p || !r) return null;
        if (withDate && !digits(originalDate, 6)) return null;
        const amountHalalas = Number(amount);
        if (amountHalalas <= 0) return null;
        const request: EcrRequest = { command: 'A6', datetime: datetime!, ecrRef: r, amountHalalas, originalRrn: rrn, printFlag: p };
        if (originalDate !== undefined) request.originalDate = originalDate;
        return { request, ...t };
      }
      case 'A5':
      case 'B1': {
        const [datetime, ecrRef, print, sig, timeout] = f;
        const t = tail(sig, timeout);
        const p = flag(print);
        const r = ref(ecrRef);
        if (f.length !== 5 || !digits(datetime, 12) || !t || !p || !r) return null;
        return { request: { command: cmd, datetime: datetime!, ecrRef: r, printFlag: p }, ...t };
      }
      case 'C3': {
        const [datetime, ecrRef, sig, timeout] = f;
        const t = tail(sig, timeout);
        const r = ref(ecrRef);
        if (f.length !== 4 || !digits(datetime, 12) || !t || !r) return null;
        return { request: { command: 'C3', datetime: datetime!, ecrRef: r }, ...t };
      }
      case 'C2': {
        const [datetime, prev, ecrRef, sig, timeout] = f;
        const t = tail(sig, timeout);
        const r = ref(ecrRef);
        if (f.length !== 5 || !digits(datetime, 12) || !digits(prev, 6) || !t || !r) return null;
        return { request: { command: 'C2', datetime: datetime!, ecrRef: r, previousEcrNumber: prev! }, ...t };
      }
      case 'A0': {
        const [datetime, reg, timeout] = f;
        if (f.length !== 3 || !digits(datetime, 12) || !reg || !/^[\x21-\x7e]{8}$/.test(reg) || !digits(timeout, 3)) return null;
        return { request: { command: 'A0', datetime: datetime!, cashRegisterNo: reg }, signature: null, timeoutS: Number(timeout) };
      }
      default:
        return null;
    }
  } catch {
    return null;
  }
}
