import type { Migration } from '../../migrations/migration';

/**
 * The authority's own list of its schools, the per-school delegated ALN allocations it published (imported
 * from a Section 52 budget statement), and the officer's note on each school: all keyed by the school's
 * official number (the 3-digit authority code and the 4-digit school number), which a return carries.
 */
export const migration: Migration = {
  version: 300,
  why: 'The authority’s list of schools, its published allocations by official number, and the officer’s notes on each school.',
  up(db) {
    db.exec(`
      CREATE TABLE listed_schools (
        official_number TEXT PRIMARY KEY NOT NULL CHECK (official_number GLOB '[0-9][0-9][0-9][0-9][0-9][0-9][0-9]'),
        name TEXT NOT NULL CHECK (length(name) > 0),
        phase TEXT NOT NULL,
        language_medium TEXT NOT NULL
      ) STRICT;

      CREATE TABLE allocations_by_number (
        official_number TEXT NOT NULL CHECK (official_number GLOB '[0-9][0-9][0-9][0-9][0-9][0-9][0-9]'),
        academic_year TEXT NOT NULL CHECK (academic_year GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
        school_name TEXT NOT NULL,
        amount_pence INTEGER NOT NULL CHECK (amount_pence >= 0),
        source TEXT NOT NULL,
        PRIMARY KEY (official_number, academic_year)
      ) STRICT;

      CREATE TABLE school_notes (
        school_key TEXT PRIMARY KEY NOT NULL CHECK (length(school_key) > 0),
        note TEXT NOT NULL,
        set_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
