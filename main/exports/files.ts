// Where exports go: the till's data folder, `exports/`, under a name that says what the file is. Written to a
// temporary name and renamed, so a half-written file never carries the final name.
import fs from 'node:fs';
import path from 'node:path';
import type { ExportedFile } from '../../preload/contract';
import { exportsDir } from '../paths';
import { riyadhDateTime } from '../printing';

export function writeExport(dataDir: string, fileName: string, content: string | Buffer): ExportedFile {
  const dir = exportsDir(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const target = path.join(dir, fileName);
  const temp = `${target}.${process.pid}.part`;
  fs.writeFileSync(temp, content);
  fs.renameSync(temp, target);
  return { path: target, fileName, bytes: fs.statSync(target).size };
}

/** The shop's day (Riyadh) of an instant, `2026-12-05`. */
export const riyadhDay = (iso: string): string => riyadhDateTime(iso).date;

/** `Z-000012-2026-12-05`: the Z's number and the day it closed. */
export const zFileStem = (number: number, closedAt: string): string => `Z-${String(number).padStart(6, '0')}-${riyadhDay(closedAt)}`;

/** The shop's time of day (Riyadh) of an instant, `143012`. */
export const riyadhClock = (iso: string): string => riyadhDateTime(iso).time.replace(/\D/g, '').slice(0, 6);

/** `X-2026-12-05-143012`: an X is read at any time; the time (Riyadh) tells two apart. */
export const xFileStem = (at: string): string => `X-${riyadhDay(at)}-${riyadhClock(at)}`;
