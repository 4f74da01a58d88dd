// Runs ZATCA's own Schematron rules (its KSA rules and the EN 16931 UBL rules, shipped with ZATCA's SDK) over
// documents, with Saxon HE from Debian (libsaxonhe-java, Java 17). The SDK is LGPL and is not part of this
// repository: point --sdk at a copy (a checkout, or a bare git dir such as `fetch`'s mirror of mrsool/zatca).
// By hand, not in CI:  node scripts/zatca-schematron.mjs --sdk /path/to/zatca DOC.xml... (or a folder of .xml)
// Prints each failed assert as "file: [error|warning] RULE message" and a summary per rule; exit 1 on errors.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const SCHEMATRONS = ['20210819_ZATCA_E-invoice_Validation_Rules.xsl', 'CEN-EN16931-UBL.xsl'];
const IN_SDK = 'einvoicing-sdk/Data/Rules/schematrons/';
const SAXON = process.env.SAXON_JAR ?? '/usr/share/java/Saxon-HE.jar';

const args = process.argv.slice(2);
const sdkAt = args.indexOf('--sdk');
if (sdkAt < 0 || !args[sdkAt + 1]) {
  console.error('usage: node scripts/zatca-schematron.mjs --sdk PATH DOC.xml|FOLDER...');
  process.exit(2);
}
const sdk = args[sdkAt + 1];
const inputs = args.filter((_, i) => i !== sdkAt && i !== sdkAt + 1);
const docs = inputs.flatMap((p) => (fs.statSync(p).isDirectory() ? fs.readdirSync(p).filter((f) => f.endsWith('.xml')).map((f) => path.join(p, f)) : [p]));

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'nuqta-schematron-'));
const xsls = SCHEMATRONS.map((name) => {
  const out = path.join(work, name);
  const plain = path.join(sdk, IN_SDK, name);
  if (fs.existsSync(plain)) fs.copyFileSync(plain, out);
  else fs.writeFileSync(out, execFileSync('git', ['-C', sdk, 'show', `HEAD:${IN_SDK}${name}`], { maxBuffer: 64 * 1024 * 1024 }));
  return out;
});

const byRule = new Map();
let errors = 0;
for (const doc of docs) {
  for (const xsl of xsls) {
    const run = spawnSync('java', ['-cp', SAXON, 'net.sf.saxon.Transform', `-s:${doc}`, `-xsl:${xsl}`], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (run.status !== 0) {
      console.error(`${doc}: Saxon failed on ${path.basename(xsl)}: ${run.stderr.slice(0, 400)}`);
      errors += 1;
      continue;
    }
    for (const m of run.stdout.matchAll(/<svrl:failed-assert\b([^>]*)>[\s\S]*?<svrl:text>([\s\S]*?)<\/svrl:text>/g)) {
      const id = /id="([^"]+)"/.exec(m[1])?.[1] ?? '?';
      const flag = /flag="([^"]+)"/.exec(m[1])?.[1] ?? 'error';
      if (flag !== 'warning') errors += 1;
      byRule.set(`${flag} ${id}`, (byRule.get(`${flag} ${id}`) ?? 0) + 1);
      console.log(`${path.basename(doc)}: [${flag}] ${m[2].replace(/\s+/g, ' ').trim().slice(0, 200)}`);
    }
  }
}
console.log(`\n${docs.length} document(s); failed asserts by rule:`, Object.fromEntries(byRule));
fs.rmSync(work, { recursive: true, force: true });
process.exit(errors > 0 ? 1 : 0);
