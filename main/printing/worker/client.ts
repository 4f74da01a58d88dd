// The print service's side of the print worker: one long-lived worker thread, started on the first job,
// started again after it dies (the job it was rendering fails with PRINT_RENDER_FAILED; the till carries
// on), terminated by close().
//
// Which renderer runs ('auto'): the worker when all of these hold, else the same function in-process:
//   - NUQTA_PRINT_WORKER is not '0' (the escape hatch);
//   - this code runs from an esbuild bundle (__filename ends in '.cjs': dist/main/host.cjs, electron.cjs,
//     dist/bench/run.cjs). Vitest runs the TypeScript sources, and a Worker cannot load a '.ts' file;
//   - the built worker exists: <project root>/dist/main/print-worker.cjs (projectRoot() from
//     main/app/paths.ts resolves from the sources and from the bundles alike, both two folders deep).
// `renderer: 'worker'` skips the first two checks (tests of the built worker from the sources).
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { projectRoot } from '../../app/paths';
import type { EncodedJob } from '../escpos/job';
import { PrintServiceError } from '../service/errors';
import { deserializeError, unpackJob, type RenderMessage, type ResultMessage, type WorkerInit } from './protocol';
import { inProcessRenderer, type JobRenderer, type RenderRequest } from './render-encode';

export const printWorkerFile = (): string => path.join(projectRoot(), 'dist', 'main', 'print-worker.cjs');

export type RendererChoice = 'auto' | 'worker' | 'in-process';

export function useWorkerByDefault(env: NodeJS.ProcessEnv = process.env, file: string = printWorkerFile()): boolean {
  return env.NUQTA_PRINT_WORKER !== '0' && __filename.endsWith('.cjs') && fs.existsSync(file);
}

export interface WorkerRendererOptions {
  /** Default printWorkerFile(). */
  file?: string;
  log?: { warn(message: string, detail?: unknown): void };
}

export interface WorkerRenderer extends JobRenderer {
  readonly mode: 'worker';
  /** Jobs sent to the worker and not yet answered. */
  pending(): number;
  /** Tests: terminates the current worker as if it had crashed (its jobs fail; the next job starts another). */
  kill(): Promise<void>;
}

interface Pending {
  resolve(job: EncodedJob): void;
  reject(e: Error): void;
}

export function createWorkerRenderer(options: WorkerRendererOptions = {}): WorkerRenderer {
  const file = options.file ?? printWorkerFile();
  const log = options.log ?? console;
  let worker: Worker | null = null;
  let nextId = 1;
  let closed = false;
  const pending = new Map<number, Pending>();

  /** Fails every job the worker `w` had, once, and forgets `w` so the next job starts a fresh one. */
  function lost(w: Worker, why: string): void {
    if (worker !== w) return;
    worker = null;
    if (!closed && pending.size > 0) log.warn(`print worker lost: ${why}`);
    const jobs = [...pending.values()];
    pending.clear();
    for (const p of jobs) p.reject(new PrintServiceError('PRINT_RENDER_FAILED', `print worker lost: ${why}`));
  }

  function start(): Worker {
    const init: WorkerInit = {};
    const resourcesPath = (process as { resourcesPath?: string }).resourcesPath;
    if (resourcesPath) init.resourcesPath = resourcesPath;
    const w = new Worker(file, { workerData: init });
    w.on('message', (msg: ResultMessage) => {
      const p = pending.get(msg.id);
      if (!p) return;
      pending.delete(msg.id);
      if (pending.size === 0) w.unref();
      if (msg.ok) p.resolve(unpackJob(msg.bytes, msg.lengths));
      else p.reject(deserializeError(msg.error));
    });
    w.on('error', (e) => lost(w, e instanceof Error ? e.message : String(e)));
    w.on('exit', (code) => lost(w, `exited with code ${code}`));
    // An idle worker must not keep the process alive (a CLI run, a test); it is ref'd while it has jobs.
    w.unref();
    return w;
  }

  return {
    mode: 'worker',
    render(request: RenderRequest): Promise<EncodedJob> {
      if (closed) return Promise.reject(new PrintServiceError('PRINT_RENDER_FAILED', 'print worker closed'));
      return new Promise<EncodedJob>((resolve, reject) => {
        try {
          worker ??= start();
          const id = nextId++;
          pending.set(id, { resolve, reject });
          worker.ref();
          const message: RenderMessage = { id, request };
          worker.postMessage(message);
        } catch (e) {
          // Could not start the worker or clone the request: this job fails, the till does not.
          reject(new PrintServiceError('PRINT_RENDER_FAILED', `print worker: ${e instanceof Error ? e.message : String(e)}`));
        }
      });
    },
    pending: () => pending.size,
    async kill(): Promise<void> {
      const w = worker;
      if (!w) return;
      await w.terminate();
      lost(w, 'killed');
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      const w = worker;
      if (!w) return;
      await w.terminate();
      lost(w, 'closed');
    },
  };
}

/**
 * A worker that cannot even start (say, a packaged app that cannot load it from its archive) must not leave
 * the till unable to print: until the worker has rendered one job, a lost worker means "render this job
 * here instead" and from then on everything renders in-process. Once the worker has proved it works, a
 * crash fails only the job it had, as the worker renderer does on its own.
 */
export function withInProcessFallback(worker: JobRenderer, log: { warn(message: string, detail?: unknown): void } = console): JobRenderer {
  let proven = false;
  let gaveUp = false;
  return {
    get mode() {
      return gaveUp ? inProcessRenderer.mode : worker.mode;
    },
    async render(request: RenderRequest): Promise<EncodedJob> {
      if (gaveUp) return inProcessRenderer.render(request);
      try {
        const job = await worker.render(request);
        proven = true;
        return job;
      } catch (e) {
        const lost = e instanceof PrintServiceError && /print worker/.test(e.message);
        if (proven || !lost) throw e;
        gaveUp = true;
        log.warn('the print worker could not start; rendering receipts on the main thread from now on', e);
        void worker.close();
        return inProcessRenderer.render(request);
      }
    },
    close: () => worker.close(),
  };
}

/** The renderer for a print service: see the rule at the top of this file. */
export function createJobRenderer(choice: RendererChoice = 'auto', options: WorkerRendererOptions = {}): JobRenderer {
  if (choice === 'in-process') return inProcessRenderer;
  if (choice === 'worker') return createWorkerRenderer(options);
  if (useWorkerByDefault(process.env, options.file ?? printWorkerFile())) {
    return withInProcessFallback(createWorkerRenderer(options), options.log);
  }
  return inProcessRenderer;
}
