// ISO-8859-6 (Latin/Arabic), the charset of the SkyBand response's Arabic merchant name and address (fields 33–34),
// which arrive as hex text. A small in-repo table instead of a dependency: 0x00–0xA0 map to themselves, the Arabic
// letters and harakat are two contiguous runs, and a handful of punctuation marks sit in between (per the
// Unicode mapping table 8859-6.TXT). Unassigned bytes decode to U+FFFD.

const SINGLES: ReadonlyArray<[number, number]> = [
  [0xa0, 0x00a0], // no-break space
  [0xa4, 0x00a4], // currency sign
  [0xac, 0x060c], // Arabic comma
  [0xad, 0x00ad], // soft hyphen
  [0xbb, 0x061b], // Arabic semicolon
  [0xbf, 0x061f], // Arabic question mark
];

const TO_UNICODE: number[] = (() => {
  const table = new Array<number>(256).fill(0xfffd);
  for (let b = 0; b < 0xa0; b += 1) table[b] = b;
  for (const [b, u] of SINGLES) table[b] = u;
  for (let b = 0xc1; b <= 0xda; b += 1) table[b] = 0x0621 + (b - 0xc1); // hamza … ghain
  for (let b = 0xe0; b <= 0xf2; b += 1) table[b] = 0x0640 + (b - 0xe0); // tatweel … sukun
  return table;
})();

const FROM_UNICODE = new Map<number, number>(TO_UNICODE.map((u, b) => [u, b] as [number, number]).filter(([u]) => u !== 0xfffd));

export function decodeIso88596(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += String.fromCharCode(TO_UNICODE[b]!);
  return out;
}

/** Characters outside the charset (e.g. Arabic-Indic digits) become '?'. */
export function encodeIso88596(text: string): Buffer {
  const out: number[] = [];
  for (const ch of text) out.push(FROM_UNICODE.get(ch.codePointAt(0)!) ?? 0x3f);
  return Buffer.from(out);
}

/**
 * Decodes a hex string of ISO-8859-6 bytes. Text that is not even-length hex is returned as it came (some kits may
 * send the texts plain), so nothing the terminal printed is lost.
 */
export function decodeIso88596Hex(hex: string): string {
  const s = hex.trim();
  if (s.length === 0 || s.length % 2 !== 0 || !/^[0-9a-fA-F]+$/.test(s)) return s;
  return decodeIso88596(Buffer.from(s, 'hex'));
}

export function encodeIso88596Hex(text: string): string {
  return encodeIso88596(text).toString('hex').toUpperCase();
}
