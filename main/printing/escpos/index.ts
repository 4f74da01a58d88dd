export {
  ESC,
  GS,
  DLE,
  EOT,
  LF,
  INIT,
  DEFAULT_PULSE,
  DEFAULT_LINE_SPACING,
  drawerPulse,
  cut,
  feedAndCut,
  feedLines,
  lineSpacing,
  concatBytes,
  type DrawerPulse,
  type CutKind,
} from './commands';
export { rowBytesOf, type MonoImage } from './image';
export { rasterBands, leftMarginCommand, motionUnits, feedUnits, MAX_BAND_ROWS, BAND_OVERHEAD, type RasterOptions } from './raster';
export { columnStrips, COLUMN_MODE_24_DOT, STRIP_ROWS } from './column';
export {
  statusRequest,
  isStatusByte,
  decodeStatus,
  encodeStatus,
  blockingProblems,
  STATUS_OK,
  STATUS_PRINTER,
  STATUS_OFFLINE_CAUSE,
  STATUS_ERROR_CAUSE,
  STATUS_PAPER,
  type StatusKind,
  type StatusBytes,
  type PrinterStatus,
  type PrinterProblem,
} from './status';
export { encodeImageJob, type JobOptions, type EncodedJob } from './job';
