import type { Migration } from './migration';

/**
 * The unit of each enrolment's measure of progress in Welsh ("mis" beside "months"), beside the measure's
 * Welsh name that 0600 added (docs/welsh.md). Starts empty: a Welsh reader sees the English unit the school
 * typed until it gives the Welsh. No figure moves: the engine groups measures by their English words.
 */
export const migration: Migration = {
  version: 800,
  why: 'Welsh measure units: the unit of each enrolment’s measure of progress in Welsh.',
  up(db) {
    db.exec(`ALTER TABLE enrolments ADD COLUMN measure_unit_cy TEXT NOT NULL DEFAULT '';`);
  },
};
