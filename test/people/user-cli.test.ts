// `nuqta user …` as an admin runs it: the built CLI in a child process on a real data folder. The first admin of
// a live till comes from here; PINs come only on standard input, and nothing printed carries a hash.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureMainBuilt } from '../support/build';
import { nuqta, nuqtaWithInput } from '../support/cli';
import { tempDir } from '../support/tmp';

const tmp = tempDir('nuqta-user-cli-');
beforeAll(() => ensureMainBuilt(), 120_000);
afterAll(() => tmp.cleanup());

const user = (input: string, ...args: string[]) => nuqtaWithInput(input, 'user', ...args, '--data-dir', tmp.dir);

describe('nuqta user', () => {
  it('adds the first admin with the PIN from standard input, lists names and roles only, changes a PIN and deactivates', () => {
    expect(nuqta('user', 'list', '--data-dir', tmp.dir).stdout).toContain('No users yet');

    const added = user('5824\n', 'add', '--name-ar', 'سارة', '--name-en', 'Sara', '--role', 'admin');
    expect(added.status).toBe(0);
    const id = /User added: (\S+)/.exec(added.stdout)![1]!;
    const cashier = user('7310\nSTAFF-0042\n', 'add', '--name-ar', 'علي', '--name-en', 'Ali', '--role', 'cashier');
    expect(cashier.status).toBe(0);

    const list = nuqta('user', 'list', '--data-dir', tmp.dir);
    expect(list.status).toBe(0);
    expect(list.stdout).toContain(`${id}\tadmin\tactive\t-\tSara\tسارة`);
    expect(list.stdout).toMatch(/\tcashier\tactive\tbadge\tAli\tعلي/);
    expect(list.stdout).not.toMatch(/[0-9a-f]{32}/);

    // Another active user's PIN: refused in both languages, exit 3 (a till error), nothing written.
    const taken = user('5824\n', 'add', '--name-ar', 'منى', '--name-en', 'Mona', '--role', 'cashier');
    expect(taken.status).toBe(3);
    expect(taken.stderr).toContain('USER_PIN_TAKEN');
    expect(taken.stderr).toContain('هذا الرمز يستخدمه مستخدم آخر');

    expect(user('99\n', 'set-pin', id)).toMatchObject({ status: 2 });
    expect(user('4455\n', 'set-pin', id).status).toBe(0);
    expect(user('', 'set-pin', 'nobody').status).toBe(2);
    expect(user('4456\n', 'set-pin', 'nobody')).toMatchObject({ status: 3, stderr: expect.stringContaining('USER_UNKNOWN') });
    expect(user('', 'deactivate', id).status).toBe(0);
    expect(nuqta('user', 'list', '--data-dir', tmp.dir).stdout).toContain(`${id}\tadmin\tinactive`);
    // Every change replays: the folder's ledger verifies.
    expect(nuqta('ledger', 'verify', '--data-dir', tmp.dir).status).toBe(0);
  });

  it('refuses a missing name or an unknown role, and a PIN on the command line', () => {
    expect(user('5824\n', 'add', '--name-en', 'Sara', '--role', 'admin').status).toBe(2);
    expect(user('5824\n', 'add', '--name-ar', 'سارة', '--name-en', 'Sara', '--role', 'owner').status).toBe(2);
    expect(user('', 'add', '--name-ar', 'سارة', '--name-en', 'Sara', '--role', 'admin').status).toBe(2);
    expect(user('', 'add', '--name-ar', 'سارة', '--name-en', 'Sara', '--role', 'admin', '--pin', '5824').status).toBe(2);
  });
});
