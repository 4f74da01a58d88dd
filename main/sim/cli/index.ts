// What the three simulator CLIs have in common (ecr-simulator/cli.ts, provider-sim/nexo/cli.ts,
// provider-sim/stcpay/cli.ts). Each runs a simulator as its own process, so a till can be killed and restarted
// while "the terminal" or "the provider" keeps its record. Tests (test/support/*-process.ts, the cli tests) and
// admins drive all three the same way, so that way lives here once, and a fix to it reaches all three:
//   stdout  one JSON object per line: the CLI's own {"event":"ready",…} first, then the simulator's events and
//           the answers to commands (emit).
//   stdin   one JSON command per line (serveControl):
//             {"cmd":"script","behaviours":[…]} → {"event":"scripted","pending":N}
//             {"cmd":"clear"}                   → {"event":"cleared"}
//             {"cmd":"record"}                  → {"event":"record","record":…}
//             {"cmd":"quit"}                    → {"event":"bye"}, then shut down
//           plus a CLI's own commands (nexo's notify-to). A line that is not JSON, an unknown cmd or a command the
//           simulator refuses gets {"event":"error","detail":…}; blank lines are ignored.
//   exit    0 after closing the simulator, once, on quit, end of stdin, SIGTERM or SIGINT (shutdownOnSignals);
//           2 on a usage error, the reason and the usage line on stderr (exitWithUsage, readFlags);
//           1 when start-up fails, "<name>: <reason>" on stderr (runCli).
// What differs stays in each CLI: its flags and their checks, how its simulator starts, its ready line, and
// what closing means (STC Pay also removes its temp certificates).
// Node built-ins only: esbuild bundles this into each simulator.
import readline from 'node:readline';

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** One JSON line on stdout: the ready line, a simulator event, an answer to a command. */
export function emit(obj: unknown): void {
  process.stdout.write(`${JSON.stringify(obj)}\n`);
}

/** Runs the CLI's main; if start-up fails: "<name>: <reason>" on stderr, exit 1. */
export function runCli(name: string, main: () => Promise<void>): void {
  main().catch((err: unknown) => {
    process.stderr.write(`${name}: ${errorText(err)}\n`);
    process.exit(1);
  });
}

/** A usage error: the reason, then the CLI's usage line, on stderr; exit 2. */
export function exitWithUsage(reason: string, usageLine: string): never {
  process.stderr.write(`${reason}\n${usageLine}\n`);
  process.exit(2);
}

/** Handles one flag; `value()` takes the argument after it (a usage error when there is none). */
export type FlagHandler = (value: () => string) => void;

/**
 * Walks argv left to right, handing each flag to its handler. A flag with no handler is a usage error. The
 * handlers check their values (each CLI has its own messages); checks across flags come after, in the CLI.
 */
export function readFlags(argv: readonly string[], usage: (reason: string) => never, handlers: Record<string, FlagHandler>): void {
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i]!;
    // hasOwn, not handlers[flag]: "toString" must be an unknown argument, not Object.prototype's.
    const handler = Object.hasOwn(handlers, flag) ? handlers[flag] : undefined;
    if (!handler) usage(`unknown argument ${flag}`);
    handler(() => argv[++i] ?? usage(`${flag} needs a value`));
  }
}

/**
 * Returns the CLI's one way out, and takes SIGTERM and SIGINT to it from now on: close the simulator (`close` is
 * the CLI's, e.g. with socat or the temp certificates), then exit 0. However many of quit, end of stdin and the
 * signals arrive, it closes once.
 */
export function shutdownOnSignals(close: () => Promise<void> | void): () => void {
  let shuttingDown = false;
  const shutdown = async () => {
    if (shuttingDown) return;
    shuttingDown = true;
    await close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown());
  process.on('SIGINT', () => void shutdown());
  return () => void shutdown();
}

/** A simulator's queue of scripted behaviours (what `script` and `clear` drive). */
export interface Scriptable<B> {
  script(...behaviours: B[]): void;
  clearScript(): void;
  pendingScript(): readonly B[];
}

/** A parsed control line. Only `cmd` is looked at here; a CLI's own command reads its other fields. */
export type ControlMessage = { cmd?: unknown } & Record<string, unknown>;

export interface ControlOptions<B> {
  scriptable: Scriptable<B>;
  /** What `record` answers with: the simulator's record or ledger (what its record file holds). */
  record: () => unknown;
  /** For quit and end of stdin (from shutdownOnSignals). */
  shutdown: () => void;
  /** The CLI's own commands by name: each emits its answer, or throws to answer with an error event. */
  commands?: Record<string, (msg: ControlMessage) => void>;
}

/** Reads control commands from stdin until quit or end of stdin. Start it once the ready line is out. */
export function serveControl<B>({ scriptable, record, shutdown, commands = {} }: ControlOptions<B>): void {
  const lines = readline.createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    if (!line.trim()) return;
    try {
      const msg = JSON.parse(line) as ControlMessage;
      switch (msg.cmd) {
        case 'script':
          // The behaviours are not checked here: a simulator that can refuse one throws (→ error event).
          if (!Array.isArray(msg.behaviours)) throw new Error('behaviours must be an array');
          scriptable.script(...(msg.behaviours as B[]));
          emit({ event: 'scripted', pending: scriptable.pendingScript().length });
          break;
        case 'clear':
          scriptable.clearScript();
          emit({ event: 'cleared' });
          break;
        case 'record':
          emit({ event: 'record', record: record() });
          break;
        case 'quit':
          emit({ event: 'bye' });
          shutdown();
          break;
        default: {
          const own = typeof msg.cmd === 'string' && Object.hasOwn(commands, msg.cmd) ? commands[msg.cmd] : undefined;
          if (!own) throw new Error(`unknown cmd ${JSON.stringify(msg.cmd)}`);
          own(msg);
        }
      }
    } catch (err) {
      emit({ event: 'error', detail: errorText(err) });
    }
  });
  lines.on('close', shutdown);
}
