// One line of what a privileged entry did, from its payload, and who it names. Plain text for a list and a CSV
// (the views translate the action; the detail is the entry's own words: receipt numbers, reasons, amounts in SAR).
import { formatHalalas } from '../printing';

export interface Described {
  /** Who the entry itself names; null: the reader asks who was signed in. */
  userId: string | null;
  detail: string;
  before: string | null;
  after: string | null;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : null);
const money = (v: unknown): string | null => (typeof v === 'number' && Number.isSafeInteger(v) ? `${formatHalalas(v)} SAR` : null);
const text = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v ?? null));

/** `label value` pairs of the fields present, in this order. */
function pairs(p: Record<string, unknown>, fields: ReadonlyArray<[string, string, 'text' | 'money']>): string {
  return fields
    .map(([key, label, kind]) => {
      const value = kind === 'money' ? money(p[key]) : str(p[key]);
      return value === null ? null : `${label} ${value}`;
    })
    .filter((x): x is string => x !== null)
    .join(' · ');
}

export function describeEntry(type: string, p: Record<string, unknown>): Described {
  // Who the entry names, else who was signed in for the call that wrote it (`actor`, hashed with the entry).
  const named = str(p.userId) ?? str(p.by) ?? subjectUser(p.subject) ?? str(p.actor);
  const plain = (detail: string): Described => ({ userId: named, detail, before: null, after: null });
  switch (type) {
    case 'settings.changed':
    case 'settings.provisioned': {
      const changes = Array.isArray(p.changes) ? (p.changes as Array<{ key?: unknown; before?: unknown; after?: unknown }>) : [];
      const keys = changes.map((c) => String(c.key)).join(', ');
      return {
        userId: named,
        detail: [str(p.source) ?? (type === 'settings.provisioned' ? 'provisioning' : null), keys].filter(Boolean).join(': '),
        before: changes.length ? changes.map((c) => `${String(c.key)}=${text(c.before)}`).join('; ') : null,
        after: changes.length ? changes.map((c) => `${String(c.key)}=${text(c.after)}`).join('; ') : null,
      };
    }
    case 'return.issued': {
      const totals = (p.totals ?? {}) as Record<string, unknown>;
      return plain(
        [pairs(p, [['returnNo', 'return', 'text'], ['receiptNo', 'receipt', 'text'], ['reason', 'reason', 'text']]), money(totals.totalHalalas)].filter(Boolean).join(' · '),
      );
    }
    case 'line.discount_set':
    case 'sale.discount_set':
    case 'line.price_set': {
      // Who approved a discount past the user's limit is named in it; the user is who was signed in.
      const d = (type === 'line.price_set' ? p.override : p.discount) as { rule?: { kind?: string; percent?: number; halalas?: number }; reason?: string; approval?: { by?: string } } | null;
      const rule = d?.rule ? (d.rule.kind === 'percent' ? `${d.rule.percent}%` : money(d.rule.halalas)) : null;
      const what =
        type === 'line.price_set'
          ? [`price ${money(p.from) ?? '?'} → ${money(p.to) ?? '?'}`, d?.reason ?? null]
          : [d ? `discount ${rule ?? ''}`.trim() : 'discount removed', d?.reason ?? null];
      return { userId: null, detail: [...what, d?.approval?.by ? `approved by ${d.approval.by}` : null].filter(Boolean).join(' · '), before: null, after: null };
    }
    case 'closing.reconciled':
      return plain(p.matched ? 'the ledger agrees with the terminal' : `the ledger and the terminal differ: ${(Array.isArray(p.differences) ? p.differences.length : 0)} transaction(s) listed`);
    case 'closing.z':
      return plain(pairs(p, [['number', 'Z', 'text'], ['afterSeq', 'after entry', 'text'], ['uptoSeq', 'up to entry', 'text'], ['acknowledgedBy', 'acknowledged by', 'text']]));
    default:
      return plain(
        pairs(p, [
          ['action', 'approved', 'text'],
          ['receiptNo', 'receipt', 'text'],
          ['returnNo', 'return', 'text'],
          ['voucherNo', 'voucher', 'text'],
          ['balanceHalalas', 'balance', 'money'],
          ['reference', 'payment', 'text'],
          ['outcome', 'outcome', 'text'],
          ['productId', 'product', 'text'],
          ['quantity', 'quantity', 'text'],
          ['lineCount', 'lines', 'text'],
          ['totalHalalas', 'total', 'money'],
          ['lineTotalHalalas', 'total', 'money'],
          ['amountHalalas', 'amount', 'money'],
          ['reason', 'reason', 'text'],
          ['note', 'note', 'text'],
          ['how', 'by', 'text'],
          ['failures', 'failures', 'text'],
          ['lockedUntil', 'locked until', 'text'],
        ]),
      );
  }
}

/** A sign-in guard's subject names a user as `user:<id>`; the till's shared PIN pad names none. */
function subjectUser(subject: unknown): string | null {
  return typeof subject === 'string' && subject.startsWith('user:') ? subject.slice(5) : null;
}
