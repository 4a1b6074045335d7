/**
 * Test support: a school file taken back to the shape an earlier version of Mapio made, so each
 * migration's test can build the old shape, migrate it and check what it did. Each step undoes exactly
 * one migration (newest first); the data in the remaining tables is kept.
 */
import type { SqliteDatabase } from '../connection';

const UNDO: ReadonlyArray<{ from: number; sql: string }> = [
  { from: 1100, sql: 'ALTER TABLE school DROP COLUMN local_authority_cy' },
  {
    from: 1000,
    sql: `
      ALTER TABLE tiers DROP COLUMN description_cy;
      ALTER TABLE tiers DROP COLUMN description;`,
  },
  {
    from: 900,
    sql: `
      ALTER TABLE school DROP COLUMN alp_definition_source_cy;
      ALTER TABLE lines DROP COLUMN funding_note_cy;
      ALTER TABLE income_lines DROP COLUMN source_cy;`,
  },
  { from: 800, sql: 'ALTER TABLE enrolments DROP COLUMN measure_unit_cy' },
  { from: 700, sql: 'DROP TABLE governor_versions' },
  {
    from: 600,
    sql: `
      ALTER TABLE enrolments DROP COLUMN measure_name_cy;
      ALTER TABLE other_cost_lines DROP COLUMN name_cy;
      ALTER TABLE income_lines DROP COLUMN name_cy;
      ALTER TABLE lines DROP COLUMN description_cy;
      ALTER TABLE lines DROP COLUMN name_cy;
      ALTER TABLE school DROP COLUMN name_cy;`,
  },
  {
    from: 500,
    sql: `
      DROP TABLE calendar_closed_days;
      ALTER TABLE learners DROP COLUMN decided_on;
      ALTER TABLE learners DROP COLUMN referral_decider;
      ALTER TABLE learners DROP COLUMN referred_on;`,
  },
  {
    from: 400,
    sql: `
      DROP TABLE calendar_terms;
      ALTER TABLE areas DROP COLUMN name_cy;
      ALTER TABLE tiers DROP COLUMN costing;
      ALTER TABLE tiers DROP COLUMN name_cy;
      ALTER TABLE school DROP COLUMN official_number;
      ALTER TABLE school DROP COLUMN local_authority_code;`,
  },
  { from: 300, sql: 'DROP TABLE scenarios' },
  { from: 200, sql: 'ALTER TABLE lines DROP COLUMN expected_progress' },
];

/** Take an up-to-date school file back to `version` (100, 200, 300…) and mark it so. */
export function takeBackTo(db: SqliteDatabase, version: number): void {
  for (const step of UNDO) if (step.from > version) db.exec(step.sql);
  db.pragma(`user_version = ${Math.trunc(version)}`);
}
