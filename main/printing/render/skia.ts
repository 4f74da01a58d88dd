// @napi-rs/canvas (Skia) loaded the first time something is drawn, not when the printing code is imported. Loading
// it maps about 30 MB of native code and costs 60–100 ms of CPU; the till's main process imports printing at start
// but draws receipts in the print worker, and most `nuqta` commands never draw at all.
import type * as Skia from '@napi-rs/canvas';

let loaded: typeof Skia | null = null;

export function skia(): typeof Skia {
  // A plain require, kept as one by the bundler (the package is external) and by the test runner.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require('@napi-rs/canvas') as typeof Skia;
  return loaded;
}
