import type { Migration } from './migration';

/**
 * The Welsh name of an authority the school typed rather than chose from the 22 (`local_authority_cy`), so
 * Welsh documents can name it in Welsh as they name a chosen one (docs/welsh.md). It starts empty for every
 * file: a Welsh reader sees the English name the school typed until it gives the Welsh. No figure moves.
 */
export const migration: Migration = {
  version: 1100,
  why: 'Welsh authority name: the Welsh name of an authority the school typed rather than chose.',
  up(db) {
    db.exec(`ALTER TABLE school ADD COLUMN local_authority_cy TEXT NOT NULL DEFAULT '';`);
  },
};
