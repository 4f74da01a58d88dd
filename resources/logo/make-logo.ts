// Draws resources/logo/nuqta-logo.png: the word نقطة ("dot") in bold with a solid dot beside it, as a
// 1-bit PNG ready for the receipt. Run after changing it:
//   npx esbuild resources/logo/make-logo.ts --bundle --platform=node --format=cjs \
//     --external:@napi-rs/canvas --outfile=node_modules/.cache/make-logo.cjs && node node_modules/.cache/make-logo.cjs
import { createCanvas } from '@napi-rs/canvas';
import fs from 'node:fs';
import path from 'node:path';
import { ARABIC_FAMILY, ensureFonts } from '../../main/printing/render/fonts';
import { MonoBitmap } from '../../main/printing/render/bitmap';

const root = path.resolve(process.cwd());
ensureFonts(path.join(root, 'resources', 'fonts'));
const W = 240;
const H = 104;
const canvas = createCanvas(W, H);
const ctx = canvas.getContext('2d');
ctx.fillStyle = '#fff';
ctx.fillRect(0, 0, W, H);
ctx.fillStyle = '#000';
ctx.font = `bold 76px ${ARABIC_FAMILY}`;
ctx.direction = 'rtl';
ctx.textAlign = 'right';
ctx.fillText('نقطة', W - 8, 76);
// The dot of the name, left of the word, sitting on the baseline.
ctx.beginPath();
ctx.arc(34, 58, 18, 0, Math.PI * 2);
ctx.fill();
// A thin rule under both, so the mark reads as a logo rather than a line of text.
ctx.fillRect(8, 94, W - 16, 4);

const rgba = ctx.getImageData(0, 0, W, H).data;
const bmp = new MonoBitmap(W, H);
for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) bmp.set(x, y, rgba[(y * W + x) * 4]! < 128);
fs.writeFileSync(path.join(root, 'resources', 'logo', 'nuqta-logo.png'), bmp.toPng());
console.log(`wrote resources/logo/nuqta-logo.png (${W}×${H})`);
