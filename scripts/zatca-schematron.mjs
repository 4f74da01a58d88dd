// Runs ZATCA's own Schematron rules (its KSA rules and the EN 16931 UBL rules, shipped with ZATCA's SDK) over
// documents, with Saxon HE from Debian (libsaxonhe-java, Java 17). The SDK is LGPL and is not part of this
// repository: point --sdk at a copy (a checkout, or a bare git dir such as a mirror of mrsool/zatca); its two
// .xsl files are read into a temporary folder for the run and removed after.
//
// By hand, not in CI:
//   node scripts/zatca-schematron.mjs --sdk PATH DOC.xml|FOLDER...
// One Saxon run per rule file over all the documents (a JVM start per document would take minutes). Prints each
// failed assert as "file: [flag] RULE text", then the count of documents per rule. An unsigned document (no
// ext:UBLExtensions: what the builder makes) cannot pass the rules that look for the QR and the stamp; those are
// listed apart and do not fail the run. Exit 1 when any other assert failed.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const SCHEMATRONS = ['20210819_ZATCA_E-invoice_Validation_Rules.xsl', 'CEN-EN16931-UBL.xsl'];
const IN_SDK = 'einvoicing-sdk/Data/Rules/schematrons/';
const SAXON = process.env.SAXON_JAR ?? '/usr/share/java/Saxon-HE.jar';
/** What only a signed document can pass: the QR (BR-KSA-27) and the stamp's signature information (BR-KSA-28). */
const NEED_SIGNATURE = new Set(['BR-KSA-27', 'BR-KSA-28']);

const args = process.argv.slice(2);
const sdkAt = args.indexOf('--sdk');
if (sdkAt < 0 || !args[sdkAt + 1]) {
  console.error('usage: node scripts/zatca-schematron.mjs --sdk PATH DOC.xml|FOLDER...');
  process.exit(2);
}
const sdk = args[sdkAt + 1];
const inputs = args.filter((_, i) => i !== sdkAt && i !== sdkAt + 1);
const docs = inputs.flatMap((p) =>
  fs.statSync(p).isDirectory()
    ? fs.readdirSync(p).filter((f) => f.endsWith('.xml')).sort().map((f) => path.join(p, f))
    : [p],
);
if (docs.length === 0) {
  console.error('no documents given');
  process.exit(2);
}
if (spawnSync('java', ['-version']).status !== 0 || !fs.existsSync(SAXON)) {
  console.error(`needs Java and Saxon HE at ${SAXON} (Debian: default-jre-headless libsaxonhe-java; or set SAXON_JAR)`);
  process.exit(2);
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'nuqta-schematron-'));
let exitCode = 0;
try {
  const xsls = SCHEMATRONS.map((name) => {
    const out = path.join(work, name);
    const plain = path.join(sdk, IN_SDK, name);
    if (fs.existsSync(plain)) fs.copyFileSync(plain, out);
    else fs.writeFileSync(out, execFileSync('git', ['-C', sdk, 'show', `HEAD:${IN_SDK}${name}`], { maxBuffer: 64 * 1024 * 1024 }));
    return out;
  });

  // Copies under unique names, so documents from several folders can share one run.
  const inDir = path.join(work, 'in');
  fs.mkdirSync(inDir);
  const names = docs.map((doc, i) => {
    const name = `${String(i).padStart(5, '0')}.xml`;
    fs.copyFileSync(doc, path.join(inDir, name));
    return name;
  });
  const unsigned = new Set(docs.filter((doc) => !fs.readFileSync(doc, 'utf8').includes('UBLExtensions>')));

  const failures = []; // { doc, flag, id, text }
  for (const xsl of xsls) {
    const outDir = path.join(work, `out-${path.basename(xsl)}`);
    fs.mkdirSync(outDir);
    const run = spawnSync('java', ['-cp', SAXON, 'net.sf.saxon.Transform', `-s:${inDir}`, `-xsl:${xsl}`, `-o:${outDir}`], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (run.status !== 0) throw new Error(`Saxon failed on ${path.basename(xsl)}: ${run.stderr.slice(0, 2000)}`);
    names.forEach((name, i) => {
      const svrl = fs.readFileSync(path.join(outDir, name), 'utf8');
      for (const m of svrl.matchAll(/<svrl:failed-assert\b([^>]*)>[\s\S]*?<svrl:text>([\s\S]*?)<\/svrl:text>/g)) {
        const id = /\bid="([^"]+)"/.exec(m[1])?.[1] ?? '?';
        const flag = /\bflag="([^"]+)"/.exec(m[1])?.[1] ?? 'error';
        failures.push({ doc: docs[i], flag, id, text: m[2].replace(/\s+/g, ' ').trim() });
      }
    });
  }

  const expected = (f) => unsigned.has(f.doc) && NEED_SIGNATURE.has(f.id);
  const byRule = new Map();
  for (const f of failures) {
    if (!expected(f)) console.log(`${f.doc}: [${f.flag}] ${f.id} ${f.text.slice(0, 240)}`);
    const key = `${f.id} (${f.flag}${expected(f) ? ', needs the signature' : ''})`;
    if (!byRule.has(key)) byRule.set(key, new Set());
    byRule.get(key).add(f.doc);
  }
  console.log(`\n${docs.length} document(s), ${unsigned.size} unsigned. Failed asserts, documents per rule:`);
  if (byRule.size === 0) console.log('  none');
  for (const [key, set] of [...byRule].sort()) console.log(`  ${key}: ${set.size}`);
  if (failures.some((f) => !expected(f))) exitCode = 1;
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
process.exit(exitCode);
