// The printing parts that load native modules: the Skia canvas renderer (@napi-rs/canvas) and the serial
// transport (serialport). Kept out of ./index so importing the printing core never loads them. Bundles
// using this file need `external: ['@napi-rs/canvas', 'serialport']` and `asarUnpack: ['**/*.node']`.
export { renderBlocks, ensureFonts, defaultFontsDir, loadLogo, type RenderOptions } from './render';
export { renderReceipt, renderCardSlip } from './documents';
export { createSerialTransport, type SerialTransportOptions } from './transport/serial';
