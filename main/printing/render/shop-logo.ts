// A shop's own receipt logo (`receipt.logoFile`): a PNG or JPEG decoded with @napi-rs/canvas, drawn on white
// (transparent parts print as paper) scaled to the printer's dot width with its aspect ratio kept and its height
// held to LOGO_MAX_HEIGHT_DOTS, then turned 1-bit by the receipt's own threshold. The result is blitted, centred,
// exactly where the built-in logo goes.
import type { Image } from '@napi-rs/canvas';
import { readLogoFile } from '../../settings';
import type { MonoBitmap } from './bitmap';
import { thresholdRgba } from './threshold';
import { skia } from './skia';

/** About 25 mm of paper at 203 dpi: a header, not a poster. */
export const LOGO_MAX_HEIGHT_DOTS = 200;
/** A decoder that neither loads nor fails (it should not happen) must not hold the print queue. */
const DECODE_TIMEOUT_MS = 5_000;

/** Why the file cannot be the logo, in both languages (the log says it; the receipt carries the built-in logo). */
export class ShopLogoError extends Error {
  constructor(
    readonly en: string,
    readonly ar: string,
  ) {
    super(en);
    this.name = 'ShopLogoError';
  }
}

export async function rasterShopLogo(file: string, widthDots: number, maxHeightDots = LOGO_MAX_HEIGHT_DOTS): Promise<MonoBitmap> {
  const checked = readLogoFile(file);
  if (!checked.ok) throw new ShopLogoError(checked.en, checked.ar);
  const image = await decode(file, checked.bytes);
  const scale = Math.min(widthDots / image.width, maxHeightDots / image.height);
  const width = Math.min(widthDots, Math.max(1, Math.round(image.width * scale)));
  const height = Math.min(maxHeightDots, Math.max(1, Math.round(image.height * scale)));
  const canvas = skia().createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(image, 0, 0, width, height);
  return thresholdRgba(ctx.getImageData(0, 0, width, height).data, width, height);
}

async function decode(file: string, bytes: Buffer): Promise<Image> {
  const damaged = (why: string) => new ShopLogoError(`${file} cannot be read as a picture (${why})`, `تعذرت قراءة ${file} كصورة (${why})`);
  let timer: NodeJS.Timeout | undefined;
  try {
    const image = await Promise.race([
      skia().loadImage(bytes),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('the decoder did not answer')), DECODE_TIMEOUT_MS);
      }),
    ]);
    if (!image.width || !image.height) throw damaged('no pixels');
    return image;
  } catch (e) {
    if (e instanceof ShopLogoError) throw e;
    throw damaged(e instanceof Error ? e.message : String(e));
  } finally {
    clearTimeout(timer);
  }
}
