// The e-invoicing tables as the journal makes them, for `ledger verify`. Each issued document is final the
// moment it is issued, so it is compared at its entry and forgotten: a year of invoices is checked without
// holding them. Besides the rows, the chain itself is checked from the entries — each unit's ICVs run 1, 2, 3…
// and each PIH is the previous document's hash (ZATCA's seed for the first) — and the stored XML must still
// be the bytes whose digest the entry recorded.
import type { Db } from '../db';
import { SEED_PIH } from '../fiscal/einvoice';
import { compareRow, countRows, field, type Mismatch, type Projection, type ReplayEntry } from '../ledger';
import { sha256Hex } from './documents';

export const ENTRY = {
  unitCreated: 'einvoice.unit_created',
  unitActivated: 'einvoice.unit_activated',
  unitRenewed: 'einvoice.unit_renewed',
  issued: 'einvoice.issued',
  reported: 'einvoice.reported',
} as const;

export function einvoicingProjection(db: Db): Projection {
  const q = {
    unit: db.prepare<[string], Record<string, unknown>>('SELECT * FROM einvoice_units WHERE egs_id = ?'),
    document: db.prepare<[string, number], Record<string, unknown>>(
      'SELECT egs_id, icv, uuid, kind, profile, number, sale_id, issue_date, issue_time, pih, hash, qr, xml_sha256, issued_seq, xml FROM einvoice_documents WHERE egs_id = ? AND icv = ?',
    ),
    report: db.prepare<[string, number], Record<string, unknown>>('SELECT * FROM einvoice_reports WHERE egs_id = ? AND icv = ?'),
  };
  const units = new Map<string, Record<string, unknown>>();
  const tips = new Map<string, { icv: number; hash: string }>();
  const made = { documents: 0, reports: 0, outcomes: 0 };

  const checkDocument = (e: ReplayEntry): Mismatch | undefined => {
    const p = e.payload;
    const egsId = field.str(p, 'egsId');
    const icv = field.num(p, 'icv');
    const key = `${egsId}#${icv}`;
    made.documents += 1;
    const tip = tips.get(egsId);
    const expectedIcv = (tip?.icv ?? 0) + 1;
    if (icv !== expectedIcv) return { table: 'einvoice_documents', key, what: `ICV ${icv} follows ${expectedIcv - 1}: the chain has a gap or a fork`, seq: e.seq };
    const expectedPih = tip?.hash ?? SEED_PIH;
    if (field.str(p, 'pih') !== expectedPih) return { table: 'einvoice_documents', key, what: "its PIH is not the previous document's hash", seq: e.seq };
    tips.set(egsId, { icv, hash: field.str(p, 'hash') });

    const row = q.document.get(egsId, icv);
    const expected = {
      egs_id: egsId,
      icv,
      uuid: p.uuid ?? null,
      kind: p.kind ?? null,
      profile: p.profile ?? null,
      number: p.number ?? null,
      sale_id: p.saleId ?? null,
      issue_date: p.issueDate ?? null,
      issue_time: p.issueTime ?? null,
      pih: p.pih ?? null,
      hash: p.hash ?? null,
      qr: p.qr ?? null,
      xml_sha256: p.xmlSha256 ?? null,
      issued_seq: e.seq,
    };
    const found = compareRow('einvoice_documents', key, expected, row, e.seq);
    if (found) return found;
    if (sha256Hex(row!.xml as Buffer) !== p.xmlSha256) return { table: 'einvoice_documents', key, what: 'the stored XML is not the document that was signed', seq: e.seq };
    if (p.profile === 'simplified') {
      made.reports += 1;
      if (!q.report.get(egsId, icv)) return { table: 'einvoice_reports', key, what: 'a simplified document missing from the reporting queue', seq: e.seq };
    }
    return undefined;
  };

  return {
    name: 'e-invoices',
    legacy() {
      // E-invoicing came after the journal format marker: no legacy entry made its rows.
    },
    apply(e) {
      const p = e.payload;
      const egsId = field.str(p, 'egsId');
      switch (e.type) {
        case ENTRY.unitCreated:
          units.set(egsId, {
            egs_id: egsId,
            environment: p.environment ?? null,
            common_name: p.commonName ?? null,
            serial: p.serial ?? null,
            certificate: null,
            not_after: null,
            state: 'onboarding',
            created_seq: e.seq,
            updated_seq: e.seq,
          });
          return undefined;
        case ENTRY.unitActivated:
        case ENTRY.unitRenewed: {
          const unit = units.get(egsId);
          if (!unit) return { table: 'einvoice_units', key: egsId, what: `${e.type} for a unit the journal never created`, seq: e.seq };
          if (e.type === ENTRY.unitActivated) {
            for (const other of units.values()) {
              if (other.state === 'active') {
                other.state = 'retired';
                other.updated_seq = e.seq;
              }
            }
            unit.state = 'active';
          }
          unit.certificate = p.certificate ?? null;
          unit.not_after = p.notAfter ?? null;
          unit.updated_seq = e.seq;
          return undefined;
        }
        case ENTRY.issued:
          return checkDocument(e);
        case ENTRY.reported: {
          made.outcomes += 1;
          const icv = field.num(p, 'icv');
          // An outcome is final: the row says so from this entry on.
          return compareRow('einvoice_reports', `${egsId}#${icv}`, { state: p.outcome ?? null }, q.report.get(egsId, icv), e.seq);
        }
        default:
          return undefined;
      }
    },
    finish() {
      for (const [egsId, unit] of units) {
        const m = compareRow('einvoice_units', egsId, unit, q.unit.get(egsId));
        if (m) return m;
      }
      return (
        countRows(db, 'einvoice_units', units.size) ??
        countRows(db, 'einvoice_documents', made.documents) ??
        countRows(db, 'einvoice_reports', made.reports) ??
        countRows(db, 'einvoice_reports', made.outcomes, "state <> 'waiting'")
      );
    },
  };
}
