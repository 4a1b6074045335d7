import { authorityNamed } from '../../shared/localAuthorities';
import { termsFromWeeks } from '../../shared/schoolTerms';
import type { Migration } from './migration';

/**
 * What a school needs to set itself up in Mapio without help (docs/calendar.md, docs/costing-rules.md):
 * - the school's official number and its local authority's 3-digit code (empty until entered; a
 *   local authority typed by hand that names one of the 22 Welsh authorities gets that authority's code);
 * - Welsh names for tiers and areas of need (a name still Mapio's English default gets Mapio's Welsh
 *   default, so Welsh readers see what they saw before);
 * - each tier's costing mode: the tier that older files called `universal` was costed per pupil on roll
 *   by a rule that recognised its id; it keeps that as its mode (`whole_school`), every other tier is
 *   `shared`, so no figure moves;
 * - the terms of the year (dates), made from the file's teaching weeks so that they make exactly the
 *   same weeks.
 * Enumerations (the costing mode) are checked at the API door, as in 0100.
 */
const ISO_DATE = `GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'`;

/** Mapio's default names as files before this version were given them, with their Welsh (written out: a migration never changes). */
const DEFAULT_WELSH_NAMES: ReadonlyArray<[english: string, welsh: string]> = [
  ['Universal', 'Cyffredinol'],
  ['Targeted', 'Wedi’i thargedu'],
  ['ALP', 'DDY'],
  ['Cognition and learning', 'Gwybyddiaeth a dysgu'],
  ['Communication and interaction', 'Cyfathrebu a rhyngweithio'],
  ['Behaviour, emotional and social development', 'Datblygiad ymddygiadol, emosiynol a chymdeithasol'],
  ['Sensory and/or physical', 'Synhwyraidd a/neu gorfforol'],
];

export const migration: Migration = {
  version: 400,
  why: 'School set-up: official number and authority code, Welsh names and costing modes for tiers, Welsh names for areas, and term dates.',
  up(db) {
    db.exec(`
      ALTER TABLE school ADD COLUMN local_authority_code TEXT NOT NULL DEFAULT ''
        CHECK (local_authority_code = '' OR (length(local_authority_code) = 3 AND local_authority_code NOT GLOB '*[^0-9]*'));
      ALTER TABLE school ADD COLUMN official_number TEXT NOT NULL DEFAULT ''
        CHECK (official_number = '' OR (length(official_number) = 7 AND official_number NOT GLOB '*[^0-9]*'));

      ALTER TABLE tiers ADD COLUMN name_cy TEXT NOT NULL DEFAULT '';
      ALTER TABLE tiers ADD COLUMN costing TEXT NOT NULL DEFAULT 'shared';
      UPDATE tiers SET costing = 'whole_school' WHERE id = 'universal';

      ALTER TABLE areas ADD COLUMN name_cy TEXT NOT NULL DEFAULT '';

      CREATE TABLE calendar_terms (
        position INTEGER PRIMARY KEY CHECK (position >= 1),
        starts_on TEXT NOT NULL CHECK (starts_on ${ISO_DATE}),
        ends_on TEXT NOT NULL CHECK (ends_on ${ISO_DATE}),
        half_term_starts_on TEXT CHECK (half_term_starts_on ${ISO_DATE}),
        half_term_ends_on TEXT CHECK (half_term_ends_on ${ISO_DATE}),
        CHECK (ends_on >= starts_on),
        CHECK ((half_term_starts_on IS NULL) = (half_term_ends_on IS NULL))
      ) STRICT;
    `);

    const welshTier = db.prepare(`UPDATE tiers SET name_cy = ? WHERE name = ?`);
    const welshArea = db.prepare(`UPDATE areas SET name_cy = ? WHERE name = ?`);
    for (const [english, welsh] of DEFAULT_WELSH_NAMES) {
      welshTier.run(welsh, english);
      welshArea.run(welsh, english);
    }

    const authority = db.prepare('SELECT local_authority FROM school WHERE id = 1').pluck().get() as string | undefined;
    const known = authority === undefined ? undefined : authorityNamed(authority);
    if (known) db.prepare('UPDATE school SET local_authority_code = ? WHERE id = 1').run(known.code);

    const weeks = db.prepare('SELECT starts_on FROM calendar_weeks ORDER BY week').pluck().all() as string[];
    const insertTerm = db.prepare('INSERT INTO calendar_terms (position, starts_on, ends_on, half_term_starts_on, half_term_ends_on) VALUES (?, ?, ?, ?, ?)');
    termsFromWeeks(weeks).forEach((t, i) => insertTerm.run(i + 1, t.startsOn, t.endsOn, t.halfTermStartsOn, t.halfTermEndsOn));
  },
};
