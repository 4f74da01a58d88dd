// The till's settings live in the ledger database (one file to back up), validated on every read so a
// hand-edited or half-provisioned value fails loudly with a bilingual error instead of misbehaving at the
// counter. Provisioning (HQ, installers) will write the same keys.
import { z } from 'zod';
import { Preferences } from '../../preload/contract';
import type { Db } from '../db';
import { TillError } from '../errors';
import { bilingual, describeFieldErrors, fieldErrors, type FieldError } from './messages';
import { EinvoicingSettingsShape } from './einvoicing';
import { readLogoFile } from './logo-file';
import { DEMO_VAT_NUMBER, ShopSettingsShape } from './shop';
import { ScaleSettingsShape } from './scale';
import { RoleSettingsShape } from './roles';

const HttpsUrl = z
  .string()
  .max(300)
  .url()
  .refine((u) => u.startsWith('https://'), 'an https:// address (provider traffic is never sent in clear)');
/** A PEM file with the one CA to trust for a provider instead of the system roots (the simulator, a LAN terminal). */
const CaFile = z.string().min(1).max(400).nullable();

const SerialLink = z.object({
  kind: z.literal('serial'),
  path: z.string().min(1).max(200),
  baudRate: z.union([z.literal(9600), z.literal(19200), z.literal(38400), z.literal(57600), z.literal(115200)]),
});

const TcpLink = z.object({ kind: z.literal('tcp'), host: z.string().min(1).max(253), port: z.number().int().min(1).max(65535) });

/** A mada terminal on the counter, spoken to directly over its acquirer's ECR kit (SkyBand). */
export const MadaEcrTerminal = z.object({
  protocol: z.literal('mada-ecr'),
  link: z.discriminatedUnion('kind', [
    /** The built-in simulated terminal (demo, training). */
    z.object({ kind: z.literal('simulator') }),
    TcpLink,
    SerialLink,
  ]),
  /** How the kit computes the frame check byte (see payments.md: the SDK's ASCII-hex form differs from XOR). */
  lrcMode: z.enum(['xor', 'sdk-ascii-hex']),
  /** Whether the terminal ACKs/NAKs each frame. The SDK never does over TCP; some serial kits do. */
  ackNak: z.boolean(),
  /**
   * The request signature: `zeros` (64 zeros, what public SDK wrappers send to terminals that do not check it)
   * or `simulator-sha256` (our simulator's recipe); an acquirer's own recipe comes with its kit.
   */
  signature: z.enum(['simulator-sha256', 'zeros']),
  purchaseTimeoutMs: z.number().int().min(10_000).max(300_000),
  statusTimeoutMs: z.number().int().min(1_000).max(60_000),
});

/**
 * A SkyBand terminal's kit options as the public SkyBand ECR SDK uses them (payments.md §1): the SDK's
 * ASCII-hex form of the LRC, no ACK/NAK over TCP, and its 150 s transaction timer. The defaults of every new
 * mada terminal, the demo's simulator included: the device's known behaviour, not our simulator's.
 */
export const SKYBAND_SDK_KIT = {
  lrcMode: 'sdk-ascii-hex',
  ackNak: false,
  signature: 'zeros',
  purchaseTimeoutMs: 150_000,
  statusTimeoutMs: 15_000,
} as const satisfies Omit<z.infer<typeof MadaEcrTerminal>, 'protocol' | 'link'>;

/**
 * A terminal reached through a payment provider's nexo / Terminal API: the provider's cloud (sync or async), or
 * the terminal itself on the LAN (local, secured messages). The API key and the local key's passphrase live in
 * the secret store (`nexo.apiKey`, `nexo.passphrase`), never here.
 */
export const NexoTerminal = z.object({
  protocol: z.literal('nexo'),
  mode: z.enum(['cloud-sync', 'cloud-async', 'local']),
  link: z.discriminatedUnion('kind', [
    /** The built-in HTTPS provider simulator (demo, training, tests), with its own CA. */
    z.object({ kind: z.literal('simulator') }),
    z.object({
      kind: z.literal('endpoint'),
      baseUrl: HttpsUrl,
      caFile: CaFile,
      /** The name on a LAN terminal's certificate, when it is not the address's host. */
      serverName: z.string().min(1).max(253).nullable(),
    }),
  ]),
  /** The terminal's POIID at the provider (e.g. "V400m-324688179"). */
  poiId: z.string().regex(/^[A-Za-z0-9._-]{1,40}$/, 'POI id: 1-40 of letters, digits, . _ -'),
  /** local mode: the shared key's identifier and version as set on the terminal. */
  keyIdentifier: z.string().min(1).max(40).nullable(),
  keyVersion: z.number().int().min(0).max(1_000_000).nullable(),
  purchaseTimeoutMs: z.number().int().min(10_000).max(300_000),
});

