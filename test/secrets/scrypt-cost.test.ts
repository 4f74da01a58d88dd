// The scrypt cost of users' PINs, badges and recovery codes: the production cost is N 2^14, r 8, p 1, and a
// process outside a test run hashes with it whatever the environment says. The unit tests themselves run at a lower N
// (test/support/global-setup.ts), so this file is where the production parameters are checked.
import { execFileSync } from 'node:child_process';
import { scryptSync } from 'node:crypto';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { hashPin, SHARED_DEMO_HASH, SHARED_DEMO_SALT } from '../../main/auth';
import { matches } from '../../main/people';
import { PRODUCTION_SCRYPT_COST, SCRYPT_COST, scryptCostFrom, TEST_SCRYPT_N_ENV } from '../../main/secrets';
import { DEMO_SETTINGS } from '../../main/settings';
import { tempDir } from '../support/tmp';

const root = path.resolve(__dirname, '..', '..');
const tmp = tempDir('nuqta-scrypt-cost-');
afterAll(() => tmp.cleanup());

const production = (secret: string, salt: string) => scryptSync(secret, salt, 32, { N: 1 << 14, r: 8, p: 1 }).toString('hex');

describe('the scrypt cost', () => {
  it('is N 2^14, r 8, p 1 in production', () => {
    expect(PRODUCTION_SCRYPT_COST).toEqual({ N: 16384, r: 8, p: 1 });
    expect(scryptCostFrom({})).toEqual(PRODUCTION_SCRYPT_COST);
  });

  it('is lowered only inside a Vitest run, and only to a power of two below the production N', () => {
    expect(scryptCostFrom({ [TEST_SCRYPT_N_ENV]: '16' })).toEqual(PRODUCTION_SCRYPT_COST);
    expect(scryptCostFrom({ [TEST_SCRYPT_N_ENV]: '16', VITEST: 'true' })).toEqual({ N: 16, r: 8, p: 1 });
    for (const bad of ['0', '1', '3', '1000', '32768', 'x', '']) {
      expect(() => scryptCostFrom({ [TEST_SCRYPT_N_ENV]: bad, VITEST: 'true' })).toThrow(TEST_SCRYPT_N_ENV);
    }
  });

  it('the shared demo PIN hash is 1234 with the shared salt at the production cost, as the demo settings hold it', () => {
    expect(SHARED_DEMO_HASH).toBe(production('1234', SHARED_DEMO_SALT));
    expect(DEMO_SETTINGS.managerPin).toEqual({ salt: SHARED_DEMO_SALT, hash: SHARED_DEMO_HASH });
  });

  it("users' PINs, badges and recovery codes are hashed at the process's cost, the shared manager PIN at the production cost", () => {
    const atThisCost = scryptSync('2468', 'salt-of-a-user', 32, SCRYPT_COST).toString('hex');
    expect(matches('2468', { salt: 'salt-of-a-user', hash: atThisCost })).toBe(true);
    expect(hashPin('1357', 'salt-of-a-till')).toBe(production('1357', 'salt-of-a-till'));
  });

  it('a process outside a test run hashes at the production cost, even with the test variable set', async () => {
    // The module in a process of its own: this one already read the run's cost when it loaded.
    const bundle = path.join(tmp.dir, 'scrypt-cost.cjs');
    await build({
      stdin: {
        contents: `import { SCRYPT_COST, scryptHash } from ${JSON.stringify(path.join(root, 'main/secrets/scrypt-cost.ts'))};
process.stdout.write(JSON.stringify({ cost: SCRYPT_COST, hash: scryptHash('1357', 'salt-of-a-till', 32).toString('hex') }));`,
        resolveDir: root,
        loader: 'ts',
      },
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      outfile: bundle,
      logLevel: 'silent',
    });
    const { VITEST: _inRun, ...outside } = process.env;
    const run = (env: NodeJS.ProcessEnv) => JSON.parse(execFileSync(process.execPath, [bundle], { env, encoding: 'utf8' })) as unknown;
    const expected = { cost: { N: 16384, r: 8, p: 1 }, hash: production('1357', 'salt-of-a-till') };
    expect(run({ ...outside, [TEST_SCRYPT_N_ENV]: '16' })).toEqual(expected);
    expect(run({ PATH: process.env.PATH })).toEqual(expected);
  });
});
