// `nuqta zatca hash FILE`, `validate FILE…` and `export DIR [--from DATE] [--to DATE]`: a document checked the way
// ZATCA will check it, and the stored documents handed to an auditor byte for byte. `validate` runs the UBL 2.1
// schema (libxml2's xmllint with the schemas the app ships; said plainly when xmllint is missing), the hash, the
// signature and its XAdES properties, the QR against the XML (tags 1–9), and — given several documents of one
// unit — each PIH against the previous document's hash (ICV order; the first after ZATCA's seed when its ICV is 1).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Db } from '../db';
import { invoiceHash, parseXml, SEED_PIH, UBL_NS, verifySignedInvoice } from '../fiscal/einvoice';
import { ublInvoiceXsd } from '../paths';
import { EXIT, type Output } from './io';

/** ICV and PIH as the document writes them (AdditionalDocumentReference ICV / PIH), or null. */
function chainOf(xml: string): { icv: number | null; pih: string | null } {
  const root = parseXml(xml).documentElement!;
  let icv: number | null = null;
  let pih: string | null = null;
  const refs = root.getElementsByTagNameNS(UBL_NS.cac, 'AdditionalDocumentReference');
  for (let i = 0; i < refs.length; i += 1) {
    const ref = refs.item(i)!;
    const id = ref.getElementsByTagNameNS(UBL_NS.cbc, 'ID').item(0)?.textContent?.trim();
    if (id === 'ICV') icv = Number(ref.getElementsByTagNameNS(UBL_NS.cbc, 'UUID').item(0)?.textContent?.trim() ?? NaN);
    if (id === 'PIH') pih = ref.getElementsByTagNameNS(UBL_NS.cbc, 'EmbeddedDocumentBinaryObject').item(0)?.textContent?.trim() ?? null;
  }
  return { icv: icv !== null && Number.isSafeInteger(icv) ? icv : null, pih };
}

/**
 * xmllint's complaints about the files against UBL 2.1, or null when xmllint is not installed. libxml2 refuses
 * integers of more than ~24 digits, so a stamp certificate's 45-digit serial is replaced in the copy it reads.
 */
