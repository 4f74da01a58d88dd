// `nuqta user add | list | set-pin | deactivate | totp-reset`: the till's users from the admin's shell — how a live till gets
// its first admin. A PIN (and a staff badge) is read from standard input, never from the command line, so it
// sits in no shell history or process list; `list` shows names and roles, never a hash. Every change is
// journaled (main/people) and written under the till's lock (stop the till first).
import fs from 'node:fs';
import { UserRole } from '../../preload/contract';
import { ledgerFile } from '../app';
import { openDatabase } from '../db';
import { isTillError, errorCatalog, TillError } from '../errors';
import { createJournal } from '../ledger';
import { createSignInGuard, createTwoFactor, createUsers, type Users } from '../people';
import { createFileSecretStore } from '../secrets';
import { openSettings } from '../settings';
import { EXIT, type Output } from './io';

export const USER_USAGE = [
  'Usage: printf "PIN\\n[BADGE]\\n" | nuqta user add --name-ar NAME --name-en NAME --role cashier|supervisor|manager|admin|trainee',
  '       nuqta user list',
  '       printf "PIN\\n" | nuqta user set-pin USER_ID',
  '       nuqta user deactivate USER_ID',
  '       nuqta user totp-reset USER_ID',
];

export interface UserFlags {
  nameAr?: string;
  nameEn?: string;
  role?: string;
}

function withUsers(dataDir: string, use: (users: Users) => number): number {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const db = openDatabase(ledgerFile(dataDir));
  try {
    return use(createUsers(db, createJournal(db, openSettings(db).get().tillId)));
  } finally {
    db.close();
  }
}

/** A refusal from main/people, in both languages, with the till-error exit code. */
function refused(e: unknown, io: Output): number {
  if (!isTillError(e)) throw e;
  const text = errorCatalog.text[e.code];
  io.err(`${e.code}: ${text.en} / ${text.ar}`);
  return EXIT.tillError;
}

const PIN_FORMAT = 'The PIN must be 4 to 8 digits, on standard input. / يجب أن يكون الرمز من ٤ إلى ٨ أرقام، من الإدخال القياسي.';

export function userCommand(dataDir: string, args: string[], flags: UserFlags, stdinText: string, io: Output): number {
  const [sub, userId] = args;
  const [pin = '', badge = ''] = stdinText.split(/\r?\n/).map((l) => l.trim());
  switch (sub) {
    case 'add': {
      const role = UserRole.safeParse(flags.role);
      if (!flags.nameAr?.trim() || !flags.nameEn?.trim() || !role.success) {
        io.err(`--name-ar, --name-en and --role (${UserRole.options.join(', ')}) are needed. / الاسم بالعربية والإنجليزية والدور مطلوبة.`);
        io.err(USER_USAGE.join('\n'));
        return EXIT.usage;
      }
      if (!/^\d{4,8}$/.test(pin)) {
        io.err(PIN_FORMAT);
        return EXIT.usage;
      }
      return withUsers(dataDir, (users) => {
        try {
          const user = users.add({ nameAr: flags.nameAr!, nameEn: flags.nameEn!, role: role.data, pin, ...(badge ? { badge } : {}) }, 'cli');
          io.out(`User added: ${user.id} (${user.nameEn}, ${user.role}). / تمت إضافة المستخدم: ${user.nameAr}.`);
          return EXIT.ok;
        } catch (e) {
          return refused(e, io);
        }
      });
    }
    case 'list':
      return withUsers(dataDir, (users) => {
        const all = users.list();
        if (all.length === 0) io.out('No users yet. / لا يوجد مستخدمون بعد.');
        for (const u of all) io.out([u.id, u.role, u.active ? 'active' : 'inactive', u.hasBadge ? 'badge' : '-', u.nameEn, u.nameAr].join('\t'));
        return EXIT.ok;
      });
    case 'set-pin':
    case 'deactivate':
      if (!userId) {
        io.err(USER_USAGE.join('\n'));
        return EXIT.usage;
      }
      if (sub === 'set-pin' && !/^\d{4,8}$/.test(pin)) {
        io.err(PIN_FORMAT);
        return EXIT.usage;
      }
      return withUsers(dataDir, (users) => {
        try {
          if (sub === 'set-pin') {
            users.setPin(userId, pin, 'cli');
            io.out('PIN changed. / تم تغيير الرمز.');
          } else {
            users.deactivate(userId, 'cli');
            io.out('User deactivated. / تم إيقاف المستخدم.');
          }
          return EXIT.ok;
        } catch (e) {
          return refused(e, io);
        }
      });
    case 'totp-reset':
      if (!userId) {
        io.err(USER_USAGE.join('\n'));
        return EXIT.usage;
      }
      return totpReset(dataDir, userId, io);
    default:
      io.err(USER_USAGE.join('\n'));
      return EXIT.usage;
  }
}

/**
 * A lost phone: the user's two-factor enrolment goes (journaled as totp.removed, by cli); they enrol again once
 * signed in. The secret is deleted from the file store; in the Electron app it sits in the safeStorage store, which
 * the CLI cannot open — left there unused until the next enrolment replaces it.
 */
function totpReset(dataDir: string, userId: string, io: Output): number {
  const db = openDatabase(ledgerFile(dataDir));
  try {
    const journal = createJournal(db, openSettings(db).get().tillId);
    if (!createUsers(db, journal).byId(userId)) return refused(new TillError('USER_UNKNOWN'), io);
    const twoFactor = createTwoFactor({ db, journal, secrets: createFileSecretStore({ dataDir }), guard: createSignInGuard(db, journal) });
    if (!twoFactor.remove(userId, 'cli')) {
      io.out('No two-step verification to reset. / لا يوجد تحقق بخطوتين لإعادة ضبطه.');
      return EXIT.ok;
    }
    io.out('Two-step verification reset: the user enrols again. / أُعيد ضبط التحقق بخطوتين: يسجل المستخدم من جديد.');
    return EXIT.ok;
  } finally {
    db.close();
  }
}
