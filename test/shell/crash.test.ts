// When main fails it relaunches (the open sale is in the ledger, so it comes back as it was); a crash loop
// (three within two minutes) is shown, not spun; a window whose renderer dies is reloaded, within a bound.
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { methodChannel } from '../../preload/contract';
import { CRASH_HISTORY_FILE, CRASH_LOG_FILE, installCrashGuard } from '../../main/shell';
import { RELOAD_LIMIT } from '../../main/shell/renderer-watch';
import { createFakeElectron, CUSTOMER_DISPLAY, PRIMARY_DISPLAY, type FakeElectron } from './fake-electron';
import { emptySale } from './fake-till';
import { goodEvent, quietLog, startWithFakes } from './harness';

const T0 = Date.parse('2025-01-01T09:00:00Z');
const SECOND = 1000;
const MINUTE = 60 * SECOND;

let dataDir: string;
beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nuqta-crash-'));
});
afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

/** One run of the app: a fresh electron and process (each relaunch is a new process), the same data folder. */
function launch(at: number, dir = dataDir) {
  const electron = createFakeElectron();
  const proc = new EventEmitter();
  const clock = { ms: at };
  const log = quietLog();
  const guard = installCrashGuard(electron, { dataDir: dir, now: () => clock.ms, log, process: proc });
  const crash = (error: unknown = new Error('boom')) => proc.emit('uncaughtException', error);
  return { electron, proc, clock, log, guard, crash };
}

const history = (): number[] =>
  (JSON.parse(fs.readFileSync(path.join(dataDir, CRASH_HISTORY_FILE), 'utf8')) as { crashes: number[] }).crashes;
const mode = (file: string) => fs.statSync(file).mode & 0o777;
const relaunched = (electron: FakeElectron) =>
  electron.calls.filter((c) => c === 'app.relaunch' || c.startsWith('app.exit'));

describe('a failure in main', () => {
  it('an uncaught exception is logged, recorded, and the app relaunches', () => {
    const { electron, log, crash } = launch(T0);
    const error = new Error('boom');
    crash(error);
    expect(relaunched(electron)).toStrictEqual(['app.relaunch', 'app.exit(1)']);
    expect(electron.state.exitCode).toBe(1);
    expect(electron.errorBoxes).toStrictEqual([]);
    expect(log.error).toHaveBeenCalledWith('uncaught exception in main', error);
    expect(history()).toStrictEqual([T0]);
    expect(mode(path.join(dataDir, CRASH_HISTORY_FILE))).toBe(0o600);
    const crashLog = path.join(dataDir, CRASH_LOG_FILE);
    expect(fs.readFileSync(crashLog, 'utf8')).toContain('2025-01-01T09:00:00.000Z uncaught exception in main\nError: boom');
    expect(mode(crashLog)).toBe(0o600);
  });

  it('an unhandled rejection relaunches too', () => {
    const { electron, proc } = launch(T0);
    proc.emit('unhandledRejection', new Error('nobody caught me'), Promise.resolve());
    expect(relaunched(electron)).toStrictEqual(['app.relaunch', 'app.exit(1)']);
    expect(fs.readFileSync(path.join(dataDir, CRASH_LOG_FILE), 'utf8')).toContain('unhandled promise rejection in main');
  });

  it('a second failure while the first is handled does not relaunch twice', () => {
    const { electron, crash } = launch(T0);
    crash();
    crash(new Error('again, during exit'));
    expect(relaunched(electron)).toStrictEqual(['app.relaunch', 'app.exit(1)']);
    expect(history()).toStrictEqual([T0]);
  });

  it('the crash log has no secrets', () => {
    const { crash } = launch(T0);
    crash(new Error('provider said no: apiKey=sk_live_0123456789abcdef'));
    const text = fs.readFileSync(path.join(dataDir, CRASH_LOG_FILE), 'utf8');
    expect(text).not.toContain('sk_live_0123456789abcdef');
    expect(text).toContain('[REDACTED]');
  });

  it('an unreadable history counts as none: the app still relaunches', () => {
    fs.writeFileSync(path.join(dataDir, CRASH_HISTORY_FILE), '{not json');
    const { electron, crash } = launch(T0);
    crash();
    expect(relaunched(electron)).toStrictEqual(['app.relaunch', 'app.exit(1)']);
    expect(history()).toStrictEqual([T0]);
  });
});

