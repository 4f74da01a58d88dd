// `nuqta terminal …` and `nuqta stcpay …`: where the card terminal and STC Pay are, validated by the same zod
// schemas the till reads (main/settings) before anything is written. Credentials are never taken here: they go
// to the secret store (`nuqta secret set`), and each command says which ones the chosen provider still needs.
import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ledgerFile } from '../app';
import { openDatabase } from '../db';
import { DEMO_SETTINGS, SKYBAND_SDK_KIT, openSettings, StcPaySettings, TerminalSettings, type MadaEcrSettings, type NexoSettings, type SettingsStore } from '../settings';
import { describeIssues, EXIT, redacting, type CliFlags, type Output } from './io';
import { remindSecrets } from './secret';

export const TERMINAL_USAGE = [
  'Usage: nuqta terminal show',
  '       nuqta terminal set simulator | set tcp HOST PORT | set serial PATH BAUD | set none',
  '         [--lrc sdk-ascii-hex|xor] [--ack-nak on|off] [--purchase-timeout SECONDS] [--signature zeros|simulator-sha256]',
  '         a new mada terminal starts from the SkyBand SDK\'s own options: sdk-ascii-hex LRC, no ACK/NAK, 150 s, zeros;',
  '         a change of link keeps the options already chosen for a real terminal',
  '       nuqta terminal set nexo MODE simulator POIID',
  '       nuqta terminal set nexo MODE URL POIID [--ca FILE] [--server-name NAME] [--key-id ID --key-version N]',
  '         MODE: cloud-sync | cloud-async | local; URL: https:// only; local mode with a URL needs --key-id and --key-version',
];

export const STCPAY_USAGE = [
  'Usage: nuqta stcpay show',
  '       nuqta stcpay set simulator [CLIENT_CODE BRANCH TELLER DEVICE]',
  '       nuqta stcpay set URL CLIENT_CODE BRANCH TELLER DEVICE [--ca FILE] [--pin PIN]...',
  '       nuqta stcpay none',
];

const NEXO_MODES = ['cloud-sync', 'cloud-async', 'local'] as const;

/** A refusal: the lines to print (English and Arabic) and the exit code. Nothing has been written. */
class Refused extends Error {
  constructor(
    readonly lines: string[],
    readonly code: number = EXIT.usage,
  ) {
    super(lines[0]);
  }
}

const usage = (lines: string[], why?: string) => new Refused(why ? [why, ...lines] : lines);

function demoMada(): MadaEcrSettings {
  const t = DEMO_SETTINGS.terminal;
  if (!t || t.protocol !== 'mada-ecr') throw new Error('DEMO_SETTINGS.terminal is not a mada terminal');
  return t;
}

function withSettings<T>(dataDir: string, use: (settings: SettingsStore) => T): T {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = openDatabase(ledgerFile(dataDir));
  try {
    return use(openSettings(db));
  } finally {
    db.close();
  }
}

/**
 * A provider address as the settings take it, with the checks the schema leaves to us: a URL with a user name
 * or password in it would put a credential into the settings (and every `show`), so it is refused.
 */
function providerUrl(raw: string, setting: string, usageLines: string[]): string {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(raw)) {
    throw usage(usageLines, `${setting}: expected simulator or an https:// address. / يلزم عنوان يبدأ بـ https://`);
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Refused([`${setting}: not a valid address. / العنوان غير صالح.`]);
  }
  if (url.username || url.password) {
    throw new Refused([
      `${setting}: the address must not contain a user name or password; credentials go in the secret store (nuqta secret set). Nothing written.`,
      'يجب ألا يحتوي العنوان على اسم مستخدم أو كلمة مرور؛ احفظها في مخزن الأسرار.',
    ]);
  }
  return raw;
}

