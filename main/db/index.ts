export { openDatabase, type Db, type OpenOptions } from './open';
export { isDamagedFileError } from './damaged';
export { runMigrations, schemaVersion, latestVersion, type Migration } from './migrate';
export { migrations } from './migrations';
export { parseJsonColumn, parseJsonColumnOrNull } from './json-column';
export { writeRelaxed } from './relaxed-write';
export { tableRow, type RowOf, type RowQuery, type TableRow } from './row';
export { DAILY_TOTAL_TYPES } from './migrations/0240-daily-totals';
export { rederiveDailyTotals, discountsOfSales } from './migrations/0270-daily-discounts';