describe('a crash loop', () => {
  it('the third crash within two minutes is not relaunched: a bilingual box, Arabic first, says where the log is', () => {
    const first = launch(T0);
    first.crash();
    const second = launch(T0 + 20 * SECOND);
    second.crash();
    expect([first, second].map((run) => run.electron.state.relaunches)).toStrictEqual([1, 1]);

    const third = launch(T0 + 40 * SECOND);
    third.crash();
    expect(third.electron.state.relaunches).toBe(0);
    expect(third.electron.calls).not.toContain('app.relaunch');
    expect(third.electron.state.exitCode).toBe(1);
    expect(third.electron.errorBoxes).toHaveLength(1);
    const { title, content } = third.electron.errorBoxes[0]!;
    expect(title).toBe('Nuqta POS — نقطة');
    const arabic = content.indexOf('توقفت نقطة البيع بعد أعطال متكررة');
    const english = content.indexOf('The till stopped after repeated failures');
    expect(arabic).toBe(0);
    expect(english).toBeGreaterThan(arabic);
    const logFile = path.join(dataDir, CRASH_LOG_FILE);
    expect(third.guard.logFile).toBe(logFile);
    // Named in both languages, and it really holds the three failures.
    expect(content.slice(arabic, english)).toContain(logFile);
    expect(content.slice(english)).toContain(logFile);
    expect(content).toContain('TILL_CRASH_LOOP');
    expect(fs.readFileSync(logFile, 'utf8').match(/uncaught exception in main/g)).toHaveLength(3);
  });

  it('three crashes spread over more than two minutes are not a loop', () => {
    launch(T0).crash();
    launch(T0 + 70 * SECOND).crash();
    const third = launch(T0 + 140 * SECOND);
    third.crash();
    expect(third.electron.state.relaunches).toBe(1);
    expect(third.electron.errorBoxes).toStrictEqual([]);
    expect(history()).toStrictEqual([T0 + 70 * SECOND, T0 + 140 * SECOND]);
  });

  it('started again by hand inside the two minutes, a fourth crash is still shown, not relaunched', () => {
    for (const s of [0, 10, 20]) launch(T0 + s * SECOND).crash();
    const byHand = launch(T0 + 30 * SECOND);
    byHand.crash();
    expect(byHand.electron.state.relaunches).toBe(0);
    expect(byHand.electron.errorBoxes).toHaveLength(1);
  });

  it('a clean start after a quiet spell clears the history', () => {
    launch(T0).crash();
    launch(T0 + 10 * SECOND).crash();
    expect(history()).toHaveLength(2);
    const later = launch(T0 + 3 * MINUTE);
    expect(fs.existsSync(path.join(dataDir, CRASH_HISTORY_FILE))).toBe(false);
    later.crash();
    expect(later.electron.state.relaunches).toBe(1);
    expect(history()).toStrictEqual([T0 + 3 * MINUTE]);
  });

  it('a crash that cannot be recorded is shown, not relaunched blind (it could spin forever)', () => {
    // A data "folder" that is a file: nothing can be written under it, whoever runs the test.
    const notAFolder = path.join(dataDir, 'file');
    fs.writeFileSync(notAFolder, '');
    const run = launch(T0, notAFolder);
    run.crash();
    expect(run.electron.state.relaunches).toBe(0);
    expect(run.electron.errorBoxes).toHaveLength(1);
    expect(run.electron.state.exitCode).toBe(1);
    expect(run.log.error).toHaveBeenCalledWith('could not record the crash; not relaunching', expect.any(Error));
  });
});