/** --ca FILE: an absolute path (the till's working folder is not the admin's) to a readable PEM certificate. */
function caFile(file: string | undefined, setting: string): string | null {
  if (file === undefined) return null;
  const abs = path.resolve(file);
  let text: string;
  try {
    text = fs.readFileSync(abs, 'utf8');
  } catch (e) {
    throw new Refused([
      `${setting}: cannot read the CA file ${abs} (${(e as NodeJS.ErrnoException).code ?? 'error'}). Nothing written.`,
      'تعذرت قراءة ملف شهادة الجهة المصدِّقة (CA). لم يُكتب شيء.',
    ]);
  }
  const first = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(text);
  let ok = false;
  if (first) {
    try {
      new X509Certificate(first[0]);
      ok = true;
    } catch {
      ok = false;
    }
  }
  if (!ok) {
    throw new Refused([
      `${setting}: ${abs} is not a PEM certificate file (-----BEGIN CERTIFICATE-----). Nothing written.`,
      'ملف شهادة الجهة المصدِّقة ليس شهادة بصيغة PEM. لم يُكتب شيء.',
    ]);
  }
  return abs;
}

function invalid(what: { en: string; ar: string }, issues: Parameters<typeof describeIssues>[0]): Refused {
  return new Refused([`${what.en} not valid: ${describeIssues(issues)}. Nothing written.`, `${what.ar} غير صحيحة. لم يُكتب شيء.`]);
}

const TERMINAL = { en: 'Terminal settings', ar: 'إعدادات جهاز الدفع' };
const STCPAY = { en: 'STC Pay settings', ar: 'إعدادات STC Pay' };

/** The nexo terminal the arguments describe, validated; purchaseTimeoutMs is the default until the current one is known. */
function nexoFromArgs(args: string[], flags: CliFlags): NexoSettings {
  const [mode, linkArg, poiId, ...extra] = args;
  if (!mode || !linkArg || !poiId || extra.length > 0) throw usage(TERMINAL_USAGE, 'terminal set nexo takes MODE, simulator or URL, and POIID. / عدد المعطيات غير صحيح.');
  if (!(NEXO_MODES as readonly string[]).includes(mode)) {
    throw usage(TERMINAL_USAGE, `MODE must be cloud-sync, cloud-async or local, not ${mode}. / وضع غير معروف.`);
  }
  const endpointFlags = (['ca', 'serverName', 'keyId', 'keyVersion'] as const).filter((f) => flags[f] !== undefined);
  const flagName = { ca: '--ca', serverName: '--server-name', keyId: '--key-id', keyVersion: '--key-version' } as const;
  let link: NexoSettings['link'];
  let keyIdentifier: string | null = null;
  let keyVersion: number | null = null;
  if (linkArg === 'simulator') {
    if (endpointFlags.length > 0) {
      throw usage(TERMINAL_USAGE, `${endpointFlags.map((f) => flagName[f]).join(', ')}: only for a URL, not the simulator (it has its own CA and key). / هذه الخيارات للعنوان فقط.`);
    }
    link = { kind: 'simulator' };
  } else {
    const baseUrl = providerUrl(linkArg, 'terminal.link.baseUrl', TERMINAL_USAGE);
    if ((flags.keyId === undefined) !== (flags.keyVersion === undefined)) {
      throw usage(TERMINAL_USAGE, '--key-id and --key-version go together. / يلزم الخياران معاً.');
    }
    if (mode === 'local' && flags.keyId === undefined) {
      throw usage(TERMINAL_USAGE, 'local mode needs the shared key set on the terminal: --key-id ID --key-version N. / الوضع المحلي يحتاج معرف المفتاح وإصداره.');
    }
    if (mode !== 'local' && flags.keyId !== undefined) {
      throw usage(TERMINAL_USAGE, `--key-id and --key-version are for local mode, not ${mode}. / معرف المفتاح للوضع المحلي فقط.`);
    }
    if (flags.keyVersion !== undefined) {
      if (!/^\d{1,9}$/.test(flags.keyVersion)) throw usage(TERMINAL_USAGE, '--key-version must be a whole number. / يجب أن يكون الإصدار عدداً صحيحاً.');
      keyVersion = Number(flags.keyVersion);
      keyIdentifier = flags.keyId!;
    }
    link = { kind: 'endpoint', baseUrl, caFile: null, serverName: flags.serverName ?? null };
    // The schema first (a bad address says so before a missing CA file), then the file itself.
    const probe = TerminalSettings.safeParse(nexoShape(mode, link, poiId, keyIdentifier, keyVersion));
    if (!probe.success) throw invalid(TERMINAL, probe.error.issues);
    link = { ...link, caFile: caFile(flags.ca, 'terminal.link.caFile') };
  }
  const parsed = TerminalSettings.safeParse(nexoShape(mode, link, poiId, keyIdentifier, keyVersion));
  if (!parsed.success) throw invalid(TERMINAL, parsed.error.issues);
  return parsed.data as NexoSettings;
}

