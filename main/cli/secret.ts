// `nuqta secret set NAME | list | delete NAME`: provider credentials in the data folder's file store
// (createFileSecretStore: AES-256-GCM, key file 0600). Values come from standard input or --file, never from
// the command line (shell history, `ps`), and are never printed: every line goes through redact().
//
// The file store is what the CLI and the browser host read. The Electron app keeps its own store
// (secrets.safe-storage.json, sealed with the system keychain through safeStorage), which the CLI cannot
// write; at its next start the app takes the file store's secrets over into it (main/secrets/adopt.ts).
// Every command here says so.
import fs from 'node:fs';
import path from 'node:path';
import tls from 'node:tls';
import {
  createFileSecretStore,
  createSafeStorageSecretStore,
  SAFE_STORAGE_FILE_NAME,
  SECRET_NAME,
  SECRETS_FILE_NAME,
  SecretStoreError,
  redact,
  type SecretStore,
} from '../secrets';
import { EXIT, redacting, type CliFlags, type Output } from './io';

/** The names the till reads, and what each holds. Other names that match SECRET_NAME are stored with a warning. */
export const KNOWN_SECRETS: Record<string, { binary: boolean; what: string }> = {
  'nexo.apiKey': { binary: false, what: 'nexo cloud API key' },
  'nexo.passphrase': { binary: false, what: 'nexo local-mode key passphrase' },
  'stcpay.clientCert': { binary: true, what: 'STC Pay client certificate (PKCS#12 file)' },
  'stcpay.passphrase': { binary: false, what: 'STC Pay client certificate passphrase' },
};

export const SECRET_USAGE = [
  'Usage: printf %s "$VALUE" | nuqta secret set NAME',
  '       nuqta secret set stcpay.clientCert --file P12FILE',
  '       nuqta secret list | delete NAME',
  `Names: ${Object.keys(KNOWN_SECRETS).join(', ')}`,
];

const validName = (name: string | undefined): name is string => typeof name === 'string' && name.length <= 100 && SECRET_NAME.test(name);

/** The bilingual note on which app reads the secrets the CLI writes. */
export function storeNote(dataDir: string): string[] {
  const lines = [
    `Note: the CLI keeps secrets in ${path.join(dataDir, SECRETS_FILE_NAME)}, which the browser host (npm run host) reads.` +
      ` The Electron app does not read that file: at its next start it moves them into its own store (${SAFE_STORAGE_FILE_NAME}, sealed with the system keychain) and removes them from the file.`,
    `ملاحظة: تحفظ هذه الأداة الأسرار في ${SECRETS_FILE_NAME} ويقرؤها خادم المتصفح. تطبيق Electron لا يقرأ هذا الملف: عند تشغيله التالي ينقلها إلى ملفه الخاص (${SAFE_STORAGE_FILE_NAME}) المختوم بسلسلة مفاتيح النظام ويحذفها من الملف.`,
  ];
  const electronNames = safeStorageNames(dataDir);
  if (electronNames !== undefined) {
    lines.push(
      `This data folder also has the Electron app's ${SAFE_STORAGE_FILE_NAME}, holding: ${electronNames.length ? electronNames.join(', ') : '(nothing)'}.` +
        ` / يحتوي مجلد البيانات أيضاً على ملف أسرار تطبيق Electron.`,
    );
  }
  return lines;
}

/** Names in the Electron app's store, read without opening any value (undefined when there is no such file). */
function safeStorageNames(dataDir: string): string[] | undefined {
  if (!fs.existsSync(path.join(dataDir, SAFE_STORAGE_FILE_NAME))) return undefined;
  const sealedOnly = () => {
    throw new Error('the CLI cannot use the Electron keychain');
  };
  try {
    // names() reads only the file's keys: the keychain (which the CLI does not have) is never asked.
    return createSafeStorageSecretStore({
      dataDir,
      safeStorage: { isEncryptionAvailable: () => false, encryptString: sealedOnly, decryptString: sealedOnly },
    }).names();
  } catch {
    return ['(unreadable)'];
  }
}

/**
 * Which of `names` the CLI's store lacks (names only; no value is opened), or undefined when the store cannot
 * be read. For the reminders after `terminal set nexo` and `stcpay set`.
 */
export function missingSecrets(dataDir: string, names: string[]): string[] | undefined {
  try {
    const stored = new Set(createFileSecretStore({ dataDir }).names());
    return names.filter((n) => !stored.has(n));
  } catch {
    return undefined;
  }
}

