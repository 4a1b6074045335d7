import type { Migration } from '../../migrations/migration';

/**
 * The authority's list of schools may give each school's name in Welsh (docs/authority-return.md, "The
 * authority's lists"): a Welsh reader then reads a listed school that has not returned by it. A list
 * imported before keeps its schools, each with no Welsh name ('') until the list is imported again.
 */
export const migration: Migration = {
  version: 400,
  why: 'The authority’s list of schools may give each school’s Welsh name, for a Welsh reader of the schools not yet returned.',
  up(db) {
    db.exec(`ALTER TABLE listed_schools ADD COLUMN name_cy TEXT NOT NULL DEFAULT '';`);
  },
};
