// Mutual TLS for STC Pay. The merchant's client certificate and key come as PKCS#12 bytes plus passphrase
// (from the secret store; never a file path the till reads at random). The server is always verified:
// against Node's public roots, or — only when `ca` is configured, as for the simulator — against those PEM
// anchors instead. Optional pinning: base64 SHA-256 of a SubjectPublicKeyInfo ("pin-sha256", as in HPKP)
// that must appear somewhere in the server's chain, checked in checkServerIdentity after the normal host-name
// check, so a pin can never loosen verification, only narrow it.
import { createHash, X509Certificate } from 'node:crypto';
import tls from 'node:tls';
import { redact } from '../../secrets';

export interface StcPayTlsOptions {
  /** The merchant's client certificate, key and chain as PKCS#12 (PFX) bytes. */
  clientPkcs12: Uint8Array;
  passphrase: string;
  /** Trust anchors (PEM) that REPLACE the public roots: the simulator's CA, a private test host. */
  ca?: string | Uint8Array | Array<string | Uint8Array>;
  /** Allowed server keys, base64 SHA-256 of the DER SubjectPublicKeyInfo; empty or absent = no pinning. */
  pins?: readonly string[];
}

export const PIN_MISMATCH_CODE = 'ERR_STCPAY_PIN_MISMATCH';

/** pin-sha256 of a certificate (PEM or DER), for configuring `pins`. */
export function spkiPin(pem: string | Uint8Array): string {
  const cert = new X509Certificate(pem);
  const der = cert.publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('base64');
}

function chainPins(cert: tls.DetailedPeerCertificate): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  let c: tls.DetailedPeerCertificate | undefined = cert;
  while (c && c.fingerprint256 && !seen.has(c.fingerprint256)) {
    seen.add(c.fingerprint256);
    // Not `c.pubkey`: for EC keys that is the bare curve point, not the SubjectPublicKeyInfo a pin is made of.
    if (c.raw) out.push(spkiPin(c.raw));
    c = c.issuerCertificate;
  }
  return out;
}

export function serverIdentityCheck(pins: readonly string[] | undefined): (host: string, cert: tls.PeerCertificate) => Error | undefined {
  const allowed = new Set(pins ?? []);
  return (host, cert) => {
    const err = tls.checkServerIdentity(host, cert);
    if (err || allowed.size === 0) return err;
    const found = chainPins(cert as tls.DetailedPeerCertificate);
    if (found.some((p) => allowed.has(p))) return undefined;
    const mismatch = new Error(`server key ${found[0] ?? '?'} is not one of the ${allowed.size} pinned key(s)`) as NodeJS.ErrnoException;
    mismatch.code = PIN_MISMATCH_CODE;
    return mismatch;
  };
}

export type SecureSetup =
  | { ok: true; secureContext: tls.SecureContext; checkServerIdentity: ReturnType<typeof serverIdentityCheck> }
  | { ok: false; detail: string };

/** Builds the TLS context once; a wrong passphrase or a damaged PKCS#12 is reported, never thrown at a call. */
export function secureSetup(options: StcPayTlsOptions): SecureSetup {
  try {
    const ca = options.ca === undefined ? undefined : (Array.isArray(options.ca) ? options.ca : [options.ca]).map((c) => Buffer.from(c));
    const secureContext = tls.createSecureContext({
      pfx: Buffer.from(options.clientPkcs12),
      passphrase: options.passphrase,
      ...(ca ? { ca } : {}),
      minVersion: 'TLSv1.2',
    });
    return { ok: true, secureContext, checkServerIdentity: serverIdentityCheck(options.pins) };
  } catch (err) {
    return { ok: false, detail: redact(err instanceof Error ? err.message : String(err), [options.passphrase]) };
  }
}