/** Tells the admin which secrets the configured provider still needs (stderr; nothing when all are there). */
export function remindSecrets(dataDir: string, needed: string[], io: Output): void {
  if (needed.length === 0) return;
  const missing = missingSecrets(dataDir, needed);
  if (missing === undefined) {
    io.err(`Could not read the secret store in ${dataDir} to check for ${needed.join(', ')}. / تعذرت قراءة مخزن الأسرار.`);
    return;
  }
  if (missing.length === 0) return;
  io.err(`Still needed in the secret store, for the browser host: ${missing.join(', ')} (nuqta secret set NAME). / أسرار مطلوبة لم تُحفظ بعد.`);
  for (const line of storeNote(dataDir)) io.err(line);
}

function storeError(e: SecretStoreError, io: Output): number {
  io.err(`${e.reason.en} (${e.code})`);
  io.err(e.reason.ar);
  return e.code === 'SECRET_NAME_INVALID' ? EXIT.usage : EXIT.tillError;
}

function badName(io: Output): number {
  io.err('That is not a secret name: use area.thing, e.g. nexo.apiKey or stcpay.passphrase. / اسم السر غير صالح.');
  for (const line of SECRET_USAGE) io.err(line);
  return EXIT.usage;
}

/**
 * Text secrets (API keys, passphrases) as the till will use them: UTF-8, the trailing line break of `echo`
 * or a file removed, no control characters. Returns the refusal, or the bytes to store.
 */
function textValue(name: string, raw: Buffer): { refusal: string } | { bytes: Buffer } {
  const text = raw.toString('utf8');
  if (!Buffer.from(text, 'utf8').equals(raw)) return { refusal: `The value for ${name} is not UTF-8 text. / القيمة ليست نصاً صالحاً.` };
  const value = text.replace(/[\r\n]+$/, '');
  if (value.length === 0) return { refusal: `No value given for ${name}; pipe it in on standard input. / لم تُعطَ قيمة للسر.` };
  // Controls (a pasted line break, a tab, an escape sequence) are never part of a real key or passphrase.
  if (/[\u0000-\u001f\u007f]/.test(value)) return { refusal: `The value for ${name} contains line breaks or control characters. / القيمة تحتوي على أحرف تحكم.` };
  if (value.length > 4096) return { refusal: `The value for ${name} is longer than 4096 characters. / القيمة أطول من المسموح.` };
  if (name === 'nexo.passphrase' && /[^\u0000-\u00ff]/.test(value)) {
    return { refusal: 'nexo.passphrase must be Latin-1 text (the terminal derives its key from those bytes). / يجب أن تكون عبارة المرور بأحرف لاتينية.' };
  }
  return { bytes: Buffer.from(value, 'utf8') };
}

/** Whether `passphrase` opens the PKCS#12 `pfx` the way the till will (tls.createSecureContext): undefined if so, else why not. */
function pkcs12Problem(pfx: Uint8Array, passphrase: Uint8Array): string | undefined {
  try {
    tls.createSecureContext({ pfx: Buffer.from(pfx), passphrase: Buffer.from(passphrase).toString('utf8') });
    return undefined;
  } catch (e) {
    return redact(e instanceof Error ? e.message : String(e), [passphrase]);
  }
}

/** Checks the stored certificate against the stored passphrase once both exist; a warning, not a refusal (see below). */
function crossCheck(store: SecretStore, io: Output): void {
  let pfx: Uint8Array | undefined;
  let passphrase: Uint8Array | undefined;
  try {
    pfx = store.get('stcpay.clientCert');
    passphrase = store.get('stcpay.passphrase');
  } catch {
    return;
  }
  if (!pfx || !passphrase) return;
  const problem = pkcs12Problem(pfx, passphrase);
  // Not refused: replacing both means one is briefly stored with the other's old partner.
  if (problem) {
    io.err(`Warning: stcpay.passphrase does not open stcpay.clientCert (${problem}). STC Pay will not start until both match.`);
    io.err('تحذير: عبارة المرور لا تفتح شهادة STC Pay. لن تعمل STC Pay حتى تتطابقا.');
  } else {
    io.out('stcpay.passphrase opens stcpay.clientCert. / عبارة المرور تفتح الشهادة.');
  }
}

/**
 * `nuqta secret set NAME | list | delete NAME`. `input` is standard input (null when it is a terminal: the value
 * must be piped in, so it is neither echoed nor kept in the shell history).
 */
