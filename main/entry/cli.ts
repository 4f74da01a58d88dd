#!/usr/bin/env node
// `nuqta <command>`: the admin CLI (package.json bin). Exit codes: 0 ok, 1 failure, 2 usage,
// 3 till error (locked, newer schema, bad settings), 4 verification failed or rows rejected.
import { parseArgs } from 'node:util';
import { defaultDataDir } from '../app';
import fs from 'node:fs';
import { backup, catalogImport, EXIT, ledgerVerify, managerPinCommand, terminalCommand, type Output } from '../cli/commands';
import { isTillError } from '../errors';

const USAGE = `Usage: nuqta <command> [--data-dir DIR]

  ledger verify                 walk the journal's hash chain; report the first broken link
  catalog import <file.csv>     import products [--mode all-or-nothing|valid-rows] (default all-or-nothing)
  backup <file>                 online backup of the till database, verified [--force]
  terminal show                 the card terminal settings
  terminal set simulator | tcp HOST PORT | serial PATH BAUD | none
  manager-pin set               the manager PIN, read from standard input (echo 5824 | nuqta manager-pin set)

The data folder defaults to NUQTA_DATA_DIR or the platform's application-data folder.`;

const io: Output = { out: (l) => process.stdout.write(`${l}\n`), err: (l) => process.stderr.write(`${l}\n`) };

async function run(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        'data-dir': { type: 'string' },
        mode: { type: 'string', default: 'all-or-nothing' },
        force: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    io.err(`${(e as Error).message}\n\n${USAGE}`);
    return EXIT.usage;
  }
  const { values, positionals } = parsed;
  const dataDir = values['data-dir'] ?? defaultDataDir();
  const [command, sub, arg] = positionals;
  if (values.help || !command) {
    io.out(USAGE);
    return values.help ? EXIT.ok : EXIT.usage;
  }
  if (command === 'ledger' && sub === 'verify') return ledgerVerify(dataDir, io);
  if (command === 'catalog' && sub === 'import' && arg) {
    if (values.mode !== 'all-or-nothing' && values.mode !== 'valid-rows') {
      io.err(`--mode must be all-or-nothing or valid-rows, not ${values.mode}`);
      return EXIT.usage;
    }
    return catalogImport(dataDir, arg, values.mode, io);
  }
  if (command === 'backup' && sub) return backup(dataDir, sub, values.force ?? false, io);
  if (command === 'terminal') return terminalCommand(dataDir, positionals.slice(1), io);
  if (command === 'manager-pin') {
    const stdin = process.stdin.isTTY ? '' : fs.readFileSync(0, 'utf8');
    return managerPinCommand(dataDir, positionals.slice(1), stdin, io);
  }
  io.err(`Unknown command: ${positionals.join(' ')}\n\n${USAGE}`);
  return EXIT.usage;
}

run(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((e: unknown) => {
    if (isTillError(e)) {
      const d = e.toData();
      io.err(`${d.message_en}\n${d.message_ar}\n(${d.code}${e.detail ? `: ${e.detail}` : ''})`);
      process.exit(EXIT.tillError);
    }
    io.err(`nuqta: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(EXIT.failure);
  });
