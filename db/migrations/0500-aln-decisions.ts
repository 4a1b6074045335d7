import type { Migration } from './migration';

/**
 * The ALN Code's clock (docs/costing-rules.md, "Who has ALN" and "The decision clock"):
 * - a learner can be referred for an ALN decision: the date the school was asked or itself noticed, who
 *   must decide (the school or the local authority), and the date the decision was given;
 * - the calendar lists the days inside its terms the school is closed (INSET days, closures), which are not
 *   school days.
 * The new status "decided to have ALN, IDP being prepared" is a value of the existing status column;
 * enumerations are checked at the API door, as in 0100. No existing figure moves: every learner starts with
 * no referral and the calendar with no closed days.
 */
const ISO_DATE = `GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'`;

export const migration: Migration = {
  version: 500,
  why: 'ALN decisions: referral date, decider and decision date for learners, and closed days in the calendar.',
  up(db) {
    db.exec(`
      ALTER TABLE learners ADD COLUMN referred_on TEXT CHECK (referred_on ${ISO_DATE});
      ALTER TABLE learners ADD COLUMN referral_decider TEXT NOT NULL DEFAULT 'school';
      ALTER TABLE learners ADD COLUMN decided_on TEXT CHECK (decided_on ${ISO_DATE});

      CREATE TABLE calendar_closed_days (
        day TEXT PRIMARY KEY CHECK (day ${ISO_DATE})
      ) STRICT;
    `);
  },
};