function schemaErrors(files: string[]): Map<string, string[]> | null {
  const probe = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
  if (probe.error) return null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nuqta-validate-'));
  try {
    const copies = files.map((file, i) => {
      const copy = path.join(dir, `${i}.xml`);
      fs.writeFileSync(copy, fs.readFileSync(file, 'utf8').replace(/<ds:X509SerialNumber>\d+<\/ds:X509SerialNumber>/g, '<ds:X509SerialNumber>1</ds:X509SerialNumber>'));
      return copy;
    });
    const run = spawnSync('xmllint', ['--noout', '--schema', ublInvoiceXsd(), ...copies], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const out = new Map<string, string[]>(files.map((f) => [f, []]));
    for (const l of run.stderr.split('\n')) {
      if (l.trim() === '' || / validates$/.test(l)) continue;
      const i = copies.findIndex((c) => l.startsWith(c));
      const file = i >= 0 ? files[i]! : files[0]!;
      out.get(file)!.push(i >= 0 ? l.slice(copies[i]!.length).replace(/^:\d*:?\s*/, '') : l);
    }
    return out;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function zatcaHash(file: string | undefined, io: Output): number {
  if (!file) {
    io.err('Usage: nuqta zatca hash FILE');
    return EXIT.usage;
  }
  try {
    io.out(invoiceHash(fs.readFileSync(file, 'utf8')));
    return EXIT.ok;
  } catch (e) {
    io.err(`${file}: not a document that can be hashed (${e instanceof Error ? e.message : String(e)}). / لا يمكن حساب تجزئة هذا الملف.`);
    return EXIT.failure;
  }
}

export function zatcaValidate(files: string[], io: Output): number {
  if (files.length === 0) {
    io.err('Usage: nuqta zatca validate FILE [FILE…]');
    return EXIT.usage;
  }
  const missing = files.filter((f) => !fs.existsSync(f));
  if (missing.length > 0) {
    io.err(`No such file: ${missing.join(', ')} / الملف غير موجود`);
    return EXIT.usage;
  }
  const schema = schemaErrors(files);
  if (!schema) io.err('Schema not checked: xmllint is not installed (Debian: libxml2-utils). / لم يُفحص المخطط: xmllint غير مثبت.');
  let bad = 0;
  const series: Array<{ file: string; icv: number | null; pih: string | null; hash: string }> = [];
  for (const file of files) {
    const xml = fs.readFileSync(file, 'utf8');
    const problems = [...(schema?.get(file) ?? []).map((p) => `schema: ${p}`)];
    const verified = verifySignedInvoice(xml);
    problems.push(...verified.findings.map((f) => `${f.check}: ${f.detail}`));
    if (verified.hash) series.push({ file, ...chainOf(xml), hash: verified.hash });
    if (problems.length === 0) io.out(`${file}: valid (hash ${verified.hash})`);
    else {
      bad += 1;
      io.out(`${file}: ${problems.length} problem(s)`);
      for (const p of problems) io.out(`  ${p}`);
    }
  }
  // The chain across the documents given, in ICV order.
  if (series.length > 1) {
    const ordered = [...series].sort((a, b) => (a.icv ?? 0) - (b.icv ?? 0));
    ordered.forEach((d, i) => {
      const previous = ordered[i - 1];
      const before = i === 0 ? (d.icv === 1 ? { hash: SEED_PIH, icv: 0 } : null) : previous && previous.icv !== null ? { hash: previous.hash, icv: previous.icv } : null;
      if (!before) return;
      const problems: string[] = [];
      if (d.icv !== before.icv + 1) problems.push(`ICV ${d.icv ?? '?'} does not follow ${before.icv}: a gap or a fork`);
      if (d.pih !== before.hash) problems.push(`its PIH is not the hash of ICV ${before.icv}`);
      if (problems.length > 0) {
        bad += 1;
        io.out(`${d.file}: chain: ${problems.join('; ')}`);
      }
    });
  }
  io.out(bad === 0 ? `All ${files.length} valid. / جميع المستندات سليمة.` : `${bad} problem(s) found. / توجد مشكلات.`);
  return bad === 0 ? EXIT.ok : EXIT.rejected;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Every stored document issued between the dates (the documents' own local issue dates, inclusive), as ICV-UUID.xml. */
export function zatcaExport(db: Db, dir: string | undefined, range: { from?: string; to?: string }, io: Output): number {
  if (!dir || (range.from !== undefined && !DATE.test(range.from)) || (range.to !== undefined && !DATE.test(range.to))) {
    io.err('Usage: nuqta zatca export DIR [--from YYYY-MM-DD] [--to YYYY-MM-DD]');
    return EXIT.usage;
  }
  fs.mkdirSync(dir, { recursive: true });
  const rows = db
    .prepare<[string, string], { egs_id: string; icv: number; uuid: string; xml: Buffer }>(
      'SELECT egs_id, icv, uuid, xml FROM einvoice_documents WHERE issue_date >= ? AND issue_date <= ? ORDER BY issued_seq',
    )
    .all(range.from ?? '0000-00-00', range.to ?? '9999-99-99');
  const units = new Set(rows.map((r) => r.egs_id));
  for (const r of rows) {
    // One unit: ICV-UUID.xml as asked; several (a till onboarded again): each unit's own folder, ICVs restart.
    const folder = units.size > 1 ? path.join(dir, r.egs_id) : dir;
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, `${r.icv}-${r.uuid}.xml`), r.xml);
  }
  io.out(`${rows.length} document(s) written to ${dir}, byte for byte as stored. / كُتبت المستندات كما حُفظت.`);
  return EXIT.ok;
}
