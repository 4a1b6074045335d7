import type { Migration } from '../../migrations/migration';

/**
 * Schools are matched by their official number (docs/authority-return.md, "Which school a return is"):
 * a return held under its name and authority whose data carries a 7-digit official number is re-keyed
 * `school/<number>`, with its published allocations. Each return keeps the time Mapio wrote it (null
 * before return version 4), which decides which of two returns is newer; and a return replaced by a newer
 * one is remembered in `replaced_returns`, so the school's history names both files.
 */
export const migration: Migration = {
  version: 200,
  why: 'Returns are matched to a school by its official number, the newer of two returns wins, and the files replaced are kept in the school’s history.',
  up(db) {
    db.exec(`
      ALTER TABLE school_returns ADD COLUMN written_at TEXT;
      UPDATE school_returns SET written_at = json_extract(content, '$.writtenAt');

      CREATE TEMP TABLE numbered_keys AS
        SELECT DISTINCT school_key AS old_key, 'school/' || json_extract(content, '$.school.officialNumber') AS new_key
        FROM school_returns
        WHERE json_extract(content, '$.school.officialNumber') GLOB '[0-9][0-9][0-9][0-9][0-9][0-9][0-9]';
      UPDATE OR IGNORE published_allocations SET school_key = (SELECT new_key FROM numbered_keys WHERE old_key = published_allocations.school_key)
        WHERE school_key IN (SELECT old_key FROM numbered_keys);
      UPDATE OR IGNORE school_returns SET school_key = 'school/' || json_extract(content, '$.school.officialNumber')
        WHERE json_extract(content, '$.school.officialNumber') GLOB '[0-9][0-9][0-9][0-9][0-9][0-9][0-9]';
      DROP TABLE numbered_keys;

      CREATE TABLE replaced_returns (
        id INTEGER PRIMARY KEY,
        school_key TEXT NOT NULL CHECK (length(school_key) > 0),
        academic_year TEXT NOT NULL,
        school_name TEXT NOT NULL,
        file_name TEXT NOT NULL,
        written_at TEXT,
        imported_at TEXT NOT NULL,
        replaced_at TEXT NOT NULL,
        replaced_by_file TEXT NOT NULL
      ) STRICT;
      CREATE INDEX replaced_returns_school_year ON replaced_returns (school_key, academic_year);
    `);
  },
};