function nexoShape(mode: string, link: NexoSettings['link'], poiId: string, keyIdentifier: string | null, keyVersion: number | null) {
  return { protocol: 'nexo', mode, link, poiId, keyIdentifier, keyVersion, purchaseTimeoutMs: demoMada().purchaseTimeoutMs };
}

/** The secrets a provider setting needs at the till's start (none for the simulators). */
function nexoNeeds(t: TerminalSettings | null): string[] {
  if (!t || t.protocol !== 'nexo' || t.link.kind !== 'endpoint') return [];
  return t.mode === 'local' ? ['nexo.passphrase'] : ['nexo.apiKey'];
}
function stcPayNeeds(s: StcPaySettings | null): string[] {
  return s && s.link.kind === 'endpoint' ? ['stcpay.clientCert', 'stcpay.passphrase'] : [];
}

/** The kit options the flags set (checked with the settings schema when the terminal is saved). */
function kitFromFlags(flags: CliFlags): Partial<MadaEcrSettings> {
  const kit: Partial<MadaEcrSettings> = {};
  if (flags.lrc !== undefined) kit.lrcMode = flags.lrc as MadaEcrSettings['lrcMode'];
  if (flags.ackNak !== undefined) {
    if (flags.ackNak !== 'on' && flags.ackNak !== 'off') throw usage(TERMINAL_USAGE, '--ack-nak: on or off. / القيمة on أو off.');
    kit.ackNak = flags.ackNak === 'on';
  }
  if (flags.purchaseTimeout !== undefined) {
    if (!/^\d{1,4}$/.test(flags.purchaseTimeout)) throw usage(TERMINAL_USAGE, '--purchase-timeout: whole seconds. / ثوانٍ صحيحة.');
    kit.purchaseTimeoutMs = Number(flags.purchaseTimeout) * 1000;
  }
  if (flags.signature !== undefined) kit.signature = flags.signature as MadaEcrSettings['signature'];
  return kit;
}

function madaFromArgs(kind: string, a: string | undefined, b: string | undefined, flags: CliFlags) {
  const stray = (['ca', 'serverName', 'keyId', 'keyVersion'] as const).some((f) => flags[f] !== undefined);
  if (stray) throw usage(TERMINAL_USAGE, '--ca, --server-name, --key-id and --key-version are for terminal set nexo. / هذه الخيارات لأجهزة nexo فقط.');
  const link =
    kind === 'simulator'
      ? { kind: 'simulator' as const }
      : kind === 'tcp'
        ? { kind: 'tcp' as const, host: a ?? '', port: Number(b) }
        : kind === 'serial'
          ? { kind: 'serial' as const, path: a ?? '', baudRate: Number(b) }
          : null;
  if (link === null) throw new Refused([`Unknown terminal link "${kind}": use simulator, tcp, serial, nexo or none. / نوع اتصال غير معروف.`, ...TERMINAL_USAGE]);
  // Checked against the demo terminal first, so a bad link is refused before the database is opened.
  const probe = TerminalSettings.safeParse({ ...demoMada(), link });
  if (!probe.success) throw invalid(TERMINAL, probe.error.issues);
  return link;
}

