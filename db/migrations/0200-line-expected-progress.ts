import type { Migration } from './migration';

/**
 * Impact: each intervention line may say how much progress a learner is expected to make on
 * its measure (exit − entry, in the measure's unit: 6 = six months of reading age), so Mapio can show
 * the share of learners who made it. REAL because measures are not money and may be decimals; NULL =
 * not set, which is what every line in an older file becomes.
 */
export const migration: Migration = {
  version: 200,
  why: 'Impact: a line records the progress expected on its measure, so the share who made it can be shown.',
  up(db) {
    db.exec('ALTER TABLE lines ADD COLUMN expected_progress REAL');
  },
};
