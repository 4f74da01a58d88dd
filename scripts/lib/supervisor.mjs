// `npm run till`'s supervisor for the browser host. The host is the till: if its process dies (a crash, an
// out-of-memory kill, kill -9), the supervisor starts it again within a second, on the SAME port with the SAME
// secret, so the Chromium page already open reconnects by itself (renderer/api/hostClient.ts retries with
// back-off) and finds the open sale as the ledger committed it. So the supervisor, not the host, chooses the
// port (--port) and the secret, which it hands over on the host's stdin (--secret-stdin): never on a command
// line, where every local user could read it.
//
// What is not restarted:
//  - exit 0: the host was stopped on purpose (Ctrl+C, SIGTERM) — the supervisor stops too;
//  - exit 3, a till error (LEDGER_LOCKED, bad settings, a damaged ledger) and exit 2, a usage error: the next
//    start would fail the same way. Its own bilingual message is shown;
//  - a crash loop: CRASH_LOOP_COUNT crashes within CRASH_LOOP_WINDOW_MS (the Electron shell's crash guard uses
//    the same numbers). Restarting again would only spin.
// When it gives up after the till's page was open, the supervisor serves a small static bilingual page on the
// till's port saying what happened (the page's reconnects are refused; a reload shows it), and waits for
// Ctrl+C. Each crash's last stderr is appended to crash.log in the data folder (0600), named in the message.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const CRASH_LOOP_COUNT = 3;
export const CRASH_LOOP_WINDOW_MS = 2 * 60_000;
export const RESTART_DELAY_MS = 500;
/** A restarted host that is not ready in this time is killed and counted as a crash. */
export const READY_TIMEOUT_MS = 60_000;
/** How long a host asked to stop has before it is killed. */
export const STOP_TIMEOUT_MS = 10_000;
export const EXIT_USAGE = 2;
export const EXIT_TILL_ERROR = 3;
export const CRASH_LOG_FILE = 'crash.log';
const CRASH_LOG_MAX_BYTES = 256 * 1024;
const STDERR_TAIL_BYTES = 8 * 1024;

/** What a person is told when the supervisor stops restarting: a stable code, Arabic and English. */
export const SUPERVISOR_MESSAGES = Object.freeze({
  HOST_CRASH_LOOP: {
    ar: 'توقفت نقطة البيع بعد أعطال متكررة ولن تُعاد تشغيلها تلقائيًا. البيع المفتوح محفوظ. شغّلها مرة أخرى (npm run till)، وإن توقفت ثانية فاتصل بالدعم وأرسل لهم سجل الأعطال وما كُتب في الطرفية.',
    en: 'The till stopped after repeated failures and will not restart by itself. The open sale is saved. Start it again (npm run till); if it stops again, call support and send them the crash log and what the terminal shows.',
  },
  HOST_TILL_ERROR: {
    ar: 'لا يمكن أن تعمل نقطة البيع حتى يُصلح ما يلي، لذلك لن تُعاد تشغيلها تلقائيًا:',
    en: 'The till cannot run until the following is fixed, so it is not restarted:',
  },
  HOST_USAGE: {
    ar: 'شُغّلت نقطة البيع بخيارات لا تفهمها، لذلك لن تُعاد تشغيلها:',
    en: 'The till was started with options it does not understand, so it is not restarted:',
  },
});

/** A free TCP port on 127.0.0.1, chosen once: every restart listens on it again. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {net.AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}

const dataDirFromArgs = (args) => {
  for (const [i, arg] of args.entries()) {
    if (arg === '--data-dir') return args[i + 1] ?? null;
    if (arg.startsWith('--data-dir=')) return arg.slice('--data-dir='.length);
  }
  return null;
};

const describeExit = ({ code, signal }) => (signal ? `signal ${signal}` : `exit code ${code}`);

/** The host's own message from its last stderr: its last lines that are not JSON log lines. */
const hostMessageFrom = (tail) =>
  tail
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('{'))
    .slice(-3)
    .join('\n');

/**
 * Starts the host and keeps it running. See the file's head for what is restarted and what is not.
 * @param {import('./supervisor.d.mts').SuperviseOptions} [options]
 * @returns {import('./supervisor.d.mts').Supervisor}
 */
