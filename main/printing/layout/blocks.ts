// The receipt as a list of blocks: what to print, not how. The layout builders (receipt.ts, card-slip.ts)
// produce them from stored data; the renderer turns them into one bitmap. Keeping this model separate lets
// the UI preview, tests and other renderers share the exact content the printer gets.

export type TextSize = 'small' | 'normal' | 'large' | 'title';
export type Align = 'left' | 'center' | 'right';

/** A run of text with one style. Direction is found from the text: any Arabic letter makes it RTL. */
export interface Span {
  text: string;
  size?: TextSize;
  bold?: boolean;
}

export type Block =
  /** One paragraph, wrapped at word boundaries. `invert` prints white on a black bar (copy markers). */
  | { kind: 'text'; text: string; align: Align; size?: TextSize; bold?: boolean; invert?: boolean }
  /**
   * Label and amount. The Arabic label sits at the right edge and the value at the left, as on an RTL
   * receipt; `labelEn` goes just left of the Arabic label when both fit on the line, else under it.
   * A label with no Arabic (and no `labelEn`) is laid out the English way: label left, value right.
   */
  | { kind: 'pair'; label: string; labelEn?: string; value: string; size?: TextSize; bold?: boolean }
  /**
   * A table row. `cells[0]` is the RIGHTMOST cell (reading order of an Arabic receipt); `width` is the share
   * of the printable width. Each cell holds lines (e.g. Arabic name, then the English name small) and wraps.
   */
  | { kind: 'columns'; cells: Cell[] }
  | { kind: 'separator'; style: 'solid' | 'dashed' | 'double' }
  /** A QR symbol, centred. `moduleDots` defaults to what fits the paper width. */
  | { kind: 'qr'; data: string; moduleDots?: number }
  /**
   * A Code128 barcode (sets B and C), centred with its quiet zones, bars `heightDots` tall (default: what the
   * paper width gives). Each module is as many whole dots as fit (at least 2 wherever the symbol allows it).
   */
  | { kind: 'barcode'; data: string; heightDots?: number }
  /** The shop logo from resources/logo, centred. */
  | { kind: 'logo' }
  | { kind: 'space'; dots: number };

export interface Cell {
  lines: Span[];
  width: number;
  align: Align;
}