/**
 * `nuqta terminal show | set simulator | set tcp HOST PORT | set serial PATH BAUD | set none |
 * set nexo MODE simulator|URL POIID [...]`: where the card terminal is. The till picks it up on its next start.
 */
export function terminalCommand(dataDir: string, args: string[], rawIo: Output, flags: CliFlags = {}): number {
  const io = redacting(rawIo);
  const [action, kind, a, b] = args;
  try {
    if (action === 'show' || action === undefined) {
      const terminal = withSettings(dataDir, (s) => s.get().terminal);
      io.out(JSON.stringify(terminal, null, 2));
      remindSecrets(dataDir, nexoNeeds(terminal), io);
      return EXIT.ok;
    }
    if (action !== 'set' || !kind) throw usage(TERMINAL_USAGE);
    const kitFlags = (['lrc', 'ackNak', 'purchaseTimeout', 'signature'] as const).filter((f) => flags[f] !== undefined);
    if (kitFlags.length > 0 && (kind === 'none' || kind === 'nexo')) {
      throw usage(TERMINAL_USAGE, '--lrc, --ack-nak, --purchase-timeout and --signature are for a mada terminal. / هذه الخيارات لجهاز مدى فقط.');
    }

    if (kind === 'none') {
      withSettings(dataDir, (s) => s.update({ terminal: null }));
      io.out('Terminal set to none. Restart the till to use it. / أعد تشغيل نقطة البيع.');
      return EXIT.ok;
    }
    if (kind === 'nexo') {
      const draft = nexoFromArgs(args.slice(2), flags);
      const next = withSettings(dataDir, (s) => {
        // Keep the purchase timeout the admin (or provisioning) chose; both protocols use the same range.
        const current = s.get().terminal;
        const terminal: NexoSettings = { ...draft, purchaseTimeoutMs: current?.purchaseTimeoutMs ?? draft.purchaseTimeoutMs };
        s.update({ terminal: TerminalSettings.parse(terminal) });
        return terminal;
      });
      io.out(`Terminal set to nexo ${next.mode} ${JSON.stringify(next.link)}, POI ${next.poiId}. Restart the till to use it. / أعد تشغيل نقطة البيع.`);
      remindSecrets(dataDir, nexoNeeds(next), io);
      return EXIT.ok;
    }
    const link = madaFromArgs(kind, a, b, flags);
    const kit = kitFromFlags(flags);
    const saved = withSettings(dataDir, (s) => {
      // A real terminal keeps the kit options the admin chose for the one before it; a first real one (after the
      // simulator, nexo or none) starts from the SkyBand SDK's own options, which is how the device behaves.
      const current = s.get().terminal;
      const keep = current?.protocol === 'mada-ecr' && current.link.kind !== 'simulator' && link.kind !== 'simulator';
      const base = keep ? current : link.kind === 'simulator' ? demoMada() : { ...demoMada(), ...SKYBAND_SDK_KIT };
      const next = TerminalSettings.safeParse({ ...base, link, ...kit });
      if (!next.success) throw invalid(TERMINAL, next.error.issues);
      s.update({ terminal: next.data });
      return next.data;
    });
    io.out(`Terminal set to ${JSON.stringify(saved)}. Restart the till to use it. / أعد تشغيل نقطة البيع.`);
    return EXIT.ok;
  } catch (e) {
    if (e instanceof Refused) {
      for (const line of e.lines) io.err(line);
      return e.code;
    }
    throw e;
  }
}