export function secretCommand(dataDir: string, args: string[], input: Buffer | null, flags: CliFlags, rawIo: Output): number {
  const io = redacting(rawIo);
  const [action, name, ...rest] = args;
  if (action !== 'list' && action !== 'set' && action !== 'delete') {
    for (const line of SECRET_USAGE) io.err(line);
    return EXIT.usage;
  }
  if (flags.file !== undefined && action !== 'set') {
    io.err('--file applies only to nuqta secret set. / الخيار --file لأمر الحفظ فقط.');
    return EXIT.usage;
  }
  const store = createFileSecretStore({ dataDir });
  try {
    if (action === 'list') {
      if (name !== undefined) {
        io.err('Usage: nuqta secret list');
        return EXIT.usage;
      }
      const names = store.names();
      for (const n of names) io.out(n);
      if (names.length === 0) io.err(`No secrets stored in ${path.join(dataDir, SECRETS_FILE_NAME)}. / لا توجد أسرار محفوظة.`);
      for (const line of storeNote(dataDir)) io.err(line);
      return EXIT.ok;
    }
    if (!validName(name)) return badName(io);
    if (rest.length > 0) {
      // Most likely the value itself typed as an argument: do not echo it back.
      io.err(
        action === 'set'
          ? 'Give the value on standard input or with --file, not on the command line (it would stay in the shell history). / أدخل القيمة عبر الإدخال القياسي لا في سطر الأوامر.'
          : 'Usage: nuqta secret delete NAME',
      );
      for (const line of SECRET_USAGE) io.err(line);
      return EXIT.usage;
    }
    if (action === 'delete') {
      if (!store.delete(name)) {
        io.err(`Nothing is stored under ${name}. / لا يوجد سر بهذا الاسم.`);
        return EXIT.failure;
      }
      io.out(`Secret ${name} deleted. Restart the till to stop using it. / تم حذف السر.`);
      for (const line of storeNote(dataDir)) io.err(line);
      return EXIT.ok;
    }

    // set
    const known = KNOWN_SECRETS[name];
    let raw: Buffer;
    if (flags.file !== undefined) {
      const file = path.resolve(flags.file);
      try {
        raw = fs.readFileSync(file);
      } catch (e) {
        io.err(`Cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? 'error'}). Nothing saved. / تعذرت قراءة الملف. لم يُحفظ شيء.`);
        return EXIT.usage;
      }
      if (raw.length === 0) {
        io.err(`${file} is empty. Nothing saved. / الملف فارغ. لم يُحفظ شيء.`);
        return EXIT.usage;
      }
    } else {
      if (known?.binary) {
        io.err(`${name} is a file: use nuqta secret set ${name} --file P12FILE. / استخدم --file لملف الشهادة.`);
        return EXIT.usage;
      }
      if (input === null) {
        io.err(`Pipe the value in, e.g. read -rs V && printf %s "$V" | nuqta secret set ${name}. Nothing saved. / أدخل القيمة عبر الإدخال القياسي.`);
        return EXIT.usage;
      }
      raw = input;
    }

    let bytes: Buffer;
    if (known?.binary) {
      if (raw.subarray(0, 10).toString('latin1') === '-----BEGIN') {
        io.err(`${name} must be the PKCS#12 (.p12/.pfx) file, not PEM; convert with openssl pkcs12 -export. Nothing saved. / يجب أن تكون الشهادة بصيغة PKCS#12.`);
        return EXIT.usage;
      }
      // PKCS#12 is DER: a SEQUENCE. (Whether it opens is checked against the passphrase once both are stored.)
      if (raw[0] !== 0x30 || raw.length > 1_000_000) {
        io.err(`${name} does not look like a PKCS#12 (.p12/.pfx) file. Nothing saved. / الملف ليس شهادة PKCS#12.`);
        return EXIT.usage;
      }
      bytes = raw;
    } else {
      const checked = textValue(name, raw);
      if ('refusal' in checked) {
        io.err(`${checked.refusal} Nothing saved.`);
        return EXIT.usage;
      }
      bytes = checked.bytes;
    }

    if (!known) {
      io.err(`Warning: the till does not read a secret called ${name} (it reads ${Object.keys(KNOWN_SECRETS).join(', ')}). / تحذير: اسم سر غير معروف.`);
    }
    store.put(name, bytes);
    io.out(`Secret ${name} saved in ${path.join(dataDir, SECRETS_FILE_NAME)}. Restart the till to use it. / تم حفظ السر. أعد تشغيل نقطة البيع.`);
    if (name === 'stcpay.clientCert' || name === 'stcpay.passphrase') crossCheck(store, io);
    for (const line of storeNote(dataDir)) io.err(line);
    return EXIT.ok;
  } catch (e) {
    if (e instanceof SecretStoreError) return storeError(e, io);
    throw e;
  }
}
