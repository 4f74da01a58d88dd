// The print service's side of the print worker: one long-lived worker thread, started on the first job or
// receipt preview, started again after it dies (the job or preview it was rendering fails with
// PRINT_RENDER_FAILED; the till carries on), terminated by close(). Previews go to the same thread as jobs:
// one more thread would only compete with it for the till's two cores, and a preview is one receipt.
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
import { projectRoot } from '../../paths';
import type { EncodedJob } from '../escpos/job';
import { PrintServiceError } from '../service/errors';
import { withInProcessFallback } from './fallback';
import type { PreviewRequest, ReceiptImage } from './preview';
import { deserializeError, unpackJob, type RenderMessage, type ResultMessage, type WorkerInit } from './protocol';
import { inProcessRenderer, type JobRenderer, type RenderRequest } from './render-encode';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

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
  /** Jobs and previews sent to the worker and not yet answered. */
  pending(): number;
  /** Tests: terminates the current worker as if it had crashed (its jobs and previews fail; the next starts another). */
  kill(): Promise<void>;
}

type Ok = Extract<ResultMessage, { ok: true }>;

interface Pending {
  resolve(result: Ok): void;
  reject(e: Error): void;
}

export function createWorkerRenderer(options: WorkerRendererOptions = {}): WorkerRenderer {
  const file = options.file ?? printWorkerFile();
  const log = options.log ?? console;
  let worker: Worker | null = null;
  let nextId = 1;
  let closed = false;
  const pending = new Map<number, Pending>();

  /** Fails every request the worker `w` had, once, and forgets `w` so the next one starts a fresh worker. */
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
      if (msg.ok) p.resolve(msg);
      else p.reject(deserializeError(msg.error));
    });
    w.on('error', (e) => lost(w, e instanceof Error ? e.message : String(e)));
    w.on('exit', (code) => lost(w, `exited with code ${code}`));
    // An idle worker must not keep the process alive (a CLI run, a test); it is ref'd while it has work.
    w.unref();
    return w;
  }

  /** Jobs and previews share the one worker, its queue (in order) and its crash handling. */
  function send(message: DistributiveOmit<RenderMessage, 'id'>): Promise<Ok> {
    if (closed) return Promise.reject(new PrintServiceError('PRINT_RENDER_FAILED', 'print worker closed'));
    return new Promise<Ok>((resolve, reject) => {
      const id = nextId++;
      try {
        worker ??= start();
        pending.set(id, { resolve, reject });
        worker.ref();
        worker.postMessage({ ...message, id });
      } catch (e) {
        // Could not start the worker or clone the request: this request fails, the till does not. Nothing
        // will answer it, so it must not stay pending (nor keep the worker ref'd, the process alive).
        pending.delete(id);
        if (pending.size === 0) worker?.unref();
        reject(new PrintServiceError('PRINT_RENDER_FAILED', `print worker: ${e instanceof Error ? e.message : String(e)}`));
      }
    });
  }

  /** The answer's kind is the question's; anything else is a bug in the worker, not a printer problem. */
  function expectKind<K extends Ok['kind']>(kind: K): (r: Ok) => Extract<Ok, { kind: K }> {
    return (r) => {
      if (r.kind !== kind) throw new PrintServiceError('PRINT_RENDER_FAILED', `print worker answered ${r.kind} to ${kind}`);
      return r as Extract<Ok, { kind: K }>;
    };
  }

  return {
    mode: 'worker',
    async render(request: RenderRequest): Promise<EncodedJob> {
      const r = expectKind('job')(await send({ kind: 'job', request }));
      return unpackJob(r.bytes, r.lengths);
    },
    async preview(request: PreviewRequest): Promise<ReceiptImage> {
      return expectKind('preview')(await send({ kind: 'preview', request })).image;
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

/** The renderer for a print service: see the rule at the top of this file. */
export function createJobRenderer(choice: RendererChoice = 'auto', options: WorkerRendererOptions = {}): JobRenderer {
  if (choice === 'in-process') return inProcessRenderer;
  if (choice === 'worker') return createWorkerRenderer(options);
  if (useWorkerByDefault(process.env, options.file ?? printWorkerFile())) {
    return withInProcessFallback(createWorkerRenderer(options), options.log);
  }
  return inProcessRenderer;
}
