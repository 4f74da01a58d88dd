// Scanners in serial / USB-CDC mode end each code with CR (the usual factory suffix), CRLF or LF. The
// ReadlineParser splits on one delimiter, so LF is turned into CR first: CR, LF and CRLF all end a code
// (CRLF then leaves an empty line, which the scanner ignores).
import { Transform, type TransformCallback } from 'node:stream';
import { ReadlineParser } from 'serialport';

export function lfToCr(): Transform {
  return new Transform({
    transform(chunk: Buffer, _enc, done: TransformCallback) {
      const out = Buffer.from(chunk);
      for (let i = 0; i < out.length; i++) if (out[i] === 0x0a) out[i] = 0x0d;
      done(null, out);
    },
  });
}

export function codeLines(): { input: Transform; output: ReadlineParser } {
  const input = lfToCr();
  // latin1: one byte, one character. Codes are ASCII; a stray high byte must not eat its neighbours.
  const output = input.pipe(new ReadlineParser({ delimiter: '\r', encoding: 'latin1' }));
  return { input, output };
}

/** Whitespace and control characters (STX/ETX framing some scanners add) around a code. */
export function cleanCode(line: string): string {
  return line.replace(/^[\x00-\x20\x7f]+|[\x00-\x20\x7f]+$/g, '');
}
