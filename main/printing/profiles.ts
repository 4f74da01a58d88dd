// What each printer family can do. Picked by name from the till's settings (or the model string the
// installer typed); unknown names fall back to a conservative 80 mm profile. Values follow the vendors'
// ESC/POS manuals; [inferred] ones are marked and must be checked on a real unit.
import { DEFAULT_PULSE, type DrawerPulse } from './escpos/commands';
import { BAND_OVERHEAD } from './escpos/raster';

export interface PrinterProfile {
  /** Stable id stored in settings. */
  id: string;
  name: string;
  /** Printable dots per line: 576 for 80 mm paper, 384 for 58 mm (203 dpi). */
  widthDots: 576 | 384;
  /** `raster` = GS v 0; `column` = ESC * mode 33 for printers without GS v 0. */
  image: 'raster' | 'column';
  /** Rows per GS v 0 band (≤ 255 for broad support). */
  maxBandRows: number;
  /**
   * GS v 0 prints from the left margin set by GS L, in horizontal motion units that are the dot pitch by default
   * (Epson GS P default x = the head's dpi; the clones' manuals give GS L in dots). Bands are then sent only as
   * wide as their ink and placed with GS L; without it a band starts at the left edge, trimmed on the right only.
   */
  leftMargin: boolean;
  /**
   * Vertical dots per inch, for `GS P 0 n` before blank rows are fed with ESC J (one unit = one dot row; Epson's
   * default vertical unit is half a dot: y = 2 × dpi). `null`: the model's feed units are not known, and blank
   * rows go as a one-byte-wide raster, which advances the paper by exactly its rows on any printer.
   */
  feedDpi: number | null;
  /** Cutter: what kind it does, or `none` for tear-off printers. */
  cut: 'partial' | 'full' | 'none';
  /** Understands GS V 65/66 n (feed then cut). */
  feedCut: boolean;
  /** Motion units fed by GS V 66 n before the cut. */
  cutFeedUnits: number;
  /** Lines fed (ESC d) before a plain cut, or at the end when there is no cutter. */
  cutFeedLines: number;
  /** Drawer connector pins the model drives (0 = pin 2, 1 = pin 5). */
  drawerPins: ReadonlyArray<0 | 1>;
  drawer: DrawerPulse;
  /** Answers DLE EOT (real-time status). */
  status: boolean;
  /**
   * Receive buffer in bytes [inferred: 4 KiB on Epson TM-T20/T88, others similar]. While status is
   * watched, image bands are kept below it: an offline printer stops reading once its buffer is full, and
   * a DLE EOT stuck behind a larger band on the same TCP stream would never be answered.
   */
  receiveBufferBytes: number;
}

const base80: Omit<PrinterProfile, 'id' | 'name'> = {
  widthDots: 576,
  image: 'raster',
  maxBandRows: 255,
  leftMargin: true,
  feedDpi: null,
  cut: 'partial',
  feedCut: true,
  cutFeedUnits: 0,
  cutFeedLines: 4,
  drawerPins: [0, 1],
  drawer: DEFAULT_PULSE,
  status: true,
  receiveBufferBytes: 4096,
};

export const PROFILES: readonly PrinterProfile[] = [
  { ...base80, id: 'generic-80', name: 'Generic ESC/POS 80 mm', feedCut: false },
  // Epson documents GS P (and its defaults x = dpi, y = 2 × dpi) for both families: 180 dpi heads on the TM-T88, 203 dpi on the TM-T20 [inferred].
  { ...base80, id: 'epson-tm-t88', name: 'Epson TM-T88 (IV/V/VI/VII)', feedDpi: 180 },
  { ...base80, id: 'epson-tm-t20', name: 'Epson TM-T20 / TM-T82', feedDpi: 203 },
  { ...base80, id: 'xprinter-80', name: 'Xprinter XP-80 / XP-Q800 [inferred]', feedCut: false },
  { ...base80, id: 'citizen-ct-s310', name: 'Citizen CT-S310 / CT-S4000', drawer: { pin: 0, onUnits: 50, offUnits: 250 } },
  { ...base80, id: 'bixolon-srp-e300', name: 'Bixolon SRP-E300 / SRP-330II' },
  {
    ...base80,
    id: 'generic-58',
    name: 'Generic ESC/POS 58 mm (no cutter)',
    widthDots: 384,
    cut: 'none',
    feedCut: false,
    drawerPins: [0],
    status: false,
  },
  { ...base80, id: 'xprinter-58', name: 'Xprinter XP-58 [inferred]', widthDots: 384, cut: 'none', feedCut: false, status: false },
  {
    // Older impact/thermal units from before GS v 0; full cut only, no real-time status [inferred].
    ...base80,
    id: 'legacy-column-80',
    name: 'Legacy ESC/POS 80 mm (ESC * only)',
    image: 'column',
    cut: 'full',
    feedCut: false,
    status: false,
  },
];

export const DEFAULT_PROFILE_ID = 'generic-80';

/**
 * Rows per GS v 0 band so one band (GS v 0 header and GS L included) fits the printer's receive buffer; the encoder
 * also packs its commands into chunks no larger than that.
 */
export function bandRowsForStatus(profile: PrinterProfile): number {
  const rowBytes = profile.widthDots / 8;
  return Math.max(8, Math.min(profile.maxBandRows, Math.floor((profile.receiveBufferBytes - BAND_OVERHEAD) / rowBytes)));
}

// Model strings as people type them or printers report them, mapped to a family.
const MATCHERS: ReadonlyArray<[RegExp, string]> = [
  [/tm-?t88/i, 'epson-tm-t88'],
  [/tm-?t(20|82)/i, 'epson-tm-t20'],
  [/xp-?(58|5\d\b)/i, 'xprinter-58'],
  [/xp-?(80|q800|n160)/i, 'xprinter-80'],
  [/ct-?s(310|4000)/i, 'citizen-ct-s310'],
  [/srp-?(e300|330)/i, 'bixolon-srp-e300'],
  [/\b58\s?mm\b/i, 'generic-58'],
  [/column|esc\s?\*/i, 'legacy-column-80'],
];

/** A profile by id, or by a model name such as "EPSON TM-T88V"; falls back to generic 80 mm. */
export function profileByName(name: string | null | undefined): PrinterProfile {
  const wanted = (name ?? '').trim();
  const exact = PROFILES.find((p) => p.id === wanted.toLowerCase());
  if (exact) return exact;
  for (const [re, id] of MATCHERS) if (re.test(wanted)) return PROFILES.find((p) => p.id === id)!;
  return PROFILES.find((p) => p.id === DEFAULT_PROFILE_ID)!;
}
