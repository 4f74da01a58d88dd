// Issuing a document inside the caller's transaction (the one that completes the sale, or the return): take the
// chain's next ICV and the previous hash, build the UBL document from the receipt, check it against the rules
// ZATCA will apply, hash, sign, and store the exact bytes with their journal entry. Any failure throws, the
// transaction rolls back, and no counter is used: the chain never has a gap or a fork.
import { randomUUID } from 'node:crypto';
import type { Receipt } from '../../preload/contract';
import type { Db } from '../db';
import { TillError } from '../errors';
import { amountText, buildUnsignedInvoice, checkInvoiceRules, ownDocumentHash, SEED_PIH, signInvoice } from '../fiscal/einvoice';
import type { Journal } from '../ledger';
import type { TillSettings } from '../settings';
import type { Credentials } from './credentials';
import { createDocumentStore, sha256Hex, type DocumentKind } from './documents';
import { documentFromReceipt, type NoteReference } from './from-receipt';
import { issueMomentOf, momentText } from './local-time';
import { createClearanceStore } from './clearance/store';
import { ENTRY } from './projection';

export interface IssuedDocument {
  egsId: string;
  icv: number;
  uuid: string;
  hash: string;
  qr: string;
  /** Standard (B2B) documents wait for ZATCA's clearance before they are handed over. */
  profile: 'simplified' | 'standard';
  /** The document's own number (cbc:ID): the receipt's, or a note's own. */
  number: string;
}

export interface IssuerDeps {
  db: Db;
  journal: Journal;
  settings: () => TillSettings;
  credentials: Credentials;
  newId?: () => string;
}

export function createIssuer(deps: IssuerDeps) {
  const documents = createDocumentStore(deps.db);
  const clearances = createClearanceStore(deps.db, deps.journal);
  const newId = deps.newId ?? randomUUID;

  /** Must run inside a write transaction. */
  /** `buyer`: the business buyer of a standard document, null for a simplified one. */
  const issueInTx = (receipt: Receipt, kind: DocumentKind, note: NoteReference | null, buyer: Receipt['buyer'] | null, number = receipt.receiptNo): IssuedDocument | null => {
    const settings = deps.settings();
    if (!settings.einvoicing) return null;
    if (!deps.db.inTransaction) throw new Error('an e-invoice is issued only inside the transaction that records its sale');
    const credentials = deps.credentials.current();
    if (!credentials) throw new TillError('EINVOICE_NOT_ONBOARDED', receipt.receiptNo);

    const tip = documents.tip(credentials.egsId);
    const icv = (tip?.icv ?? 0) + 1;
    const pih = tip?.hash ?? SEED_PIH;
    const moment = issueMomentOf(receipt.issuedAt, settings.timeZone);
    const document = { ...documentFromReceipt(receipt, { kind, note, uuid: newId(), icv, pih, moment, settings, buyer }), number };
    const violations = checkInvoiceRules(document);
    if (violations.length > 0) {
      throw new TillError('EINVOICE_WOULD_BE_REJECTED', `${receipt.receiptNo}: ${violations.map((v) => `${v.rule} ${v.message.en}`).join('; ')}`);
    }
    let signed;
    try {
      const unsigned = buildUnsignedInvoice(document);
      signed = signInvoice(unsigned, {
        hash: ownDocumentHash(unsigned),
        privateKey: credentials.privateKey,
        certificate: credentials.certificate,
        signingTime: momentText(moment),
        // Tags 1-5 say what the XML says: its registered name, VAT number, issue moment and totals' text.
        qr: {
          sellerName: document.seller.registrationName,
          vatNumber: document.seller.vatNumber,
          timestamp: momentText(moment),
          totalWithVat: amountText(document.totals.totalHalalas),
          vatTotal: amountText(document.totals.vatHalalas),
        },
      });
    } catch (e) {
      if (e instanceof TillError) throw e;
      throw new TillError('EINVOICE_SIGNING_FAILED', `${receipt.receiptNo}: ${e instanceof Error ? e.message : String(e)}`);
    }
    const xml = Buffer.from(signed.xml, 'utf8');
    const record = {
      egsId: credentials.egsId,
      icv,
      uuid: document.uuid,
      kind,
      profile: buyer ? ('standard' as const) : ('simplified' as const),
      number,
      saleId: receipt.saleId,
      issueDate: moment.date,
      issueTime: moment.time,
      pih,
      hash: signed.hash,
      qr: signed.qr,
    };
    // The entry records the digest of the stored bytes, so `ledger verify` can tell the XML was not touched.
    const entry = deps.journal.append(ENTRY.issued, { ...record, xmlSha256: sha256Hex(xml) });
    documents.insert({ ...record, xml }, entry.seq);
    if (record.profile === 'standard') clearances.insertInTx(credentials.egsId, icv, entry.seq);
    return { egsId: credentials.egsId, icv, uuid: document.uuid, hash: signed.hash, qr: signed.qr, profile: record.profile, number };
  };

  return {
    /**
     * The sale's tax invoice (388): standard when the receipt names a business buyer, simplified otherwise. Null
     * when e-invoicing is not set up on this till.
     */
    issueSaleInTx: (receipt: Receipt): IssuedDocument | null => issueInTx(receipt, 'invoice', null, receipt.buyer ?? null),
    /** The simplified invoice issued for a sale whose standard one could not be cleared (the next ICV). */
    issueSimplifiedInTx: (receipt: Receipt): IssuedDocument | null => issueInTx(receipt, 'invoice', null, null),
    /**
     * A credit note (381), crediting the returned lines of the original invoice; a standard one, naming the same
     * buyer, when `buyer` is given (the original was a standard invoice). `number`: the note's own number.
     */
    issueCreditNoteInTx: (receipt: Receipt, note: NoteReference, buyer: Receipt['buyer'] | null = null, number?: string): IssuedDocument | null =>
      issueInTx(receipt, 'credit_note', note, buyer, number),
    documents,
    clearances,
  };
}
export type Issuer = ReturnType<typeof createIssuer>;
