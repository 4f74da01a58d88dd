// Types for scripts/release/check-fuses.mjs.
export declare const FUSE_WIRE_INDEX: Readonly<Record<string, number>>;
export interface ExpectedFuse {
  name: string;
  /** Its place in Electron's fuse wire (version 1). */
  index: number;
  enabled: boolean;
}
export interface FuseCheck {
  name: string;
  expected: string;
  actual: string;
  ok: boolean;
}
/** What @electron/fuses' getCurrentFuseWire returns: the wire version and one state byte per fuse index. */
export type FuseWire = { version: string } & Record<number, number | undefined>;
export declare function readBuilderConfig(file?: string): unknown;
export declare function expectedFuses(config: unknown): ExpectedFuse[];
export declare function compareFuses(expected: ExpectedFuse[], wire: FuseWire): FuseCheck[];
