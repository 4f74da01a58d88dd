// Types for scripts/release/sign-windows.mjs.
/** The part of electron-builder's CustomWindowsSignTaskConfiguration the hook reads. */
export interface SignTask {
  path: string;
  hash?: string;
}
export declare function signCommand(env?: NodeJS.ProcessEnv): { program: string; args: string[] };
export declare function signWith(configuration: SignTask, env?: NodeJS.ProcessEnv, timeoutMs?: number): Promise<void>;
export declare function sign(configuration: SignTask): Promise<void>;
