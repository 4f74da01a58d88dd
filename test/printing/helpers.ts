// Shared helpers for the printing tests.
import npos from 'npos';
import { MonoBitmap } from '../../main/printing/render/bitmap';

/** The printer the bytes are played on: its head's dots per inch and its default motion units (GS P 0 0). */
export interface PrinterModel {
  dpi: number;
  /** Default horizontal and vertical motion units per inch (Epson: x = dpi, y = 2 × dpi). */
  defaultUnits: { x: number; y: number };
}

/** An Epson-like 203 dpi head: horizontal unit one dot, vertical unit half a dot. */
export const EPSON_203: PrinterModel = { dpi: 203, defaultUnits: { x: 203, y: 406 } };
export const EPSON_180: PrinterModel = { dpi: 180, defaultUnits: { x: 180, y: 360 } };

/**
 * Plays the image commands of an ESC/POS stream as a printer would and returns the paper as one bitmap
 * `paperWidth` dots wide: each GS v 0 band printed from the left margin (GS L), one dot row per row whatever its
 * width; ESC J feeding n vertical motion units (GS P, or the model's default); ESC @ resetting both. npos finds the
 * commands and each band's size and data (its merged `raster` entry assumes every band is as wide as the first and
 * starts at the left edge, which ours are not); the bits are read at the offsets it gives. A band that would run
 * past the paper, or a feed that is not a whole number of dot rows, throws: a printer would misprint it.
 */
export async function nposRaster(
  bytes: Uint8Array,
  paperWidth = 576,
  printer: PrinterModel = EPSON_203,
): Promise<{ image: MonoBitmap; commands: string[]; bands: Array<{ width: number; height: number; left: number }>; feeds: number }> {
  const ast = await npos.parser().parse(Buffer.from(bytes));
  const commands = ast.tree.map((n) => `${n.ascii} ${n.fn ?? ''}`.trim());
  const rows: Uint8Array[] = [];
  const bands: Array<{ width: number; height: number; left: number }> = [];
  const rowBytes = Math.ceil(paperWidth / 8);
  let units = { ...printer.defaultUnits };
  let margin = 0;
  let feeds = 0;
  for (const n of ast.tree) {
    const cmd = `${n.ascii} ${n.fn ?? ''}`.trim();
    if (cmd === 'ESC @') {
      units = { ...printer.defaultUnits };
      margin = 0;
    } else if (cmd === 'GS P') {
      const x = bytes[n.offset + 2]!;
      const y = bytes[n.offset + 3]!;
      units = { x: x || printer.defaultUnits.x, y: y || printer.defaultUnits.y };
    } else if (cmd === 'GS L') {
      const dots = ((bytes[n.offset + 2]! | (bytes[n.offset + 3]! << 8)) * printer.dpi) / units.x;
      if (!Number.isInteger(dots)) throw new Error(`GS L of ${dots} dots`);
      margin = dots;
    } else if (cmd === 'ESC J') {
      const dots = (bytes[n.offset + 2]! * printer.dpi) / units.y;
      if (!Number.isInteger(dots)) throw new Error(`ESC J of ${dots} dots`);
      for (let i = 0; i < dots; i++) rows.push(new Uint8Array(rowBytes));
      feeds++;
    } else if (n.ascii === 'GS' && n.width !== undefined && n.height !== undefined && n.offset !== undefined) {
      const bandBytes = Math.ceil(n.width / 8);
      if (margin + n.width > paperWidth) throw new Error(`a band ${n.width} dots wide at ${margin} runs past ${paperWidth} dots`);
      bands.push({ width: n.width, height: n.height, left: margin });
      for (let y = 0; y < n.height; y++) {
        const row = new Uint8Array(rowBytes);
        for (let x = 0; x < n.width; x++) {
          const byte = bytes[n.offset + y * bandBytes + (x >> 3)]!;
          const at = margin + x;
          if (byte & (0x80 >> (x & 7))) row[at >> 3]! |= 0x80 >> (at & 7);
        }
        rows.push(row);
      }
    }
  }
  if (bands.length === 0) throw new Error('npos found no raster image');
  const out = new MonoBitmap(paperWidth, rows.length);
  rows.forEach((r, y) => out.data.set(r, y * rowBytes));
  return { image: out, commands, bands, feeds };
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
