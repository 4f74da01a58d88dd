// One test per migration, all in this folder: a migration without its test file fails here.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../main/db';

describe('migration tests', () => {
  it('every migration has its own test file, named after it', () => {
    const files = fs.readdirSync(path.dirname(new URL(import.meta.url).pathname));
    const expected = migrations.map((m) => `${String(m.version).padStart(4, '0')}-${m.name.replace(/ /g, '-')}.test.ts`);
    expect(expected.filter((f) => !files.includes(f))).toEqual([]);
  });
});
