import type { Migration } from './migration';

/**
 * Welsh beside three more texts the school types that reach Welsh documents (docs/welsh.md): where an
 * income figure came from (`source_cy`), a line's funding note (`funding_note_cy`) and whose definition of
 * ALP the school applied (`alp_definition_source_cy`). All start empty: a Welsh reader sees the English the
 * school typed until it gives the Welsh. No figure moves.
 */
export const migration: Migration = {
  version: 900,
  why: 'Welsh sources and notes: where income came from, a line’s funding note and the ALP definition’s source, in Welsh.',
  up(db) {
    db.exec(`
      ALTER TABLE income_lines ADD COLUMN source_cy TEXT NOT NULL DEFAULT '';
      ALTER TABLE lines ADD COLUMN funding_note_cy TEXT NOT NULL DEFAULT '';
      ALTER TABLE school ADD COLUMN alp_definition_source_cy TEXT NOT NULL DEFAULT '';
    `);
  },
};
