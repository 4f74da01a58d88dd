// Issued documents: insert-only (the table's triggers refuse an edit or a removal), read back as stored. The
// chain's tip — the unit's last ICV and that document's hash, the next one's PIH — is read from here inside the
// issuing transaction, so two documents can never take the same counter and a rolled-back sale takes none.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { tableRow, type Db, type RowOf } from '../db';

export const DocumentKind = z.enum(['invoice', 'credit_note', 'debit_note']);
export type DocumentKind = z.infer<typeof DocumentKind>;

const documentRow = tableRow(
  'einvoice_documents',
  z.object({
    egs_id: z.string(),
    icv: z.number().int().positive(),
    uuid: z.string(),
    kind: DocumentKind,
    profile: z.enum(['simplified', 'standard']),
    number: z.string(),
    sale_id: z.string().nullable(),
    issue_date: z.string(),
    issue_time: z.string(),
    pih: z.string(),
    hash: z.string(),
    qr: z.string(),
    issued_seq: z.number().int(),
  }),
);
export type DocumentRow = RowOf<typeof documentRow>;

export interface NewDocument {
  egsId: string;
  icv: number;
  uuid: string;
  kind: DocumentKind;
  profile: 'simplified' | 'standard';
  number: string;
  saleId: string | null;
  issueDate: string;
  issueTime: string;
  pih: string;
  hash: string;
  qr: string;
  /** The exact UTF-8 bytes that were hashed and signed. */
  xml: Buffer;
}

export const sha256Hex = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

export function createDocumentStore(db: Db) {
  const q = {
    tip: db.prepare<[string], { icv: number; hash: string }>('SELECT icv, hash FROM einvoice_documents WHERE egs_id = ? ORDER BY icv DESC LIMIT 1'),
    insert: db.prepare(
      `INSERT INTO einvoice_documents (egs_id, icv, uuid, kind, profile, number, sale_id, issue_date, issue_time, pih, hash, qr, xml, xml_sha256, issued_seq)
       VALUES (@egsId, @icv, @uuid, @kind, @profile, @number, @saleId, @issueDate, @issueTime, @pih, @hash, @qr, @xml, @xmlSha256, @seq)`,
    ),
    queue: db.prepare(
      `INSERT INTO einvoice_reports (egs_id, icv, state, created_seq, updated_seq) VALUES (?, ?, 'waiting', ?, ?)`,
    ),
    byNumber: documentRow.select<[string]>(db, 'WHERE number = ? ORDER BY issued_seq DESC LIMIT 1'),
    byKey: documentRow.select<[string, number]>(db, 'WHERE egs_id = ? AND icv = ?'),
    xml: db.prepare<[string, number], { xml: Buffer }>('SELECT xml FROM einvoice_documents WHERE egs_id = ? AND icv = ?'),
  };
  return {
    /** The unit's last document: its ICV and hash. None yet: the chain starts at 1 with ZATCA's seed PIH. */
    tip: (egsId: string): { icv: number; hash: string } | undefined => q.tip.get(egsId),
    /** In the issuing transaction; simplified documents join the reporting queue at once. */
    insert(doc: NewDocument, seq: number): { xmlSha256: string } {
      const xmlSha256 = sha256Hex(doc.xml);
      q.insert.run({ ...doc, xmlSha256, seq });
      if (doc.profile === 'simplified') q.queue.run(doc.egsId, doc.icv, seq, seq);
      return { xmlSha256 };
    },
    /** A standard document ZATCA would not clear (clearance switched off, 303) is reported instead. */
    queueReportInTx(egsId: string, icv: number, seq: number): void {
      q.queue.run(egsId, icv, seq, seq);
    },
    /** The document issued under a receipt number (the latest, should a number ever be issued twice). */
    byNumber: (number: string): DocumentRow | undefined => q.byNumber.get(number),
    byKey: (egsId: string, icv: number): DocumentRow | undefined => q.byKey.get(egsId, icv),
    /** The stored bytes, never rebuilt. */
    xml: (egsId: string, icv: number): Buffer | undefined => q.xml.get(egsId, icv)?.xml,
  };
}
export type DocumentStore = ReturnType<typeof createDocumentStore>;