export function superviseHost(options = {}) {
  const {
    hostArgs = [],
    secret = randomBytes(32).toString('hex'),
    hostBundle = path.join(root, 'dist', 'main', 'host.cjs'),
    restartDelayMs = RESTART_DELAY_MS,
    loopCount = CRASH_LOOP_COUNT,
    loopWindowMs = CRASH_LOOP_WINDOW_MS,
    readyTimeoutMs = READY_TIMEOUT_MS,
    onEvent = () => {},
    stderr = process.stderr,
    now = Date.now,
    env = process.env,
  } = options;
  let port = options.port ?? 0;
  let dataDir = dataDirFromArgs(hostArgs);
  /** @type {import('node:child_process').ChildProcess | null} */
  let child = null;
  let stopping = false;
  let everReady = false;
  let starts = 0;
  /** @type {NodeJS.Timeout | null} */
  let restartTimer = null;
  /** @type {http.Server | null} */
  let notice = null;
  /** @type {{ at: number, code: number | null, signal: string | null }[]} */
  const exits = [];

  let resolveFirst;
  let rejectFirst;
  const firstReady = new Promise((resolve, reject) => {
    resolveFirst = resolve;
    rejectFirst = reject;
  });
  firstReady.catch(() => {}); // whoever waits on it sees the rejection; nobody waiting is no error
  let resolveOutcome;
  let settled = false;
  const outcome = new Promise((resolve) => (resolveOutcome = resolve));
  const settle = (result) => {
    if (settled) return;
    settled = true;
    resolveOutcome(result);
  };
  const crashLogFile = () => (dataDir ? path.join(dataDir, CRASH_LOG_FILE) : null);

  function start() {
    starts += 1;
    const proc = spawn(process.execPath, [hostBundle, ...hostArgs, '--port', String(port), '--secret-stdin'], {
      cwd: root,
      stdio: ['pipe', 'pipe', 'pipe'],
      env,
    });
    child = proc;
    // A host that dies before reading its stdin breaks the pipe: its exit is what counts, not the EPIPE.
    proc.stdin.on('error', () => {});
    proc.stdin.end(`${secret}\n`);
    let tail = '';
    proc.stderr.on('data', (chunk) => {
      stderr.write(chunk);
      tail = (tail + String(chunk)).slice(-STDERR_TAIL_BYTES);
    });
    const readyTimer = setTimeout(() => {
      tail += `\n(no ready line in ${readyTimeoutMs} ms: killed)\n`;
      proc.kill('SIGKILL');
    }, readyTimeoutMs);
    const restart = starts - 1;
    readline.createInterface({ input: proc.stdout }).on('line', (line) => {
      let msg = null;
      if (line.startsWith('{')) {
        try {
          msg = JSON.parse(line);
        } catch {
          msg = null;
        }
      }
      if (msg?.event === 'ready') {
        clearTimeout(readyTimer);
        if (typeof msg.dataDir === 'string') dataDir = msg.dataDir;
        const first = !everReady;
        everReady = true;
        onEvent({ type: 'ready', ready: msg, restart, pid: proc.pid });
        if (first) resolveFirst(msg);
      } else if (msg?.event === 'client') {
        onEvent({ type: 'client', role: msg.role });
      } else {
        onEvent({ type: 'line', line, restart });
      }
    });
    proc.on('exit', (code, signal) => {
      clearTimeout(readyTimer);
      if (child === proc) child = null;
      exited({ at: now(), code, signal }, tail);
    });
    // A process that could not even be started sends no 'exit': count it as a failed start.
    proc.on('error', (e) => {
      tail += `\n${e.message}\n`;
      if (proc.pid !== undefined) return;
      clearTimeout(readyTimer);
      if (child === proc) child = null;
      exited({ at: now(), code: 1, signal: null }, tail);
    });
  }

  function exited(exit, tail) {
    if (stopping || exit.code === 0) {
      // Stopped on purpose: by us, or by someone who sent the host SIGTERM/SIGINT (Ctrl+C reaches both).
      onEvent({ type: 'stopped', ...exit });
      return settle({ reason: 'stopped', code: 0, exits: [...exits] });
    }
    exits.push(exit);
    if (exit.code === EXIT_TILL_ERROR || exit.code === EXIT_USAGE) {
      return giveUp(exit.code === EXIT_TILL_ERROR ? 'till-error' : 'usage', hostMessageFrom(tail));
    }
    appendCrashLog(crashLogFile(), exit, tail);
    const recent = exits.filter((e) => exit.at - e.at < loopWindowMs);
    if (recent.length >= loopCount) return giveUp('crash-loop', '');
    onEvent({ type: 'exit', ...exit, restartInMs: restartDelayMs });
    restartTimer = setTimeout(() => {
      restartTimer = null;
      if (!stopping) start();
    }, restartDelayMs);
  }

  function giveUp(reason, hostMessage) {
    const code = reason === 'crash-loop' ? 'HOST_CRASH_LOOP' : reason === 'till-error' ? 'HOST_TILL_ERROR' : 'HOST_USAGE';
    const result = {
      reason,
      code: reason === 'crash-loop' ? 1 : reason === 'till-error' ? EXIT_TILL_ERROR : EXIT_USAGE,
      exits: [...exits],
      message: { code, ...SUPERVISOR_MESSAGES[code], hostMessage, crashLog: reason === 'crash-loop' ? crashLogFile() : null },
    };
    onEvent({ type: 'gave-up', ...result });
    if (!everReady) {
      rejectFirst(Object.assign(new Error(`${result.message.en}\n${hostMessage}`), { outcome: result }));
      return settle(result);
    }
    // The till's page is open on this port: a reload there now says what happened.
    serveNotice(port, result.message, result.exits).then(
      (server) => {
        if (stopping) server.close();
        else notice = server;
        settle(result);
      },
      (e) => {
        onEvent({ type: 'notice-failed', error: e.message });
        settle(result);
      },
    );
  }

  return {
    secret,
    get port() {
      return port;
    },
    get pid() {
      return child?.pid ?? null;
    },
    get noticeServing() {
      return notice !== null;
    },
    firstReady,
    outcome,
    async begin() {
      if (!port) port = await freePort();
      start();
      return firstReady;
    },
    async stop() {
      stopping = true;
      if (restartTimer) clearTimeout(restartTimer);
      restartTimer = null;
      const proc = child;
      if (proc && proc.exitCode === null && proc.signalCode === null) {
        const gone = new Promise((resolve) => proc.once('exit', resolve));
        proc.kill('SIGTERM');
        const killer = setTimeout(() => proc.kill('SIGKILL'), STOP_TIMEOUT_MS);
        await gone;
        clearTimeout(killer);
      }
      if (notice) await new Promise((resolve) => notice.close(() => resolve(undefined)));
      notice = null;
      settle({ reason: 'stopped', code: 0, exits: [...exits] });
    },
  };
}

