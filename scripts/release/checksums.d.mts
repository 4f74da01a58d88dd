// Types for scripts/release/checksums.mjs.
export declare const SUMS_FILE: string;
export declare function sha256Sums(dir: string): Promise<string>;
export declare function writeSha256Sums(dir: string): Promise<{ file: string; text: string }>;
