// What the virtual printer understood from the byte stream. Image data is kept only until it is put on
// the simulated paper, so the command log stays small on a long-running demo till.
export type PrinterCommand =
  | { kind: 'init' }
  | { kind: 'drawer'; pin: number; onUnits: number; offUnits: number }
  | { kind: 'cut'; mode: 'partial' | 'full'; feedUnits?: number }
  | { kind: 'raster'; widthBytes: number; rows: number; mode: number }
  | { kind: 'column'; mode: number; columns: number }
  /** DLE EOT n: answered at once, even while offline. */
  | { kind: 'status-request'; n: number }
  /** GS r n: answered in sequence. */
  | { kind: 'queued-status-request'; n: number }
  | { kind: 'feed'; lines?: number; dots?: number }
  | { kind: 'line-spacing'; dots: number | null }
  /** GS L: where images start (1 horizontal motion unit = 1 dot, the default on the printers we emulate). */
  | { kind: 'left-margin'; dots: number }
  | { kind: 'newline' }
  /** Printable bytes (the till never sends text, but a test page might). */
  | { kind: 'text'; bytes: number[] }
  /** A command we skip with its parameters (alignment, fonts, ...). */
  | { kind: 'ignored'; name: string }
  | { kind: 'unknown'; byte: number };

/** A decoded command plus, for images, the dots to put on paper. */
export interface Decoded {
  command: PrinterCommand;
  /** GS v 0: rows × widthBytes, MSB first. ESC *: columns × bytesPerColumn, MSB at top. */
  data?: Uint8Array;
}
