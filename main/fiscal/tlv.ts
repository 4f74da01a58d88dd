// Tag-length-value as ZATCA's QR uses it: one byte tag, one byte length, then the value's bytes.
// Everything is built in a Buffer from UTF-8 bytes. Building TLV in a JS string (as @axenda/zatca does)
// counts UTF-16 units and re-encodes any byte >= 128 as two bytes, corrupting Arabic names and every
// field of 128 bytes or more (zatca.md §1, §9).

export interface TlvField {
  tag: number;
  /** Text is stored as UTF-8; bytes are stored as they are (Phase 2 tags 8 and 9 are raw DER). */
  value: string | Uint8Array;
}

/** A length byte cannot say more than 255: ZATCA caps every TLV value there. */
export const TLV_MAX_VALUE_BYTES = 255;

export function encodeTlv(fields: readonly TlvField[]): Buffer {
  const parts: Buffer[] = [];
  for (const { tag, value } of fields) {
    if (!Number.isInteger(tag) || tag < 1 || tag > 255) throw new RangeError(`TLV tag ${tag} is not a byte`);
    const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : Buffer.from(value);
    if (bytes.length > TLV_MAX_VALUE_BYTES) {
      throw new RangeError(`TLV tag ${tag} is ${bytes.length} bytes; at most ${TLV_MAX_VALUE_BYTES} fit one length byte`);
    }
    parts.push(Buffer.of(tag, bytes.length), bytes);
  }
  return Buffer.concat(parts);
}

export interface DecodedTlv {
  tag: number;
  value: Buffer;
}

export function decodeTlv(bytes: Uint8Array): DecodedTlv[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: DecodedTlv[] = [];
  let i = 0;
  while (i < buf.length) {
    if (i + 2 > buf.length) throw new RangeError(`TLV truncated at byte ${i}`);
    const tag = buf[i]!;
    const length = buf[i + 1]!;
    if (i + 2 + length > buf.length) throw new RangeError(`TLV tag ${tag} claims ${length} bytes past the end`);
    out.push({ tag, value: Buffer.from(buf.subarray(i + 2, i + 2 + length)) });
    i += 2 + length;
  }
  return out;
}