/** `nuqta stcpay show | set simulator [ids] | set URL CLIENT_CODE BRANCH TELLER DEVICE [--ca FILE] [--pin PIN]... | none`. */
export function stcPayCommand(dataDir: string, args: string[], rawIo: Output, flags: CliFlags = {}): number {
  const io = redacting(rawIo);
  const [action, kind, ...rest] = args;
  try {
    if (action === 'show' || action === undefined) {
      if (kind !== undefined) throw usage(STCPAY_USAGE);
      const stcPay = withSettings(dataDir, (s) => s.get().stcPay);
      io.out(JSON.stringify(stcPay, null, 2));
      remindSecrets(dataDir, stcPayNeeds(stcPay), io);
      return EXIT.ok;
    }
    const none = (action === 'none' && kind === undefined) || (action === 'set' && kind === 'none' && rest.length === 0);
    const hasFlags = flags.ca !== undefined || (flags.pins?.length ?? 0) > 0;
    if (none) {
      if (hasFlags) throw usage(STCPAY_USAGE, '--ca and --pin are for an STC Pay URL. / هذه الخيارات للعنوان فقط.');
      withSettings(dataDir, (s) => s.update({ stcPay: null }));
      io.out('STC Pay turned off. Restart the till to use it. / تم إيقاف STC Pay. أعد تشغيل نقطة البيع.');
      return EXIT.ok;
    }
    if (action !== 'set' || !kind) throw usage(STCPAY_USAGE);

    if (kind === 'simulator') {
      if (hasFlags) throw usage(STCPAY_USAGE, '--ca and --pin are for an STC Pay URL, not the simulator (it has its own CA). / هذه الخيارات للعنوان فقط.');
      if (rest.length !== 0 && rest.length !== 4) throw usage(STCPAY_USAGE, 'set simulator takes no ids or all four: CLIENT_CODE BRANCH TELLER DEVICE. / عدد المعطيات غير صحيح.');
      const ids = rest.length === 4 ? { clientCode: rest[0], branchId: rest[1], tellerId: rest[2], deviceId: rest[3] } : undefined;
      if (ids) {
        const probe = StcPaySettings.safeParse({ link: { kind: 'simulator' }, ...ids });
        if (!probe.success) throw invalid(STCPAY, probe.error.issues);
      }
      const next = withSettings(dataDir, (s) => {
        // Without ids: the current ones (or the demo's), so switching back to the simulator keeps the registration.
        const { link: _link, ...currentIds } = s.get().stcPay ?? DEMO_SETTINGS.stcPay!;
        const stcPay = StcPaySettings.parse({ ...currentIds, ...ids, link: { kind: 'simulator' } });
        s.update({ stcPay });
        return stcPay;
      });
      io.out(`STC Pay set to the simulator (client ${next.clientCode}). Restart the till to use it. / أعد تشغيل نقطة البيع.`);
      return EXIT.ok;
    }

    const [clientCode, branchId, tellerId, deviceId, ...extra] = rest;
    if (deviceId === undefined || extra.length > 0) throw usage(STCPAY_USAGE, 'set URL takes CLIENT_CODE BRANCH TELLER DEVICE. / عدد المعطيات غير صحيح.');
    const baseUrl = providerUrl(kind, 'stcPay.link.baseUrl', STCPAY_USAGE);
    const shape = (ca: string | null) => ({
      link: { kind: 'endpoint', baseUrl, caFile: ca, pins: flags.pins ?? [] },
      clientCode,
      branchId,
      tellerId,
      deviceId,
    });
    const probe = StcPaySettings.safeParse(shape(null));
    if (!probe.success) throw invalid(STCPAY, probe.error.issues);
    const wanted = shape(caFile(flags.ca, 'stcPay.link.caFile'));
    const parsed = StcPaySettings.safeParse(wanted);
    if (!parsed.success) throw invalid(STCPAY, parsed.error.issues);
    const next = withSettings(dataDir, (s) => {
      // Options this command does not set (the Confirm timeout, …) keep their current values.
      const current = s.get().stcPay;
      const stcPay = StcPaySettings.parse(current ? { ...current, ...wanted } : wanted);
      s.update({ stcPay });
      return stcPay;
    });
    io.out(`STC Pay set to ${baseUrl} (client ${next.clientCode}). Restart the till to use it. / أعد تشغيل نقطة البيع.`);
    remindSecrets(dataDir, stcPayNeeds(next), io);
    return EXIT.ok;
  } catch (e) {
    if (e instanceof Refused) {
      for (const line of e.lines) io.err(line);
      return e.code;
    }
    throw e;
  }
}
