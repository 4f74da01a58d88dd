// The house rules (scripts/lint/house-rules.mjs) on code written to break them: each rule must fail on its
// violation and pass the allowed form. The files are linted as if they lived at the given paths, with the
// repository's own files on disk for the import resolution.
import fs from 'node:fs';
import path from 'node:path';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterAll, describe, it } from 'vitest';
// @ts-expect-error plain ESM module without types
import house from '../../scripts/lint/house-rules.mjs';

RuleTester.describe = describe;
RuleTester.it = it;
const tester = new RuleTester({ languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module' } });
const at = (relative: string) => path.join(process.cwd(), relative);

tester.run('house/layers', house.rules.layers, {
  valid: [
    { filename: at('main/checkout/x.ts'), code: "import { createJournal } from '../ledger';" },
    { filename: at('main/sim/x.ts'), code: "import { encodeFrame } from '../payments/ecr';" },
    { filename: at('main/app/x.ts'), code: "import { createTillSimulators } from '../sim';" },
    { filename: at('renderer/x.ts'), code: "import { methods } from '../preload/contract/methods';" },
    { filename: at('preload/contract/x.ts'), code: "import { z } from 'zod';" },
    { filename: at('preload/index.ts'), code: "import { contextBridge } from 'electron';" },
    { filename: at('test/x.test.ts'), code: "import { createJournal } from '../main/ledger/journal';" },
  ],
  invalid: [
    { filename: at('main/checkout/x.ts'), code: "import { createJournal } from '../ledger/journal';", errors: [{ messageId: 'door' }] },
    { filename: at('main/ledger/x.ts'), code: "import { createCheckout } from '../checkout';", errors: [{ messageId: 'upward' }] },
    { filename: at('main/ledger/x.ts'), code: "import { openSettings } from '../settings';", errors: [{ messageId: 'sibling' }] },
    { filename: at('main/payments/x.ts'), code: "import { createTillSimulators } from '../sim';", errors: [{ messageId: 'simulator' }] },
    { filename: at('main/printing/x.ts'), code: "import { startTill } from '../app';", errors: [{ messageId: 'upward' }] },
    { filename: at('renderer/x.ts'), code: "import { startTill } from '../main/app';", errors: [{ messageId: 'viewImportsMain' }] },
    { filename: at('renderer/x.ts'), code: "import fs from 'node:fs';", errors: [{ messageId: 'viewImportsNode' }] },
    { filename: at('renderer/x.ts'), code: "import Database from 'better-sqlite3';", errors: [{ messageId: 'viewImportsNode' }] },
    { filename: at('preload/contract/x.ts'), code: "import React from 'react';", errors: [{ messageId: 'contractImport' }] },
    { filename: at('preload/contract/x.ts'), code: "import { errorData } from '../../main/errors';", errors: [{ messageId: 'contractImport' }] },
    { filename: at('main/errors/x.ts'), code: "export { thing } from '../../renderer/App';", errors: [{ messageId: 'mainImportsView' }] },
    { filename: at('main/ledger/x.ts'), code: "const m = await import('../checkout');", errors: [{ messageId: 'upward' }] },
  ],
});

tester.run('house/no-float-money', house.rules['no-float-money'], {
  valid: [
    { filename: at('main/checkout/x.ts'), code: 'const total = a + b; const half = Math.floor(totalHalalas / 2);' },
    { filename: at('main/printing/layout/format.ts'), code: 'const riyals = totalHalalas / 100;' },
    { filename: at('main/printing/render/x.ts'), code: 'const width = Math.round(inner * 0.6);' },
  ],
  invalid: [
    { filename: at('main/checkout/x.ts'), code: "const p = parseFloat('1.5');", errors: [{ messageId: 'floatCall' }] },
    { filename: at('main/checkout/x.ts'), code: 'const t = amountHalalas.toFixed(2);', errors: [{ messageId: 'floatCall' }] },
    { filename: at('main/checkout/x.ts'), code: 'const vat = totalHalalas * 0.15;', errors: [{ messageId: 'fraction' }] },
    { filename: at('main/payments/x.ts'), code: 'const sar = amountHalalas / 100;', errors: [{ messageId: 'division' }] },
  ],
});

describe('house/no-cycles', () => {
  // Files of a scratch domain that import each other, on disk for the rule's resolution.
  const dir = at('main/zz-lint-cycle-fixture');
  const files = { a: path.join(dir, 'a.ts'), b: path.join(dir, 'b.ts'), c: path.join(dir, 'c.ts') };
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(files.a, "import { b } from './b';\nexport const a = b;\n");
  fs.writeFileSync(files.b, "import { a } from './a';\nexport const b = 1; export const again = a;\n");
  fs.writeFileSync(files.c, 'export const c = 1;\n');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  tester.run('house/no-cycles', house.rules['no-cycles'], {
    valid: [{ filename: files.a, code: "import { c } from './c';\nexport const a = c;" }],
    invalid: [{ filename: files.a, code: fs.readFileSync(files.a, 'utf8'), errors: [{ messageId: 'cycle' }] }],
  });
});
