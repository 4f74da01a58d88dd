// Assembles one print job: init, the receipt image (raster or column, as the profile says), feed past the
// cutter, cut, and optionally the drawer pulse. The job is returned as chunks (each at most one full-width
// band's bytes) so a sender can check the printer's status between them instead of learning about an empty roll
// only at the end.
import type { PrinterProfile } from '../profiles';
import { cut, drawerPulse, feedAndCut, feedLines, INIT, type DrawerPulse } from './commands';
import { columnStrips } from './column';
import type { MonoImage } from './image';
import { rasterBands } from './raster';

export interface JobOptions {
  /** Cut after the image (default: what the profile can do). */
  cut?: 'partial' | 'full' | 'none';
  /** Kick the drawer after the cut (cash sales). */
  drawer?: boolean | DrawerPulse;
  /** Rows per GS v 0 band (default the profile's maximum; see bandRowsForStatus when watching status). */
  bandRows?: number;
}

export interface EncodedJob {
  chunks: Uint8Array[];
  /** Total bytes of all chunks. */
  byteLength: number;
}

export function encodeImageJob(image: MonoImage, profile: PrinterProfile, options: JobOptions = {}): EncodedJob {
  if (image.width > profile.widthDots) {
    throw new RangeError(`image is ${image.width} dots wide; ${profile.name} prints ${profile.widthDots}`);
  }
  const chunks: Uint8Array[] = [INIT];
  chunks.push(
    ...(profile.image === 'raster'
      ? rasterBands(image, { bandRows: options.bandRows ?? profile.maxBandRows, leftMargin: profile.leftMargin, feedDpi: profile.feedDpi })
      : columnStrips(image)),
  );

  const cutKind = options.cut ?? profile.cut;
  if (cutKind !== 'none' && profile.cut !== 'none') {
    const kind = cutKind === 'full' || profile.cut === 'full' ? 'full' : 'partial';
    // The head sits some millimetres above the cutter: feed first, or the last lines are cut off.
    chunks.push(profile.feedCut ? feedAndCut(kind, profile.cutFeedUnits) : concat2(feedLines(profile.cutFeedLines), cut(kind)));
  } else {
    chunks.push(feedLines(profile.cutFeedLines));
  }

  if (options.drawer) {
    const pulse = options.drawer === true ? { ...profile.drawer } : options.drawer;
    chunks.push(drawerPulse(pulse));
  }
  return { chunks, byteLength: chunks.reduce((n, c) => n + c.length, 0) };
}

function concat2(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
