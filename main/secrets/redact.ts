// Scrubbing secrets out of text that leaves the process's memory: error messages, logs, support bundles.
// Two nets, because either alone misses things:
//  1. Every value the secret stores have handed out or taken in is remembered (this module's registry) and
//     removed wherever it appears, in the forms it is likely to be printed in: as text, base64, hex, URL- and
//     JSON-escaped.
//  2. Shapes that are secrets whatever their value: PEM blocks, DER/PKCS#12 blobs (base64, hex, Node's
//     <Buffer 30 82 …> dump), long base64 runs, `Authorization:`/`X-API-Key:`/`X-Password:` headers and
//     `passphrase=…`, `"password": "…"`, `apiKey: …`, `OtpValue` style key/value pairs.
// Secrets shorter than MIN_LENGTH characters are not searched for as text (they would shred ordinary words);
// the key/value patterns still catch them when they appear labelled.

const MIN_LENGTH = 4;
const MASK = '[REDACTED]';

const registry = new Set<string>();

function forms(value: string): string[] {
  const out = [value];
  const json = JSON.stringify(value).slice(1, -1);
  if (json !== value) out.push(json);
  const url = encodeURIComponent(value);
  if (url !== value) out.push(url);
  return out;
}

/** Remembers a secret value so redact() removes it. The stores call this on every put and get. */
export function rememberSecret(value: Uint8Array | string): void {
  const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : Buffer.from(value);
  if (bytes.length === 0) return;
  const candidates: string[] = [];
  const text = bytes.toString('utf8');
  // Only printable text is worth searching for as text; a binary blob shows up as base64 or hex instead.
  if (!text.includes('\uFFFD') && !/[\u0000-\u0008\u000e-\u001f]/.test(text)) candidates.push(...forms(text));
  candidates.push(bytes.toString('base64'), bytes.toString('base64url'), bytes.toString('hex'), bytes.toString('hex').toUpperCase());
  for (const c of candidates) if (c.length >= MIN_LENGTH) registry.add(c);
}

/** For tests: forget every remembered value. */
export function forgetRememberedSecrets(): void {
  registry.clear();
}

const KEY_WORDS =
  'passphrase|password|passwd|pwd|secret|client_?secret|api[_-]?key|x-api-key|access[_-]?token|refresh[_-]?token|token|private[_-]?key|pfx|p12|otp|otpvalue|otp_value';

const PATTERNS: Array<[RegExp, string | ((...m: string[]) => string)]> = [
  // PEM blocks, including a truncated one at the end of a message.
  [/-----BEGIN [A-Z0-9 ]+-----[\s\S]*?(?:-----END [A-Z0-9 ]+-----|$)/g, '[REDACTED PEM]'],
  // Node's inspection of a Buffer holding DER (PKCS#12, certificates, keys all start with SEQUENCE 0x30).
  [/<Buffer 30 8[0-9a-f](?: [0-9a-f]{2})*(?: \.\.\. \d+ more bytes)?>/gi, '<Buffer [REDACTED]>'],
  // DER as base64 ("MII…") or hex ("3082…").
  [/MII[A-Za-z0-9+/]{40,}={0,2}/g, '[REDACTED BLOB]'],
  [/\b3082[0-9a-fA-F]{40,}\b/g, '[REDACTED BLOB]'],
  // Any other long base64 run: nothing a person needs to read is 120 characters of base64.
  [/[A-Za-z0-9+/]{120,}={0,2}/g, '[REDACTED BLOB]'],
  // Credentials in headers.
  [/\b(authorization|proxy-authorization)(\s*[:=]\s*)(?:(bearer|basic)\s+)?[^\s,;"']+/gi, (_m, k, sep, scheme) => `${k}${sep}${scheme ? `${scheme} ` : ''}${MASK}`],
  [/\b(x-api-key|x-password|x-auth-token)(\s*[:=]\s*)("?)[^\s,;"']+\3/gi, (_m, k, sep, q) => `${k}${sep}${q}${MASK}${q}`],
  // key: value / key=value / "key": "value", quoted or bare.
  [
    new RegExp(`(["']?)\\b(${KEY_WORDS})\\1(\\s*[:=]\\s*)("(?:[^"\\\\]|\\\\.)*"|'[^']*'|[^\\s,;&})\\]]+)`, 'gi'),
    (_m, q, k, sep, value) => {
      const open = value.startsWith('"') || value.startsWith("'") ? value[0] : '';
      return `${q}${k}${q}${sep}${open}${MASK}${open}`;
    },
  ],
];

/** `text` with every remembered secret value and every secret-shaped fragment replaced by a marker. */
export function redact(text: string, extraSecrets: Iterable<Uint8Array | string> = []): string {
  let out = String(text);
  const values = new Set(registry);
  for (const extra of extraSecrets) {
    const s = typeof extra === 'string' ? extra : Buffer.from(extra).toString('utf8');
    for (const f of forms(s)) if (f.length >= MIN_LENGTH) values.add(f);
    if (typeof extra !== 'string') values.add(Buffer.from(extra).toString('base64'));
  }
  // Longest first, so a secret containing another one is removed whole.
  for (const value of [...values].sort((a, b) => b.length - a.length)) {
    if (out.includes(value)) out = out.split(value).join(MASK);
  }
  for (const [pattern, replacement] of PATTERNS) {
    out = out.replace(pattern, replacement as (substring: string, ...args: string[]) => string);
  }
  return out;
}

/** redact() for anything: an Error's name, message and stack, or any value's JSON. */
export function redactError(err: unknown): string {
  if (err instanceof Error) return redact(err.stack ?? `${err.name}: ${err.message}`);
  if (typeof err === 'string') return redact(err);
  try {
    return redact(JSON.stringify(err));
  } catch {
    return redact(String(err));
  }
}
