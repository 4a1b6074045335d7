import type { Migration } from '../../migrations/migration';

/**
 * The first shape of an authority file (`.mapio-la`): the returns imported from schools, the officer's
 * mapping of intervention names, and each school's published (Section 52) ALN allocation.
 *
 * A return is kept whole, as the canonical JSON the school's Mapio wrote (checked on import against its
 * SHA-256), with the columns the authority searches by beside it. One return per school and academic
 * year: a second is refused as a duplicate unless the officer chooses to replace it.
 */
export const migration: Migration = {
  version: 100,
  why: 'An authority file holds the returns imported from schools, the officer’s name mapping and published allocations.',
  up(db) {
    db.exec(`
      CREATE TABLE mapio_meta (
        key TEXT PRIMARY KEY NOT NULL,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE school_returns (
        id INTEGER PRIMARY KEY,
        school_key TEXT NOT NULL CHECK (length(school_key) > 0),
        academic_year TEXT NOT NULL CHECK (academic_year GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
        school_name TEXT NOT NULL,
        file_name TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        format_version INTEGER NOT NULL,
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        content TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX school_returns_school_year ON school_returns (school_key, academic_year);

      CREATE TABLE intervention_mappings (
        normalised_name TEXT PRIMARY KEY NOT NULL CHECK (length(normalised_name) > 0),
        canonical_name TEXT NOT NULL CHECK (length(canonical_name) > 0),
        set_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE published_allocations (
        school_key TEXT NOT NULL,
        academic_year TEXT NOT NULL,
        amount_pence INTEGER NOT NULL CHECK (amount_pence >= 0),
        source TEXT NOT NULL,
        PRIMARY KEY (school_key, academic_year)
      ) STRICT;
    `);
  },
};
