// A real till on a real SQLite file in a temp folder, driven through the same dispatcher the shells use.
import type { MethodInput, MethodName, MethodOutput, Result } from '../../preload/contract';
import { startTill, type RunningTill, type TillOptions } from '../../main/app';
import { seedKeptSimulatorPki } from './kept-pki';
import { tempDir } from './tmp';

export const DEMO = {
  milk: { barcode: '6281000000014', price: 650 },
  bread: { barcode: '6281000000021', price: 500 },
  dates: { barcode: '6281000000038', price: 3500 },
  coffee: { barcode: '6281000000045', price: 2775 },
  water: { barcode: '6281000000052', price: 100 },
} as const;

export interface TestTill {
  till: RunningTill;
  dir: string;
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  attempt<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>>;
  restart(): Promise<void>;
  close(): Promise<void>;
}

export interface TestTillSupport {
  /** The till makes its STC Pay simulator certificates itself at its first start, instead of finding the run's set. */
  ownSimulatorPki?: boolean;
}

export async function startTestTill(dir?: string, options: Partial<TillOptions> = {}, support: TestTillSupport = {}): Promise<TestTill> {
  const tmp = dir ? { dir, cleanup: () => {} } : tempDir();
  // The run's STC Pay simulator certificates, unless the test brings its own simulators (test/support/kept-pki.ts).
  if (!support.ownSimulatorPki && !options.simulators && !options.provisionFile) seedKeptSimulatorPki(tmp.dir);
  const start = () => startTill({ host: 'browser', dataDir: tmp.dir, paymentRecoveryDelaysMs: [50, 100, 200], provisionFile: null, ...options });
  let till = await start();
  const attempt = async <M extends MethodName>(method: M, input: MethodInput<M>) =>
    (await till.dispatch(method, input)) as Result<MethodOutput<M>>;
  return {
    get till() {
      return till;
    },
    dir: tmp.dir,
    attempt,
    async call(method, input) {
      const result = await attempt(method, input);
      if (!result.ok) throw new Error(`${method} failed: ${result.error.code}`);
      return result.value;
    },
    async restart() {
      await till.close();
      till = await start();
    },
    async close() {
      await till.close();
      tmp.cleanup();
    },
  };
}
