// Shared helpers for the printing tests.
import npos from 'npos';
import { MonoBitmap } from '../../main/printing/render/bitmap';

/** Decodes the GS v 0 rasters in an ESC/POS stream with npos and returns them as one bitmap. */
export async function nposRaster(bytes: Uint8Array): Promise<{ image: MonoBitmap; commands: string[] }> {
  const ast = await npos.parser().parse(Buffer.from(bytes));
  const commands = ast.tree.map((n) => `${n.ascii} ${n.fn ?? ''}`.trim());
  const entry = ast.entries.find((e) => e.type === 'raster');
  if (!entry) throw new Error('npos found no raster image');
  const img = entry.data as { width: number; height: number; getPixel(x: number, y: number): number };
  const out = new MonoBitmap(img.width, img.height);
  for (let y = 0; y < img.height; y++) for (let x = 0; x < img.width; x++) if (img.getPixel(x, y) === 0) out.set(x, y, true);
  return { image: out, commands };
}

export function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

export const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

/** The top `height` rows of a bitmap (a printed receipt has white feed rows after the image). */
export function topRows(image: MonoBitmap, height: number): MonoBitmap {
  return new MonoBitmap(image.width, height, image.data.slice(0, image.rowBytes * height));
}