/** The till's card terminal: direct (mada ECR) or through a provider (nexo). */
export const TerminalSettings = z.discriminatedUnion('protocol', [MadaEcrTerminal, NexoTerminal]);
export type TerminalSettings = z.infer<typeof TerminalSettings>;
export type MadaEcrSettings = z.infer<typeof MadaEcrTerminal>;
export type NexoSettings = z.infer<typeof NexoTerminal>;

/**
 * STC Pay DirectPayment V4. The merchant's client certificate (PKCS#12) and its passphrase live in the secret
 * store (`stcpay.clientCert`, `stcpay.passphrase`), never here.
 */
export const StcPaySettings = z.object({
  link: z.discriminatedUnion('kind', [
    /** The built-in STC Pay simulator over mutual TLS (demo, training, tests): its own CA and merchant certificate. */
    z.object({ kind: z.literal('simulator') }),
    z.object({
      kind: z.literal('endpoint'),
      baseUrl: HttpsUrl,
      caFile: CaFile,
      /** Optional SPKI pins (base64 SHA-256): the server's key must match one of them as well. */
      pins: z.array(z.string().regex(/^[A-Za-z0-9+/]{43}=$/, 'a base64 SHA-256 SPKI pin')).max(10),
    }),
  ]),
  /** The merchant id sent as X-ClientCode. */
  clientCode: z.string().regex(/^[0-9A-Za-z]{1,40}$/),
  /** BranchID / TellerID / DeviceID as registered with STC Pay for this till. */
  branchId: z.string().min(1).max(40),
  tellerId: z.string().min(1).max(40),
  deviceId: z.string().min(1).max(40),
  /** How long to wait for Confirm's answer before the payment is unknown and STC Pay is asked instead. */
  confirmTimeoutMs: z.number().int().min(1_000).max(180_000).default(60_000),
});
export type StcPaySettings = z.infer<typeof StcPaySettings>;


/** The receipt printer (which also drives the cash drawer). */
export const PrinterSettings = z.object({
  /** A profile name from main/printing/profiles.ts (width, raster or column images, cut, status). */
  profile: z.string().min(1).max(40),
  link: z.discriminatedUnion('kind', [
    /** The built-in virtual printer (demo, training): receipts become images. */
    z.object({ kind: z.literal('simulator') }),
    TcpLink,
    SerialLink,
    /** Linux USB printer class device, write-only (no status). */
    z.object({ kind: z.literal('usb_lp'), path: z.string().regex(/^\/dev\/usb\/lp\d+$/, 'a /dev/usb/lpN path') }),
    /** A Windows printer shared with the Generic / Text Only driver, RAW, write-only. */
    z.object({ kind: z.literal('windows_share'), path: z.string().regex(/^\\\\[^\\]+\\[^\\]+$/, 'a \\\\host\\share path') }),
  ]),
});
export type PrinterSettings = z.infer<typeof PrinterSettings>;

export const TillSettings = z.object({
  tillId: z.string().regex(/^[A-Z0-9-]{1,16}$/, bilingual('till id: 1-16 of A-Z, 0-9, -', 'رقم نقطة البيع: ١ إلى ١٦ من A-Z و0-9 و-')),
  shopNameAr: z.string().min(1).max(80),
  shopNameEn: z.string().min(1).max(80),
  /** ZATCA VAT registration: 15 digits, starting and ending with 3 (BR-KSA-40). */
  vatNumber: z
    .string()
    .regex(/^3\d{13}3$/, bilingual('VAT number: 15 digits starting and ending with 3', 'الرقم الضريبي: ١٥ رقمًا يبدأ بـ 3 وينتهي بـ 3')),
  pricesIncludeVat: z.boolean(),
  preferences: Preferences,
  /** The manager's PIN as a salted scrypt hash (hex); the PIN itself is never stored. */
  managerPin: z.object({ salt: z.string().min(8), hash: z.string().regex(/^[0-9a-f]{64}$/) }),
  /** The card terminal, or null when the till takes no cards. */
  terminal: TerminalSettings.nullable(),
  /** Address lines printed under the shop name. */
  shopAddressAr: z.string().max(200),
  shopAddressEn: z.string().max(200),
  printer: PrinterSettings.nullable(),
  /** A CD5220-compatible pole display on a serial port (digits and Latin text only). */
  poleDisplay: SerialLink.nullable(),
  /** A barcode scanner in serial / USB-CDC mode, alongside the keyboard wedge. */
  serialScanner: SerialLink.nullable(),
  /** STC Pay, or null when the till does not take it. Absent in settings written before STC Pay existed. */
  stcPay: StcPaySettings.nullable().default(null),
  ...ShopSettingsShape,
  ...EinvoicingSettingsShape,
  ...ScaleSettingsShape,
  ...RoleSettingsShape,
});
export type TillSettings = z.infer<typeof TillSettings>;

