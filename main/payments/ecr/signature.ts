// The 64-character signature every SkyBand financial/control frame carries. What is hashed is NOT public: the
// SDK has a computeSha256Hash helper but never shows its input, and the Flutter wrapper sends "true". So the
// signature is pluggable per acquirer kit; the real recipe comes from the acquirer (SkyBand) with the ECR kit.
import { createHash } from 'node:crypto';

/** What a provider may sign. Strings exactly as they go into the frame. */
export interface SignatureFields {
  /** Two-character command, e.g. "A1". */
  command: string;
  /** The frame's ECR reference field ('' for commands without one). */
  ecrRef: string;
  /** The 12-digit amount field ('' for commands without an amount; the refund amount for A6). */
  amount: string;
  /** The frame's 12-digit date-time. */
  datetime: string;
}

export interface SignatureProvider {
  /** Must return exactly 64 characters (checked by the request builder). */
  sign(fields: SignatureFields): string;
}

/**
 * OUR convention for the simulator and training, not SkyBand's: lowercase hex SHA-256 of
 * ecrRef + amount + datetime (plain concatenation, no separators). The simulator checks it when told to.
 */
export const sha256Signature: SignatureProvider = {
  sign: ({ ecrRef, amount, datetime }) => createHash('sha256').update(ecrRef + amount + datetime, 'latin1').digest('hex'),
};

/** 64 zeros: what the SDK sends for register and start/end session. */
export const zerosSignature: SignatureProvider = { sign: () => '0'.repeat(64) };
