// Why the secret store refused, as data: a stable code plus the sentence a person sees in each language. No
// message ever contains a secret value (only names and file paths).
import type { Bilingual } from './types';

export type SecretErrorCode =
  | 'SECRET_NAME_INVALID'
  | 'ENCRYPTION_UNAVAILABLE'
  | 'ENCRYPTION_WEAK'
  | 'KEY_FILE_INSECURE'
  | 'KEY_FILE_FOREIGN_OWNER'
  | 'KEY_FILE_INVALID'
  | 'KEY_FILE_MISSING'
  | 'SECRETS_FILE_INVALID'
  | 'SECRET_UNREADABLE';

const MESSAGES: Record<SecretErrorCode, Bilingual> = {
  SECRET_NAME_INVALID: { en: 'That secret name is not valid.', ar: 'اسم السر غير صالح.' },
  ENCRYPTION_UNAVAILABLE: {
    en: 'The system keychain is not available, so the secret was not saved. Nothing was stored in plain text.',
    ar: 'سلسلة مفاتيح النظام غير متاحة، لذلك لم يُحفظ السر. لم يُخزَّن أي شيء كنص واضح.',
  },
  ENCRYPTION_WEAK: {
    en: 'Only a weak keychain is available on this computer, so the secret was not saved. Install a keyring (e.g. GNOME Keyring or KWallet).',
    ar: 'لا تتوفر على هذا الجهاز إلا سلسلة مفاتيح ضعيفة، لذلك لم يُحفظ السر. ثبّت حلقة مفاتيح (مثل GNOME Keyring أو KWallet).',
  },
  KEY_FILE_INSECURE: {
    en: 'The secrets key file can be read by other users. Restrict it to its owner (chmod 600) and replace the stored secrets.',
    ar: 'ملف مفتاح الأسرار قابل للقراءة من مستخدمين آخرين. اجعله لمالكه فقط (chmod 600) واستبدل الأسرار المخزنة.',
  },
  KEY_FILE_FOREIGN_OWNER: {
    en: 'The secrets key file belongs to another user, so it is not trusted.',
    ar: 'ملف مفتاح الأسرار مملوك لمستخدم آخر، لذلك لا يُوثق به.',
  },
  KEY_FILE_INVALID: { en: 'The secrets key file is damaged.', ar: 'ملف مفتاح الأسرار تالف.' },
  KEY_FILE_MISSING: {
    en: 'Stored secrets exist but their key file is missing: they cannot be opened. Enter the secrets again.',
    ar: 'توجد أسرار مخزنة لكن ملف مفتاحها مفقود: لا يمكن فتحها. أدخل الأسرار مرة أخرى.',
  },
  SECRETS_FILE_INVALID: { en: 'The stored secrets file is damaged.', ar: 'ملف الأسرار المخزنة تالف.' },
  SECRET_UNREADABLE: {
    en: 'A stored secret could not be opened (wrong key or altered file). Enter it again.',
    ar: 'تعذر فتح سر مخزن (مفتاح خاطئ أو ملف معدَّل). أدخله مرة أخرى.',
  },
};

export class SecretStoreError extends Error {
  readonly code: SecretErrorCode;
  readonly reason: Bilingual;
  constructor(code: SecretErrorCode, detail?: string) {
    super(`${code}: ${MESSAGES[code].en}${detail ? ` (${detail})` : ''}`);
    this.name = 'SecretStoreError';
    this.code = code;
    this.reason = MESSAGES[code];
  }
}
