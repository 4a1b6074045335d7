import type { Migration } from './migration';

/**
 * Scenarios: named copies of the school year kept inside the school file ("grant ends",
 * "two fewer TAs"), so leaders can try options without touching the baseline's tables. Each row holds
 * the whole year as an interchange document (shared/interchange.ts), read back with full validation.
 * `kind` says how it began: a copy of the baseline or next year rolled forward.
 * IF NOT EXISTS: a file already holding the table (made by a newer build of this same shape) is left as it is.
 */
export const migration: Migration = {
  version: 300,
  why: 'Scenarios: named copies of the year kept in the file, so options can be tried without changing the baseline.',
  up(db) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS scenarios (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        kind TEXT NOT NULL CHECK (kind IN ('copy', 'roll_forward')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        year_json TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX IF NOT EXISTS scenarios_by_name ON scenarios (name COLLATE NOCASE);
    `);
  },
};
