import type { Migration } from './migration';

/**
 * Each tier's own description for parents, in English (`description`) and Welsh (`description_cy`): the
 * sentence the statement for parents introduces the tier's section with (docs/exports.md). Both start empty
 * for every tier a file already has: the statement then says only what is true of any tier like it, never
 * Mapio's old fixed sentence about short-term catch-up, which a school's own tier may not be. No figure moves.
 */
export const migration: Migration = {
  version: 1000,
  why: 'Tier descriptions: each tier described for parents in the school’s own words, in English and Welsh.',
  up(db) {
    db.exec(`
      ALTER TABLE tiers ADD COLUMN description TEXT NOT NULL DEFAULT '';
      ALTER TABLE tiers ADD COLUMN description_cy TEXT NOT NULL DEFAULT '';
    `);
  },
};
