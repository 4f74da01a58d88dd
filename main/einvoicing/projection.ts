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
  /** ZATCA's answer to a standard document's clearance (clearance/*). */
  clearance: 'einvoice.clearance',
  /** A standard document the cashier replaced with a simplified invoice for the same sale. */
  replaced: 'einvoice.replaced',
  /** A replaced document ZATCA cleared after all, cancelled by a credit note. */
  cancelled: 'einvoice.cancelled',
  /** A simplified document ZATCA rejected, answered by a credit note and a new invoice. */
  reissued: 'einvoice.reissued',
} as const;

export function einvoicingProjection(db: Db): Projection {
  const q = {
    unit: db.prepare<[string], Record<string, unknown>>('SELECT * FROM einvoice_units WHERE egs_id = ?'),
    document: db.prepare<[string, number], Record<string, unknown>>(
      'SELECT egs_id, icv, uuid, kind, profile, number, sale_id, issue_date, issue_time, pih, hash, qr, xml_sha256, issued_seq, xml FROM einvoice_documents WHERE egs_id = ? AND icv = ?',
    ),
    report: db.prepare<[string, number], Record<string, unknown>>('SELECT * FROM einvoice_reports WHERE egs_id = ? AND icv = ?'),
    clearance: db.prepare<[string, number], Record<string, unknown>>('SELECT * FROM einvoice_clearances WHERE egs_id = ? AND icv = ?'),
  };
  /** Standard documents' clearance rows as their entries leave them (few: compared once, at the end). */
  const clearances = new Map<string, { row: Record<string, unknown>; clearedSha256: string | null }>();
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
    } else {
      clearances.set(key, {
        row: { egs_id: egsId, icv, state: 'waiting', settled: 0, cleared_qr: null, replaced_by_icv: null, cancelled_by_icv: null, created_seq: e.seq, updated_seq: e.seq },
        clearedSha256: null,
      });
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
            // Units onboarded before their document types were journaled were all simplified-only.
            invoice_types: p.invoiceTypes ?? '0100',
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
        case ENTRY.reissued: {
          const icv = field.num(p, 'icv');
          // Answered once, for good: the row names the new invoice from this entry on.
          return compareRow('einvoice_reports', `${egsId}#${icv}`, { state: 'rejected', reissued_icv: p.invoiceIcv ?? null }, q.report.get(egsId, icv), e.seq);
        }
        case ENTRY.clearance:
        case ENTRY.replaced:
        case ENTRY.cancelled: {
          const key = `${egsId}#${field.num(p, 'icv')}`;
          const c = clearances.get(key);
          if (!c) return { table: 'einvoice_clearances', key, what: `${e.type} for a document that is not a standard one`, seq: e.seq };
          c.row.updated_seq = e.seq;
          if (e.type === ENTRY.replaced) Object.assign(c.row, { state: 'replaced', replaced_by_icv: p.byIcv ?? null });
          else if (e.type === ENTRY.cancelled) c.row.cancelled_by_icv = p.byIcv ?? null;
          else {
            if (c.row.settled === 1) return { table: 'einvoice_clearances', key, what: 'a second answer to a settled clearance', seq: e.seq };
            Object.assign(c.row, { settled: 1, cleared_qr: p.clearedQr ?? null, state: c.row.state === 'replaced' ? 'replaced' : (p.outcome ?? null) });
            c.clearedSha256 = typeof p.clearedSha256 === 'string' ? p.clearedSha256 : null;
            // Clearance switched off (303): the document joined the reporting queue in the same transaction.
            if (p.outcome === 'reported') made.reports += 1;
          }
          return undefined;
        }
        default:
          return undefined;
      }
    },
    finish() {
      for (const [key, c] of clearances) {
        const [egsId, icv] = [key.slice(0, key.lastIndexOf('#')), Number(key.slice(key.lastIndexOf('#') + 1))];
        const row = q.clearance.get(egsId, icv);
        const m = compareRow('einvoice_clearances', key, c.row, row);
        if (m) return m;
        const xml = row!.cleared_xml;
        if ((xml ? sha256Hex(xml as Buffer) : null) !== c.clearedSha256) return { table: 'einvoice_clearances', key, what: "ZATCA's cleared copy is not the one recorded" };
      }
      const clearanceRows = countRows(db, 'einvoice_clearances', clearances.size);
      if (clearanceRows) return clearanceRows;
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