export const DEMO_SETTINGS: TillSettings = TillSettings.parse({
  tillId: 'T01',
  shopNameAr: 'بقالة نقطة التجريبية',
  shopNameEn: 'Nuqta Demo Grocery',
  vatNumber: DEMO_VAT_NUMBER,
  pricesIncludeVat: true,
  preferences: { locale: 'ar', digits: 'latin' },
  // Demo manager PIN 1234. A real till gets its own at provisioning.
  managerPin: { salt: 'nuqta-demo-manager', hash: 'd1a25e511dd8990b8d02eb1fe65b5c7fd47cea081288cefd1a3026c302f9c501' },
  terminal: { protocol: 'mada-ecr', link: { kind: 'simulator' }, ...SKYBAND_SDK_KIT, signature: 'simulator-sha256' },
  shopAddressAr: 'شارع الملك فهد، حي العليا، الرياض ١٢٢١١',
  shopAddressEn: 'King Fahd Road, Al Olaya, Riyadh 12211',
  printer: { profile: 'generic-80', link: { kind: 'simulator' } },
  poleDisplay: null,
  serialScanner: null,
  stcPay: {
    link: { kind: 'simulator' },
    clientCode: '61200000001',
    branchId: 'RUH-01',
    tellerId: 'T01',
    deviceId: 'T01',
    confirmTimeoutMs: 60_000,
  },
  crNumber: '1010000000',
  nationalAddress: { buildingNumber: '1234', street: 'الملك فهد', district: 'العليا', city: 'الرياض', postalCode: '12211', additionalNumber: '5678' },
  branchNameAr: 'الفرع الرئيسي',
  branchNameEn: 'Main branch',
  tillName: 'Till 1',
  // The demo shows B2B too: its simulated platform clears standard invoices at once.
  einvoicing: { platform: { kind: 'simulator' }, standardInvoices: true },
} satisfies z.input<typeof TillSettings>);

const KEY = 'till';

export interface SettingsStore {
  get(): TillSettings;
  update(patch: Partial<TillSettings>): TillSettings;
  /** Reads the stored value again (after a transaction that wrote it was rolled back). */
  reload(): TillSettings;
}

/**
 * Whole settings from anywhere (a file, the admin screen): a key the till does not know is refused, not dropped.
 * A receipt logo being set (different from `current`'s) must also be a file the till can print
 * (./logo-file.ts); one already set is not read again, so a logo that went missing since does not block
 * changing something else (printing falls back to the built-in logo and says so).
 */
export function checkSettings(
  candidate: unknown,
  current?: Pick<TillSettings, 'receipt'>,
): { ok: true; settings: TillSettings } | { ok: false; errors: FieldError[] } {
  const result = TillSettings.strict().safeParse(candidate);
  if (!result.success) return { ok: false, errors: fieldErrors(result.error.issues) };
  const logoFile = result.data.receipt.logoFile;
  const logo = logoFile === null || logoFile === current?.receipt.logoFile ? null : readLogoFile(logoFile);
  if (logo && !logo.ok) return { ok: false, errors: [{ key: 'receipt.logoFile', code: 'logo_file', en: logo.en, ar: logo.ar }] };
  return { ok: true, settings: result.data };
}

export function openSettings(db: Db, defaults: TillSettings = DEMO_SETTINGS): SettingsStore {
  const read = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const write = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');

  const parse = (raw: string): TillSettings => {
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      throw new TillError('CONFIG_INVALID', 'settings are not valid JSON');
    }
    const result = TillSettings.safeParse(json);
    if (!result.success) throw new TillError('CONFIG_INVALID', describeFieldErrors(fieldErrors(result.error.issues)));
    return result.data;
  };

  let current: TillSettings;
  const stored = read.get(KEY);
  if (stored) current = parse(stored.value);
  else {
    current = TillSettings.parse(defaults);
    write.run(KEY, JSON.stringify(current));
  }

  return {
    get: () => current,
    update(patch) {
      const next = TillSettings.safeParse({ ...current, ...patch });
      if (!next.success) throw new TillError('CONFIG_INVALID', describeFieldErrors(fieldErrors(next.error.issues)));
      write.run(KEY, JSON.stringify(next.data));
      current = next.data;
      return current;
    },
    reload() {
      const row = read.get(KEY);
      if (row) current = parse(row.value);
      return current;
    },
  };
}