describe('a window whose renderer dies', () => {
  const loads = (electron: FakeElectron, url: string) => electron.calls.filter((c) => c === `loadURL ${url}`).length;

  it('the till window is reloaded, and the page finds main and the sale as they were', async () => {
    const { electron, win, till, log, onFatal } = await startWithFakes();
    expect(loads(electron, 'app://nuqta/index.html')).toBe(1);
    win.webContents.renderProcessGone('crashed', 139);
    expect(loads(electron, 'app://nuqta/index.html')).toBe(2);
    expect(log.error).toHaveBeenCalledWith('the till window failed (renderer crashed, exit code 139); reloading it');
    expect(onFatal).not.toHaveBeenCalled();
    expect(await electron.invoke(methodChannel('getSale'), goodEvent(win), {})).toStrictEqual({ ok: true, value: emptySale });
    expect(till.close).not.toHaveBeenCalled();
  });

  it.each(['oom', 'killed', 'abnormal-exit', 'launch-failed'] as const)('reloads after %s too', async (reason) => {
    const { electron, win } = await startWithFakes();
    win.webContents.renderProcessGone(reason);
    expect(loads(electron, 'app://nuqta/index.html')).toBe(2);
  });

  it('a renderer that ended cleanly (its window closing) is not reloaded', async () => {
    const { electron, win } = await startWithFakes();
    win.webContents.renderProcessGone('clean-exit', 0);
    expect(loads(electron, 'app://nuqta/index.html')).toBe(1);
  });

  it(`after ${RELOAD_LIMIT} reloads within two minutes the next death goes to the crash guard instead`, async () => {
    const { electron, win, clock, onFatal } = await startWithFakes();
    for (let i = 0; i < RELOAD_LIMIT; i += 1) {
      win.webContents.renderProcessGone('crashed');
      clock.ms += 10 * SECOND;
    }
    expect(loads(electron, 'app://nuqta/index.html')).toBe(1 + RELOAD_LIMIT);
    expect(onFatal).not.toHaveBeenCalled();
    win.webContents.renderProcessGone('crashed');
    expect(loads(electron, 'app://nuqta/index.html')).toBe(1 + RELOAD_LIMIT);
    expect(onFatal).toHaveBeenCalledOnce();
    expect(onFatal.mock.calls[0]?.[0]).toContain('the till window kept failing');
    // Once handed over, later deaths do not call the guard again.
    win.webContents.renderProcessGone('crashed');
    expect(onFatal).toHaveBeenCalledOnce();
  });

  it('reloads spread over more than two minutes are not counted against the bound', async () => {
    const { electron, win, clock, onFatal } = await startWithFakes();
    for (let i = 0; i < RELOAD_LIMIT + 2; i += 1) {
      win.webContents.renderProcessGone('crashed');
      clock.ms += 50 * SECOND;
    }
    expect(loads(electron, 'app://nuqta/index.html')).toBe(1 + RELOAD_LIMIT + 2);
    expect(onFatal).not.toHaveBeenCalled();
  });

  it('the GPU process dying reloads the till window; another child process only is logged', async () => {
    const { electron, log } = await startWithFakes();
    electron.childProcessGone({ type: 'Utility', name: 'Audio Service', reason: 'crashed', exitCode: 1 });
    expect(loads(electron, 'app://nuqta/index.html')).toBe(1);
    expect(log.warn).toHaveBeenCalledWith('child process gone: Utility Audio Service (crashed)');
    electron.childProcessGone({ type: 'GPU', reason: 'crashed', exitCode: 1 });
    expect(loads(electron, 'app://nuqta/index.html')).toBe(2);
    electron.childProcessGone({ type: 'GPU', reason: 'clean-exit', exitCode: 0 });
    expect(loads(electron, 'app://nuqta/index.html')).toBe(2);
  });

  it('the customer display is reloaded; one that keeps dying is closed and the till sells on', async () => {
    const url = 'app://nuqta/index.html#view=customer';
    const { electron, shell, customer, win, onFatal } = await startWithFakes({ displays: [PRIMARY_DISPLAY, CUSTOMER_DISPLAY] });
    if (!customer) throw new Error('no customer window');
    customer.webContents.renderProcessGone('crashed');
    expect(loads(electron, url)).toBe(2);
    for (let i = 1; i < RELOAD_LIMIT; i += 1) customer.webContents.renderProcessGone('crashed');
    expect(loads(electron, url)).toBe(1 + RELOAD_LIMIT);
    customer.webContents.renderProcessGone('crashed');
    expect(customer.destroyed).toBe(true);
    expect(shell.customerWindow).toBeNull();
    expect(onFatal).not.toHaveBeenCalled();
    expect(win.destroyed).toBe(false);
    expect(electron.state.quit).toBe(false);
    expect(loads(electron, 'app://nuqta/index.html')).toBe(1);
  });

  it('a window already closed is not reloaded', async () => {
    const { electron, win } = await startWithFakes();
    win.close();
    await vi.waitFor(() => expect(electron.state.quit).toBe(true), { timeout: 10_000 });
    win.webContents.renderProcessGone('crashed');
    expect(loads(electron, 'app://nuqta/index.html')).toBe(1);
  });
});
