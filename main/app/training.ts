// Training mode's ledger (docs/training.md): a till of its own in <dataDir>/training/ — its own till.db, journal,
// numbering, secrets and signing key — made from the live till's settings with every outside link forced onto
// the built-in simulators, and the live till's staff (their two-factor enrolments too) and catalog copied in at
// each switch. Nothing here writes
// the live ledger but the two journal entries training.started / training.ended (./training-switch.ts).
import path from 'node:path';
import type { Db } from '../db';
import type { Journal } from '../ledger';
import { adoptTotpEnrolments, readTotpEnrolments, type TotpEnrolmentCopy } from '../people';
import type { SecretStore } from '../secrets';
import type { TillSettings } from '../settings';
import { TRAINING_PREFIX } from '../printing';

export const TRAINING_FOLDER = 'training';
export const trainingDirOf = (dataDir: string): string => path.join(dataDir, TRAINING_FOLDER);

/** Who ended a training session and how, journaled by the live till as it opens (training.ended). */
export interface TrainingEnd {
  by: string;
  reason: 'left' | 'failed' | 'restart';
}

/** What a training till takes over from the live one each time training starts. */
export interface TrainingSeed {
  settings: TillSettings;
  users: Array<Record<string, unknown>>;
  /** The staff's two-factor enrolments with their secrets: in memory only, from one secret store to the other. */
  totp: TotpEnrolmentCopy[];
  categories: Array<Record<string, unknown>>;
  products: Array<Record<string, unknown>>;
}

/**
 * The live settings for training: the till id TR-<live id> (so every receipt, invoice and credit note number is
 * TR-…), the terminal, STC Pay and e-invoicing on their simulators (a till that takes no cards keeps none), no
 * backups (training paper is not the shop's records) and no update checks. The printer stays: training prints on
 * the real printer, watermarked.
 */
export function trainingSettings(live: TillSettings): TillSettings {
  return {
    ...live,
    tillId: `${TRAINING_PREFIX}${live.tillId}`.slice(0, 16),
    terminal: simulatedTerminal(live.terminal),
    stcPay: live.stcPay ? { ...live.stcPay, link: { kind: 'simulator' } } : null,
    // A till without e-invoicing set up still reports nothing anywhere real: the simulator takes its invoices.
    einvoicing: live.einvoicing ? { ...live.einvoicing, platform: { kind: 'simulator' } } : null,
    backups: { ...live.backups, folder: null, dailyAt: null, atClosing: false },
    updates: { ...live.updates, policy: 'off', feedUrl: null },
  };
}

function simulatedTerminal(terminal: TillSettings['terminal']): TillSettings['terminal'] {
  if (!terminal) return null;
  // The mada simulator signs its answers with its own recipe; a live kit's would not verify against it.
  if (terminal.protocol === 'mada-ecr') return { ...terminal, link: { kind: 'simulator' }, signature: 'simulator-sha256' };
  return { ...terminal, link: { kind: 'simulator' } };
}

/** Read from the live ledger while it is still open. */
export function readTrainingSeed(db: Db, settings: TillSettings, secrets: SecretStore): TrainingSeed {
  return {
    settings: trainingSettings(settings),
    users: db.prepare('SELECT id, name_ar, name_en, role, pin_salt, pin_hash, badge_salt, badge_hash, active FROM users').all() as Array<Record<string, unknown>>,
    totp: readTotpEnrolments(db, secrets),
    categories: db.prepare('SELECT * FROM categories').all() as Array<Record<string, unknown>>,
    products: db.prepare('SELECT * FROM products').all() as Array<Record<string, unknown>>,
  };
}

/**
 * Brings the training ledger's staff and catalog up to the live till's. Users go through the journal as the
 * people domain writes them (user.added / user.pin_set / user.deactivated carrying the new state), so the
 * training ledger's `ledger verify` replays them; their two-factor enrolments likewise (main/people/totp-copy.ts),
 * the secrets into the training till's own secret store (`secrets`). The catalog is a plain table (no journal, nothing refers to a
 * product's row): it is replaced whole, so a product the live till dropped or re-barcoded is the same here.
 */
export function adoptTrainingSeed(db: Db, journal: Journal, seed: TrainingSeed, secrets: SecretStore): void {
  const byId = db.prepare<[string], Record<string, unknown>>('SELECT * FROM users WHERE id = ?');
  const insertUser = db.prepare(
    `INSERT INTO users (id, name_ar, name_en, role, pin_salt, pin_hash, badge_salt, badge_hash, active, created_seq, updated_seq)
     VALUES (@id, @name_ar, @name_en, @role, @pin_salt, @pin_hash, @badge_salt, @badge_hash, 1, @seq, @seq)`,
  );
  db.transaction(() => {
    for (const u of seed.users) {
      const id = String(u.id);
      let mine = byId.get(id);
      if (!mine && u.active === 1) {
        const entry = journal.append('user.added', {
          userId: id,
          nameAr: u.name_ar,
          nameEn: u.name_en,
          role: u.role,
          pinSalt: u.pin_salt,
          pinHash: u.pin_hash,
          badgeSalt: u.badge_salt,
          badgeHash: u.badge_hash,
          by: 'training',
        });
        insertUser.run({ ...u, seq: entry.seq });
        mine = byId.get(id);
      }
      if (!mine || mine.active !== 1) continue;
      if (mine.pin_hash !== u.pin_hash) {
        const entry = journal.append('user.pin_set', { userId: id, pinSalt: u.pin_salt, pinHash: u.pin_hash, by: 'training' });
        db.prepare('UPDATE users SET pin_salt = ?, pin_hash = ?, updated_seq = ? WHERE id = ?').run(u.pin_salt, u.pin_hash, entry.seq, id);
      }
      if (u.active !== 1) {
        const entry = journal.append('user.deactivated', { userId: id, by: 'training' });
        db.prepare('UPDATE users SET active = 0, updated_seq = ? WHERE id = ?').run(entry.seq, id);
      }
    }
    db.prepare('DELETE FROM products').run();
    db.prepare('DELETE FROM categories').run();
    insertRows(db, 'categories', seed.categories);
    insertRows(db, 'products', seed.products);
  }).immediate();
  adoptTotpEnrolments(db, journal, secrets, seed.totp);
}

function insertRows(db: Db, table: 'categories' | 'products', rows: Array<Record<string, unknown>>): void {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const statement = db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`);
  for (const row of rows) statement.run(row);
}
