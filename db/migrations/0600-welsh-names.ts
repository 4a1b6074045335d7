import type { Migration } from './migration';

/**
 * Welsh beside English for everything the school names (docs/welsh.md): the school's Welsh name, each
 * line's Welsh name and description, each income and other-cost line's Welsh name, and each enrolment's
 * measure name in Welsh. All start empty: a Welsh output uses the English text until the school gives the
 * Welsh, and lists what still lacks it. No figure moves.
 */
export const migration: Migration = {
  version: 600,
  why: 'Welsh names: the school, lines (name and description), income and other costs, and measures.',
  up(db) {
    db.exec(`
      ALTER TABLE school ADD COLUMN name_cy TEXT NOT NULL DEFAULT '';
      ALTER TABLE lines ADD COLUMN name_cy TEXT NOT NULL DEFAULT '';
      ALTER TABLE lines ADD COLUMN description_cy TEXT NOT NULL DEFAULT '';
      ALTER TABLE income_lines ADD COLUMN name_cy TEXT NOT NULL DEFAULT '';
      ALTER TABLE other_cost_lines ADD COLUMN name_cy TEXT NOT NULL DEFAULT '';
      ALTER TABLE enrolments ADD COLUMN measure_name_cy TEXT NOT NULL DEFAULT '';
    `);
  },
};
