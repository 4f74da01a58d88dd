// The till's log: JSON lines (pino) in a size-capped, rotated file in the data folder (logs/till.log, 5 MB,
// the last 5 kept: rotating-file-stream), and on stderr for whoever started it. Three rules a till needs that a
// plain logger does not keep:
//  - the same failure repeated (a full disk retried, a printer off) is written once, then once a minute with how
//    many times it happened meanwhile — never once per attempt;
//  - an error is written with its stack once per code and minute at most;
//  - nothing written carries a secret, a PIN or a card number: every line passes the secrets' redaction
//    (provider credentials, `nuqta.` till secrets) and a PAN/PIN mask first.
// A log that cannot be written (the disk is full) never stops the till: its own errors are counted, not thrown.
import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { createStream, type RotatingFileStream } from 'rotating-file-stream';

export interface TillLog {
  error(message: string, detail?: unknown): void;
  warn(message: string, detail?: unknown): void;
  info(message: string, detail?: unknown): void;
  /** Writes what is still counted and closes the file. */
  close(): Promise<void>;
}

export interface TillLogOptions {
  /** The data folder; the log goes to DIR/logs/till.log. */
  dataDir: string;
  /** Removes secrets from any text (main/secrets' redact). */
  redact: (text: string) => string;
  /** Also to stderr (default true). */
  stderr?: boolean;
  /** One line per repeated failure per this window (default 60 s). */
  repeatWindowMs?: number;
  now?: () => number;
  /** Rotation size and how many rotated files to keep (default 5 MB, 5). */
  maxFileBytes?: number;
  maxFiles?: number;
}

export const LOG_DIR = 'logs';
export const LOG_FILE = 'till.log';

/** 13–19 digit runs (a PAN) keep only their first 6 and last 4; "pin": "1234" values are hidden. */
const PAN = /\b(\d{6})\d{3,9}(\d{4})\b/g;
const PIN_FIELD = /("?(?:pin|managerPin|otp|passphrase|password)"?\s*[:=]\s*"?)([^",\s}]+)/gi;
/** The host's per-launch secrets: as a WebSocket subprotocol (nuqta.HEX) or in a page address (#secret=HEX). */
const TILL_SECRET = /(nuqta\.|secret=)[0-9a-f]{16,}/gi;
export function maskCardsAndPins(text: string): string {
  return text
    .replace(PAN, (_m, first: string, last: string) => `${first}******${last}`)
    .replace(PIN_FIELD, '$1***')
    .replace(TILL_SECRET, '$1[REDACTED]');
}

interface Seen {
  firstAt: number;
  suppressed: number;
}

export function createTillLog(options: TillLogOptions): TillLog {
  const now = options.now ?? Date.now;
  const windowMs = options.repeatWindowMs ?? 60_000;
  let fileErrors = 0;
  const dir = path.join(options.dataDir, LOG_DIR);
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch {
    // A folder that cannot be made shows as write failures below; the till runs on.
  }
  // Classic rotation (rfs `rotate`): till.log, then till.log.1 … till.log.N, the oldest dropped. In that mode
  // the generator's one argument is the index (null for the live file).
  const rotated = (index: number | Date | null) => (typeof index === 'number' && index > 0 ? `${LOG_FILE}.${index}` : LOG_FILE);
  const file: RotatingFileStream = createStream(rotated, {
    path: dir,
    size: `${Math.max(1, Math.round((options.maxFileBytes ?? 5 * 1024 * 1024) / 1024))}K`,
    rotate: options.maxFiles ?? 5,
    mode: 0o600,
  });
  // A full disk or a vanished folder: the till goes on; the count says how much of the log was lost.
  file.on('error', () => {
    fileErrors += 1;
  });
  const targets: pino.StreamEntry[] = [{ stream: file, level: 'info' }];
  if (options.stderr !== false) targets.push({ stream: safeStderr(), level: 'info' });
  const logger = pino({ base: null, timestamp: pino.stdTimeFunctions.isoTime }, pino.multistream(targets));

  const clean = (text: string) => maskCardsAndPins(options.redact(text));
  const seen = new Map<string, Seen>();
  /** When each error code's stack was last written. */
  const stackAt = new Map<string, number>();
  const withStack = (detail: unknown, at: number): boolean => {
    if (!(detail instanceof Error)) return false;
    const code = String((detail as { code?: unknown }).code ?? detail.name);
    const last = stackAt.get(code);
    if (last !== undefined && at - last < windowMs) return false;
    stackAt.set(code, at);
    return true;
  };

  const write = (level: 'error' | 'warn' | 'info', message: string, detail?: unknown) => {
    const key = `${level}\u0000${message}\u0000${keyOf(detail)}`;
    const at = now();
    const previous = seen.get(key);
    if (previous && at - previous.firstAt < windowMs) {
      previous.suppressed += 1;
      return;
    }
    const repeated = previous?.suppressed ?? 0;
    seen.set(key, { firstAt: at, suppressed: 0 });
    if (seen.size > 1000) seen.delete(seen.keys().next().value!);
    const line: Record<string, unknown> = {};
    if (detail !== undefined) line.detail = describe(detail, clean, withStack(detail, at));
    if (repeated > 0) line.repeated = repeated;
    if (fileErrors > 0) {
      line.logWriteFailures = fileErrors;
      fileErrors = 0;
    }
    logger[level](line, clean(repeated > 0 ? `${message} (repeated ${repeated} more times in the last ${Math.round(windowMs / 1000)} s)` : message));
  };

  return {
    error: (message, detail) => write('error', message, detail),
    warn: (message, detail) => write('warn', message, detail),
    info: (message, detail) => write('info', message, detail),
    async close() {
      for (const [key, s] of seen) {
        if (s.suppressed === 0) continue;
        const [level, message] = key.split('\u0000') as ['error' | 'warn' | 'info', string];
        logger[level]({ repeated: s.suppressed }, clean(`${message} (repeated ${s.suppressed} more times before the till stopped)`));
      }
      seen.clear();
      await new Promise<void>((resolve) => {
        file.end(() => resolve());
        file.once('error', () => resolve());
      });
    },
  };
}

/** What makes two failures "the same": the error's code, else its message (not its stack or its time). */
function keyOf(detail: unknown): string {
  if (detail instanceof Error) return `${(detail as { code?: string }).code ?? ''}:${detail.message}`;
  if (detail && typeof detail === 'object' && 'code' in detail) return String((detail as { code: unknown }).code);
  return typeof detail === 'string' ? detail : '';
}

/** An error with its code and stack (redacted); anything else as redacted JSON text. */
function describe(detail: unknown, clean: (text: string) => string, stack: boolean): unknown {
  if (detail instanceof Error) {
    const code = (detail as { code?: unknown }).code;
    return {
      error: clean(detail.message),
      ...(code !== undefined ? { code: String(code) } : {}),
      ...(stack ? { stack: clean(detail.stack ?? '') } : {}),
    };
  }
  if (typeof detail === 'string') return clean(detail);
  try {
    return JSON.parse(clean(JSON.stringify(detail)));
  } catch {
    return clean(String(detail));
  }
}

/** stderr that a closed pipe (the launcher went away) cannot turn into an exception. */
function safeStderr(): Writable {
  process.stderr.on('error', () => undefined);
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      try {
        if (!process.stderr.destroyed) process.stderr.write(chunk);
      } catch {
        // nobody is reading any more
      }
      done();
    },
  });
}
