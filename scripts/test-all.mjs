// Second README command: installs what the tests need (npm packages; Debian's Chromium, Arabic fonts, socat, poppler),
// builds the app, runs the type check and the lint, the unit/integration suite and then the browser
// end-to-end suite, and closes with one "N passed, N failed" line. CI (.ci/run) runs exactly this.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build, checkNode, installDebianPackages, installDependencies, run, say } from './lib/setup.mjs';

checkNode();
installDependencies({ wantElectronBinary: false });
const debianOk = installDebianPackages([
  { package: 'chromium', command: 'chromium' },
  { package: 'fonts-noto-core', file: '/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf' },
  // Pseudo-terminal pairs for the serial tests (card terminal, printer).
  { package: 'socat', command: 'socat' },
  // xmllint: the independent C14N 1.1 and the UBL 2.1 schema check of every e-invoice the tests make.
  { package: 'libxml2-utils', command: 'xmllint' },
  // pdftotext / pdftoppm: the Z's PDF read back (Arabic in logical order) and rendered (test/exports/z-pdf.test.ts).
  { package: 'poppler-utils', command: 'pdftotext' },
]);
if (!debianOk) say('continuing without them: the browser tests will fail until Chromium is installed.');
build();

// The house rules first: the type check and the lint (layers, doors, no cycles, no float money). A failure
// here fails the run, but the suites still run so one report shows everything.
let checksFailed = false;
for (const [name, args] of [
  ['type check', ['tsc', '-p', 'tsconfig.json', '--noEmit']],
  ['lint', ['eslint', '.']],
]) {
  say(`running the ${name}…`);
  if (run('npx', args) !== 0) {
    say(`the ${name} failed.`);
    checksFailed = true;
  }
}

const reports = fs.mkdtempSync(path.join(os.tmpdir(), 'nuqta-test-report-'));
const suites = [
  { name: 'unit and integration', args: ['vitest', 'run'] },
  { name: 'browser end-to-end', args: ['vitest', 'run', '--config', 'test/e2e/vitest.config.mts'] },
];

let passed = 0;
let failed = 0;
let skipped = 0;
let suiteFailed = false;
for (const [i, suite] of suites.entries()) {
  say(`running the ${suite.name} tests…`);
  const outputFile = path.join(reports, `suite-${i}.json`);
  const status = run('npx', [...suite.args, '--reporter=default', '--reporter=json', `--outputFile=${outputFile}`]);
  if (!fs.existsSync(outputFile)) {
    say(`the ${suite.name} suite produced no report (exit ${status}).`);
    suiteFailed = true;
    continue;
  }
  const report = JSON.parse(fs.readFileSync(outputFile, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + (report.numTodoTests ?? 0);
  if (status !== 0) suiteFailed = true;
}
fs.rmSync(reports, { recursive: true, force: true });
if (passed + failed === 0) suiteFailed = true;

process.stdout.write(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}${checksFailed ? ' (type check or lint FAILED)' : ''}\n`);
process.exit(suiteFailed || checksFailed || failed > 0 ? 1 : 0);