/** Best effort: a crash log that cannot be written must never stop the restart. */
function appendCrashLog(file, exit, tail) {
  if (!file) return;
  try {
    try {
      if (fs.statSync(file).size > CRASH_LOG_MAX_BYTES) fs.renameSync(file, `${file}.1`);
    } catch {
      // no log yet
    }
    fs.appendFileSync(file, `${new Date(exit.at).toISOString()} the browser host ended (${describeExit(exit)}); its last output:\n${tail}\n\n`, { mode: 0o600 });
  } catch {
    // the disk may be what failed
  }
}

const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The page the supervisor serves once it has given up: Arabic first, then English; nothing secret in it. */
export function noticeHtml(message, exits) {
  const list = exits.map((e) => `<li>${escapeHtml(new Date(e.at).toISOString())} — ${escapeHtml(describeExit(e))}</li>`).join('');
  const extra = [message.hostMessage ? `<pre>${escapeHtml(message.hostMessage)}</pre>` : '', message.crashLog ? `<p><code>${escapeHtml(message.crashLog)}</code></p>` : ''].join('');
  return `<!doctype html>
<html lang="ar" dir="rtl" translate="no">
<meta charset="utf-8">
<meta name="google" content="notranslate">
<title>نقطة — Nuqta POS</title>
<style>body{font-family:sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.7}section{margin-bottom:2rem}pre,code{direction:ltr;unicode-bidi:embed}pre{white-space:pre-wrap}</style>
<section lang="ar" dir="rtl"><h1>نقطة البيع متوقفة</h1><p>${escapeHtml(message.ar)}</p>${extra}</section>
<section lang="en" dir="ltr"><h1>The till has stopped</h1><p>${escapeHtml(message.en)}</p>${extra}</section>
<section dir="ltr"><ul>${list}</ul><p>(${escapeHtml(message.code)})</p></section>
</html>
`;
}

/**
 * Serves the notice page on 127.0.0.1:`port` (its own host names only, like the host) and refuses the
 * page's WebSocket reconnects, so nothing there looks like a till that answers.
 */
export function serveNotice(port, message, exits) {
  const body = noticeHtml(message, exits);
  const allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const server = http.createServer((req, res) => {
    if (!allowedHosts.has(req.headers.host ?? '')) return void res.writeHead(421).end();
    if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405).end();
    res.writeHead(503, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  server.on('upgrade', (_req, socket) => {
    socket.on('error', () => socket.destroy());
    socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n\r\n');
  });
  server.on('clientError', (_e, socket) => socket.destroy());
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      server.on('error', () => {});
      resolve(server);
    });
  });
}
