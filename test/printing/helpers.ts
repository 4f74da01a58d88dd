// Shared helpers for the printing tests.
import npos from 'npos';
import { MonoBitmap } from '../../main/printing/render/bitmap';

/**
 * Decodes the GS v 0 rasters in an ESC/POS stream and returns them as one bitmap `paperWidth` dots wide, stacked
 * as a printer prints them: each band from the left margin, one dot row per row, whatever its own width. npos
 * finds the commands and each band's size and data (its merged `raster` entry assumes every band is as wide as
 * the first, which ours are not: bands are trimmed to their ink); the bits are read at the offsets it gives.
 */
export async function nposRaster(bytes: Uint8Array, paperWidth = 576): Promise<{ image: MonoBitmap; commands: string[]; bands: Array<{ width: number; height: number }> }> {
  const ast = await npos.parser().parse(Buffer.from(bytes));
  const commands = ast.tree.map((n) => `${n.ascii} ${n.fn ?? ''}`.trim());
  const rasters = ast.tree.filter((n) => n.ascii === 'GS' && n.width !== undefined && n.height !== undefined && n.offset !== undefined);
  if (rasters.length === 0) throw new Error('npos found no raster image');
  const bands = rasters.map((n) => ({ width: n.width!, height: n.height!, offset: n.offset! }));
  const out = new MonoBitmap(paperWidth, bands.reduce((h, b) => h + b.height, 0));
  let top = 0;
  for (const b of bands) {
    const rowBytes = Math.ceil(b.width / 8);
    for (let y = 0; y < b.height; y++) {
      for (let x = 0; x < Math.min(b.width, paperWidth); x++) {
        const byte = bytes[b.offset + y * rowBytes + (x >> 3)]!;
        if (byte & (0x80 >> (x & 7))) out.set(x, top + y, true);
      }
    }
    top += b.height;
  }
  return { image: out, commands, bands: bands.map(({ width, height }) => ({ width, height })) };
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
