// SkyBand ECR longitudinal redundancy check. The documented LRC is the XOR of every byte from STX through ETX,
// both included. SkyBandECRSDK 3.5.0 does not send that byte: pack() prints the XOR with "%02x" and converts the
// two lowercase hex characters back with ascToHexConv(), which maps 'a'..'f' to 3..8, so every nibble >= 0xA
// goes out as nibble - 7 (0x8e -> 0x87, 0xbd -> 0x46). Terminals in the field accept the SDK's frames, so the
// form we SEND is a per-kit setting, and on RECEIVE we accept either form (see payments.md §1).

export type LrcMode = 'xor' | 'sdk-ascii-hex';

/** XOR of all bytes of `bytes` (pass STX..ETX inclusive). */
export function xorLrc(bytes: Uint8Array): number {
  let lrc = 0;
  for (const b of bytes) lrc ^= b;
  return lrc;
}

/** The SDK's mangling of a true XOR value: each nibble >= 0xA becomes nibble - 7. */
export function sdkAsciiHexLrc(xor: number): number {
  const fix = (nibble: number) => (nibble >= 0xa ? nibble - 7 : nibble);
  return (fix((xor >> 4) & 0xf) << 4) | fix(xor & 0xf);
}

/** The LRC byte to append after ETX in the given mode. */
export function lrcFor(bytes: Uint8Array, mode: LrcMode): number {
  const xor = xorLrc(bytes);
  return mode === 'xor' ? xor : sdkAsciiHexLrc(xor);
}

/**
 * Which form (if any) the received LRC byte matches. The two forms coincide when no nibble is >= 0xA; we then
 * report 'xor'. Null means the frame is corrupt.
 */
export function matchLrc(bytes: Uint8Array, received: number): LrcMode | null {
  const xor = xorLrc(bytes);
  if (received === xor) return 'xor';
  if (received === sdkAsciiHexLrc(xor)) return 'sdk-ascii-hex';
  return null;
}
