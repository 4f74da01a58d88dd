// The serial / USB-CDC barcode scanner through a real pseudo-terminal pair (socat): codes written on the
// "scanner" end arrive through serialport and the ReadlineParser; killing socat is the pulled cable, and
// starting it again on the same paths is plugging it back in.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createPtyPair, type PtyPair } from '../../main/sim/ecr-terminal/pty';
import { cleanCode, createSerialScanner, type ScannerError, type SerialScanner } from '../../main/devices/serial-scanner';
import { until } from './support/printers';

const hasSocat = (() => {
  try {
    execFileSync('socat', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** What the scanner "types": bytes written to the other end of the pty pair. */
function scannerEnd(pair: PtyPair): { send(text: string): void; close(): void } {
  const fd = fs.openSync(pair.terminalPath, fs.constants.O_WRONLY | fs.constants.O_NOCTTY);
  return {
    send: (text) => void fs.writeSync(fd, Buffer.from(text, 'latin1')),
    close: () => fs.closeSync(fd),
  };
}

function start(tillPath: string, backoff = { initialMs: 50, maxMs: 200 }) {
  const scans: string[] = [];
  const errors: ScannerError[] = [];
  let connects = 0;
  const scanner: SerialScanner = createSerialScanner({
    path: tillPath,
    baudRate: 9600,
    onScan: (code) => scans.push(code),
    onError: (e) => errors.push(e),
    onConnected: () => connects++,
    backoff,
  });
  cleanups.push(() => scanner.close());
  return { scanner, scans, errors, connects: () => connects };
}

describe('cleaning a scanned line', () => {
  it('drops surrounding whitespace and framing control characters', () => {
    expect(cleanCode('  6281000000014 \t')).toBe('6281000000014');
    expect(cleanCode('\x026281000000014\x03')).toBe('6281000000014');
    expect(cleanCode('\n')).toBe('');
  });
});

describe.skipIf(!hasSocat && !process.env.CI)('serial scanner over a socat pty pair', () => {
  it('reads codes ended by CR, LF or CRLF, trims them, ignores empty lines, joins split reads', async () => {
    const pair = await createPtyPair();
    cleanups.push(() => pair.close());
    const s = start(pair.tillPath);
    await until(() => s.scanner.connected(), 3000, 'the port to open');
    const end = scannerEnd(pair);
    cleanups.push(() => end.close());

    end.send('6281000000014\r');
    end.send('  6281000000021 \r\n');
    end.send('\r\r\n');
    end.send('62810000');
    await new Promise((r) => setTimeout(r, 30));
    end.send('00038\n');
    end.send('ABC-123\r');
    await until(() => s.scans.length >= 4, 3000, 'four scans');
    await new Promise((r) => setTimeout(r, 50));
    expect(s.scans).toEqual(['6281000000014', '6281000000021', '6281000000038', 'ABC-123']);
    expect(s.errors).toEqual([]);
    expect(s.connects()).toBe(1);
  });

  it('reports a pulled cable once, reconnects with backoff when it is back, and scans again', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nuqta-scanner-'));
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const first = await createPtyPair({ dir });
    const s = start(first.tillPath);
    await until(() => s.scanner.connected(), 3000, 'the port to open');
    let end = scannerEnd(first);
    end.send('6281000000014\r');
    await until(() => s.scans.length === 1, 3000, 'the first scan');

    end.send('62810'); // half a code when the cable goes: never reported as a scan
    await new Promise((r) => setTimeout(r, 30));
    end.close();
    await first.close(); // the cable is pulled: both pty ends vanish
    await until(() => s.errors.length > 0, 3000, 'the disconnect to be reported');
    expect(s.errors[0]!.code).toBe('SCANNER_DISCONNECTED');
    expect(s.errors[0]!.toData().message_ar).toMatch(/[\u0600-\u06ff]/);
    expect(s.scanner.connected()).toBe(false);
    // Several reopen attempts fail while it is gone; the cashier is told once.
    await new Promise((r) => setTimeout(r, 400));
    expect(s.errors.map((e) => e.code)).toEqual(['SCANNER_DISCONNECTED']);

    const second = await createPtyPair({ dir });
    cleanups.push(() => second.close());
    await until(() => s.scanner.connected(), 3000, 'the reconnect');
    expect(s.connects()).toBe(2);
    end = scannerEnd(second);
    cleanups.push(() => end.close());
    end.send('6281000000045\r');
    await until(() => s.scans.length === 2, 3000, 'a scan after the reconnect');
    expect(s.scans).toEqual(['6281000000014', '6281000000045']);
  });

  it('a scanner that is not there yet is reported and picked up when it appears', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nuqta-scanner-'));
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const s = start(path.join(dir, 'till'));
    await until(() => s.errors.length > 0, 3000, 'the error');
    expect(s.errors[0]!.code).toBe('SCANNER_NOT_FOUND');
    const pair = await createPtyPair({ dir });
    cleanups.push(() => pair.close());
    await until(() => s.scanner.connected(), 3000, 'the scanner to appear');
    await s.scanner.close();
    expect(s.scanner.connected()).toBe(false);
  });
});
