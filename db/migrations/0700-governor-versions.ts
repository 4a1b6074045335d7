import type { Migration } from './migration';

/**
 * Versions presented to governors (docs/exports.md, "Versions presented to governors"): a named, dated copy
 * of the map as the governors' workbook showed it, which later edits never change. Each row holds the year
 * as an interchange document (shared/interchange.ts, read back with full validation), the scenarios the
 * workbook compared, the options and date it was made with, and the workbook's own bytes, so exporting it
 * again gives the identical file.
 * IF NOT EXISTS: a file already holding the table (made by a newer build of this same shape) is left as it is.
 */
export const migration: Migration = {
  version: 700,
  why: 'Versions presented to governors: a named, dated copy of the map and its workbook that later edits never change.',
  up(db) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS governor_versions (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        presented_on TEXT NOT NULL,
        created_at TEXT NOT NULL,
        options_json TEXT NOT NULL,
        year_json TEXT NOT NULL,
        scenarios_json TEXT NOT NULL,
        workbook BLOB NOT NULL
      ) STRICT;
    `);
  },
};
