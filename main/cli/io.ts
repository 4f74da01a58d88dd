// What every admin command shares: exit codes, where lines go, and the net that keeps secrets out of them.
import { redact } from '../secrets';

/** 0 ok, 1 failure, 2 usage or invalid input (nothing written), 3 till error, 4 verification failed / rows rejected. */
export const EXIT = { ok: 0, failure: 1, usage: 2, tillError: 3, rejected: 4 } as const;

export interface Output {
  out(line: string): void;
  err(line: string): void;
}

/**
 * `io` with every line passed through redact(): any value a secret store has handled in this process, and
 * anything shaped like a credential, is masked before it reaches a terminal, a log or a CI transcript.
 */
export function redacting(io: Output): Output {
  return { out: (line) => io.out(redact(line)), err: (line) => io.err(redact(line)) };
}

/** Options of the provider and secret commands (`nuqta terminal|stcpay|secret … --flag`). */
export interface CliFlags {
  /** --ca FILE: a PEM CA to trust for the provider instead of the system roots. */
  ca?: string;
  /** --server-name NAME: the name on a LAN terminal's certificate. */
  serverName?: string;
  /** --key-id ID / --key-version N: the nexo local-mode shared key. */
  keyId?: string;
  keyVersion?: string;
  /** --pin PIN (repeatable): STC Pay SPKI pins. */
  pins?: string[];
  /** --file FILE: a secret's bytes from a file (the STC Pay PKCS#12 certificate). */
  file?: string;
  /** A mada (SkyBand) terminal's kit options: --lrc, --ack-nak, --purchase-timeout (seconds), --signature. */
  lrc?: string;
  ackNak?: string;
  purchaseTimeout?: string;
  signature?: string;
}

/** Zod issues as one line: `link.baseUrl: an https:// address …; poiId: …`. */
export function describeIssues(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): string {
  return issues.map((i) => `${i.path.map(String).join('.') || '(value)'}: ${i.message}`).join('; ');
}
