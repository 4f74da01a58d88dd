export { renderBlocks, type RenderOptions } from './render';
export { MonoBitmap } from './bitmap';
export { encodeMonoPng, decodeMonoPng } from './png';
export { ensureFonts, defaultFontsDir, fontFor, isArabic, ARABIC_FAMILY, LATIN_FAMILY } from './fonts';
export { loadLogo, defaultLogoPath } from './logo';
export { qrMatrix, qrBitmap, type QrMatrix } from './qr';
