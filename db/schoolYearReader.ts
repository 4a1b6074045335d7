/**
 * Reads a whole school year back as plain domain objects, with one prepared query per table (never one
 * per row): 2,000 learners and 2,500 enrolments read in a few milliseconds.
 * Order is deterministic: tiers and areas by sort order then id, everything else by id, and the items
 * of each list (a line's areas, staff, costs, undelivered weeks; a learner's areas) in the order they were
 * given.
 *
 * The year last read is kept and handed out again while the file is unchanged (an edit read the
 * whole year twice, once to validate and once for the view). "Unchanged" is SQLite's own word for it:
 * `PRAGMA data_version` moves when another connection commits, `total_changes()` when this one writes
 * (even a change later rolled back, which only costs a re-read). The year handed out is deeply frozen, so
 * no caller can change the copy others will be given: a change to the school goes through the database.
 *
 * After a change made through this connection (an edit, an undo), only the parts of the year whose tables
 * changed are read again; the others are the same (frozen) objects as before. TEMP triggers on every table
 * the year is read from stamp the table with `total_changes()` at each row change (the technique of the
 * undo log, db/undoHistory.ts; cascades fire them too), and the stamp never repeats, even across a
 * rolled-back transaction, so a part whose stamps are those of the last read is what the file holds. A
 * change committed through another connection (`data_version` moved) reads the whole year again.
 *
 * Of lines, learners and enrolments, the triggers also record which records changed (a child row names its
 * record: a line's areas, staff, costs and undelivered weeks their line), with the stamp. When 16 or fewer
 * records of such a part changed since the last read through this connection, only they are read (with
 * their child rows, as a whole read builds them) and spliced into the previous list by id: a record gone
 * from the file is removed, a new one put in id order, every other record is the previous object. Whenever
 * in doubt the part is read whole: the first read, a change through another connection, a read after
 * `forget()` (a rolled-back transaction), more records changed, or a table changed with no record recorded.
 * Reading the year after a line's minutes changed reads one line, not 150 nor 2,500 enrolments
 * (docs/performance.md).
 */
import type { AlncoWorkload, AreaOfNeed, Enrolment, IncomeLine, InterventionLine, Learner, OtherCostLine, School, SchoolYear, StaffMember, Term, Tier } from '../shared/domain';
import { ApiError } from '../shared/api/contract';
import type { SqliteDatabase } from './connection';
import { ENROLMENTS, INCOME, LEARNERS, LINES, OTHER_COSTS, readRecord, selectList } from './tables';

type Row = Record<string, unknown>;

/** Group child rows by their parent id, keeping the query's order. */
function byParent<T>(rows: Row[], parentKey: string, value: (row: Row) => T): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const row of rows) {
    const parent = row[parentKey] as number;
    let list = groups.get(parent);
    if (!list) groups.set(parent, (list = []));
    list.push(value(row));
  }
  return groups;
}

/** The parts of a year, each with the tables it is read from (every table the reader reads is here). */
const PARTS = {
  school: ['school'],
  calendar: ['calendar_weeks', 'calendar_closed_days', 'calendar_terms'],
  tiers: ['tiers'],
  areas: ['areas'],
  staff: ['staff'],
  lines: ['lines', 'line_areas', 'line_staff', 'line_non_staff_costs', 'line_undelivered_weeks'],
  learners: ['learners', 'learner_areas'],
  enrolments: ['enrolments'],
  income: ['income_lines'],
  otherCosts: ['other_cost_lines'],
  workload: ['alnco_workload'],
} as const satisfies Record<keyof SchoolYear, readonly string[]>;

type Part = keyof typeof PARTS;
const EVERY_PART = Object.keys(PARTS) as Part[];

/**
 * The list parts read again record by record when few of their records changed: each of the part's tables
 * with the column naming the record a row belongs to (a line's areas name their line).
 */
const RECORD_OF_ROW = {
  lines: { lines: 'id', line_areas: 'line_id', line_staff: 'line_id', line_non_staff_costs: 'line_id', line_undelivered_weeks: 'line_id' },
  learners: { learners: 'id', learner_areas: 'learner_id' },
  enrolments: { enrolments: 'id' },
} as const satisfies { [P in Part]?: Record<(typeof PARTS)[P][number], string> };

type RecordPart = keyof typeof RECORD_OF_ROW;
const RECORD_PARTS = Object.keys(RECORD_OF_ROW) as RecordPart[];

/** The part and record column of `table` when its part is read record by record. */
function recordOf(table: string): { part: RecordPart; column: string } | null {
  for (const part of RECORD_PARTS) {
    const column = (RECORD_OF_ROW[part] as Record<string, string>)[table];
    if (column !== undefined) return { part, column };
  }
  return null;
}

/**
 * More records changed than this (or than a quarter of the part) and the part is read whole: reading a
 * few records is cheaper, reading many one query per table no dearer.
 */
const MOST_RECORDS_READ_ONE_BY_ONE = 16;

/**
 * The TEMP tables of stamps and of changed records, and their triggers on the year's tables. Idempotent
 * per connection. A changed record keeps the stamp of its last change (one row per record, updated, never
 * a row per change); the triggers never meet a conflict, so no outer `OR IGNORE` or `OR ROLLBACK` can
 * change what they do.
 */
function installChangeStamps(db: SqliteDatabase): void {
  db.exec(`
    CREATE TEMP TABLE IF NOT EXISTS year_table_stamps (name TEXT PRIMARY KEY, stamp INTEGER NOT NULL) WITHOUT ROWID;
    CREATE TEMP TABLE IF NOT EXISTS year_changed_records (part TEXT NOT NULL, id INTEGER NOT NULL, stamp INTEGER NOT NULL, PRIMARY KEY (part, id)) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS temp.year_changed_records_by_stamp ON year_changed_records (part, stamp);`);
  const seed = db.prepare('INSERT OR IGNORE INTO temp.year_table_stamps (name, stamp) VALUES (?, 0)');
  for (const table of Object.values(PARTS).flat()) {
    seed.run(table);
    const record = recordOf(table);
    for (const event of ['INSERT', 'UPDATE', 'DELETE']) {
      // The record of the row before the change and after it (an update may move a row to another record).
      const rows = event === 'INSERT' ? ['NEW'] : event === 'DELETE' ? ['OLD'] : ['OLD', 'NEW'];
      const stampRecords = record
        ? rows
            .map(
              (row) => `
          UPDATE temp.year_changed_records SET stamp = total_changes() + 1 WHERE part = '${record.part}' AND id = ${row}."${record.column}";
          INSERT INTO temp.year_changed_records (part, id, stamp) SELECT '${record.part}', ${row}."${record.column}", total_changes() + 1
            WHERE NOT EXISTS (SELECT 1 FROM temp.year_changed_records WHERE part = '${record.part}' AND id = ${row}."${record.column}");`,
            )
            .join('')
        : '';
      // Table and column names are this file's own constants, never input.
      db.exec(`
        CREATE TEMP TRIGGER IF NOT EXISTS "year_stamp_${table}_${event.toLowerCase()}" AFTER ${event} ON main."${table}" BEGIN
          UPDATE temp.year_table_stamps SET stamp = total_changes() + 1 WHERE name = '${table}';${stampRecords}
        END;`);
    }
  }
}

/** Reads the year; `forget()` drops the one remembered (a transaction that read it was rolled back). */
export interface SchoolYearReader {
  (): SchoolYear;
  forget(): void;
}

/**
 * `remember: false` reads the whole year on every call (the bench's measure of a read). A year read inside
 * a transaction that is then rolled back has the same stamp as the file after the rollback, so whoever
 * rolls back must call `forget()` (SchoolFile.mutate does).
 */
export function createSchoolYearReader(db: SqliteDatabase, options: { remember?: boolean } = {}): SchoolYearReader {
  const remember = options.remember ?? true;
  const school = db.prepare(`
    SELECT name, name_cy AS nameCy, local_authority AS localAuthority, local_authority_cy AS localAuthorityCy, local_authority_code AS localAuthorityCode,
      official_number AS officialNumber, phase, number_on_roll AS numberOnRoll,
      efsm_basis_points AS efsmBasisPoints, language_medium AS languageMedium, academic_year AS academicYear,
      alp_definition_source AS alpDefinitionSource, alp_definition_source_cy AS alpDefinitionSourceCy, alp_definition_date AS alpDefinitionDate
    FROM school WHERE id = 1`);
  const weeks = db.prepare('SELECT starts_on FROM calendar_weeks ORDER BY week').pluck();
  const closedDays = db.prepare('SELECT day FROM calendar_closed_days ORDER BY day').pluck();
  const terms = db.prepare(`
    SELECT starts_on AS startsOn, ends_on AS endsOn, half_term_starts_on AS halfTermStartsOn, half_term_ends_on AS halfTermEndsOn
    FROM calendar_terms ORDER BY position`);
  const tiers = db.prepare('SELECT id, name, name_cy AS nameCy, description, description_cy AS descriptionCy, is_alp AS isAlp, costing, sort_order AS sortOrder FROM tiers ORDER BY sort_order, id');
  const areas = db.prepare('SELECT id, name, name_cy AS nameCy, sort_order AS sortOrder FROM areas ORDER BY sort_order, id');
  const staff = db.prepare(`
    SELECT id, name, role, is_placeholder AS isPlaceholder, hourly_cost_pence AS hourlyCostPence,
      basis_annual_salary_pence AS annualSalaryPence, basis_on_cost_basis_points AS onCostBasisPoints,
      basis_paid_weeks_hundredths AS paidWeeksHundredths, basis_paid_minutes_per_week AS paidMinutesPerWeek,
      contracted_minutes_per_week AS contractedMinutesPerWeek, works_in_welsh AS worksInWelsh
    FROM staff ORDER BY id`);
  if (remember) installChangeStamps(db);
  /**
   * `SELECT columns FROM table ORDER BY order`: every row (`since` null), or only the rows of the records
   * of `part` changed after the stamp `since`, in the same order.
   */
  const rowsOf = (part: RecordPart, columns: string, table: string, order: string): ((since: number | null) => Row[]) => {
    const column = (RECORD_OF_ROW[part] as Record<string, string>)[table]!;
    const every = db.prepare(`SELECT ${columns} FROM ${table} ORDER BY ${order}`);
    const changed = remember
      ? db.prepare(`SELECT ${columns} FROM ${table} WHERE ${column} IN (SELECT id FROM temp.year_changed_records WHERE part = '${part}' AND stamp > ?) ORDER BY ${order}`)
      : null;
    return (since) => (since === null ? every.all() : changed!.all(since)) as Row[];
  };
  const lines = rowsOf('lines', selectList(LINES), 'lines', 'id');
  const lineAreas = rowsOf('lines', 'line_id, area_id', 'line_areas', 'line_id, position');
  const lineStaff = rowsOf('lines', 'line_id, staff_id, count', 'line_staff', 'line_id, position');
  const lineCosts = rowsOf('lines', 'line_id, label, pence', 'line_non_staff_costs', 'line_id, position');
  const lineWeeks = rowsOf('lines', 'line_id, week', 'line_undelivered_weeks', 'line_id, position');
  const learners = rowsOf('learners', selectList(LEARNERS), 'learners', 'id');
  const learnerAreas = rowsOf('learners', 'learner_id, area_id', 'learner_areas', 'learner_id, position');
  const enrolments = rowsOf('enrolments', selectList(ENROLMENTS), 'enrolments', 'id');
  const income = db.prepare(`SELECT ${selectList(INCOME)} FROM income_lines ORDER BY id`);
  const otherCosts = db.prepare(`SELECT ${selectList(OTHER_COSTS)} FROM other_cost_lines ORDER BY id`);
  const workload = db.prepare(`
    SELECT alnco_staff_id AS alncoStaffId, idps_to_prepare AS idpsToPrepare, minutes_per_idp AS minutesPerIdp,
      idp_reviews AS idpReviews, minutes_per_review AS minutesPerReview
    FROM alnco_workload WHERE id = 1`);

  const dataVersion = db.prepare('PRAGMA data_version').pluck();
  const totalChanges = db.prepare('SELECT total_changes()').pluck();
  const tableStamps = remember ? db.prepare('SELECT name, stamp FROM temp.year_table_stamps') : null;
  const changedRecords = remember ? db.prepare('SELECT id FROM temp.year_changed_records WHERE part = ? AND stamp > ?').pluck() : null;
  let last: { version: number; changes: number; stamps: Map<string, number>; year: SchoolYear } | null = null;
  /** The year last handed out, kept through `forget()`: only its values are reused, never its staleness. */
  let handedOut: SchoolYear | null = null;

  const readSchoolYear = (): SchoolYear => {
    if (!remember) return deepFreeze(readParts(EVERY_PART, null, null));
    const version = dataVersion.get() as number;
    const changes = totalChanges.get() as number;
    if (last !== null && last.version === version && last.changes === changes) return last.year;
    return db.transaction((): SchoolYear => {
      const stamps = new Map((tableStamps!.all() as Array<{ name: string; stamp: number }>).map((r) => [r.name, r.stamp]));
      const earlier = last !== null && last.version === version ? last : null;
      const parts = earlier ? EVERY_PART.filter((part) => PARTS[part].some((table) => stamps.get(table) !== earlier.stamps.get(table))) : EVERY_PART;
      // A list part of which only a few records changed since the last read is read record by record.
      const changed = new Map<RecordPart, { since: number; ids: ReadonlySet<number> }>();
      if (earlier)
        for (const part of RECORD_PARTS) {
          if (!parts.includes(part)) continue;
          const ids = changedRecords!.all(part, earlier.changes) as number[];
          // None recorded though a table changed is a change the records cannot describe: read it whole.
          if (ids.length > 0 && ids.length <= MOST_RECORDS_READ_ONE_BY_ONE) changed.set(part, { since: earlier.changes, ids: new Set(ids) });
        }
      const year = deepFreeze(keepUnchanged(readParts(parts, earlier?.year ?? null, changed), handedOut, new Set(changed.keys())));
      last = { version, changes, stamps, year };
      handedOut = year;
      return year;
    })();
  };
  return Object.assign(readSchoolYear, {
    forget() {
      last = null;
    },
  });

  /**
   * The year with `parts` read from the file and every other part taken from `earlier` (all read when null);
   * of a part in `changed`, only the records changed since its stamp are read, into the list of `earlier`.
   */
  function readParts(parts: readonly Part[], earlier: SchoolYear | null, changed: ReadonlyMap<RecordPart, { since: number; ids: ReadonlySet<number> }> | null): SchoolYear {
    return db.transaction((): SchoolYear => {
      const year = { ...(earlier ?? {}) } as SchoolYear;
      const fresh = <P extends Part>(part: P, read: () => SchoolYear[P]) => {
        if (earlier === null || parts.includes(part)) year[part] = read();
      };
      fresh('school', () => {
        const schoolRow = school.get() as School | undefined;
        if (!schoolRow) throw new ApiError('file_corrupt', 'noSchoolDetails');
        return schoolRow;
      });
      fresh('workload', () => {
        const workloadRow = workload.get() as AlncoWorkload | undefined;
        if (!workloadRow) throw new ApiError('file_corrupt', 'noSchoolDetails');
        return workloadRow;
      });
      fresh('calendar', () => ({ weekStarts: weeks.all() as string[], terms: terms.all() as Term[], closedDays: closedDays.all() as string[] }));
      fresh('tiers', () => (tiers.all() as Row[]).map((r): Tier => ({ ...(r as unknown as Tier), isAlp: r.isAlp === 1 })));
      fresh('areas', () => areas.all() as AreaOfNeed[]);
      fresh('staff', () =>
        (staff.all() as Row[]).map((r): StaffMember => ({
          id: r.id as number,
          name: r.name as string,
          role: r.role as StaffMember['role'],
          isPlaceholder: r.isPlaceholder === 1,
          hourlyCostPence: r.hourlyCostPence as number,
          hourlyCostBasis:
            r.annualSalaryPence === null
              ? null
              : {
                  annualSalaryPence: r.annualSalaryPence as number,
                  onCostBasisPoints: r.onCostBasisPoints as number,
                  paidWeeksHundredths: r.paidWeeksHundredths as number,
                  paidMinutesPerWeek: r.paidMinutesPerWeek as number,
                },
          contractedMinutesPerWeek: r.contractedMinutesPerWeek as number,
          worksInWelsh: r.worksInWelsh === 1,
        })),
      );
      /** The records of `part`: all of them, or the changed ones spliced into the list of `earlier`. */
      const records = <P extends RecordPart>(part: P, read: (since: number | null) => SchoolYear[P]) => {
        const only = changed?.get(part);
        fresh(part, () => (only ? (spliceRecords<{ id: number }>(earlier![part], read(only.since), only.ids) as SchoolYear[P]) : read(null)));
      };
      records('lines', (since) => {
        const areasOfLine = byParent(lineAreas(since), 'line_id', (r) => r.area_id as string);
        const staffOfLine = byParent(lineStaff(since), 'line_id', (r) => ({ staffId: r.staff_id as number, count: r.count as number }));
        const costsOfLine = byParent(lineCosts(since), 'line_id', (r) => ({ label: r.label as string, pence: r.pence as number }));
        const weeksOfLine = byParent(lineWeeks(since), 'line_id', (r) => r.week as number);
        return lines(since).map((r): InterventionLine => {
          const id = r.id as number;
          return readRecord(LINES, r, {
            areaIds: areasOfLine.get(id) ?? [],
            staff: staffOfLine.get(id) ?? [],
            nonStaffCosts: costsOfLine.get(id) ?? [],
            undeliveredWeeks: weeksOfLine.get(id) ?? [],
          });
        });
      });
      records('learners', (since) => {
        const areasOfLearner = byParent(learnerAreas(since), 'learner_id', (r) => r.area_id as string);
        return learners(since).map((r): Learner => readRecord(LEARNERS, r, { areaIds: areasOfLearner.get(r.id as number) ?? [] }));
      });
      records('enrolments', (since) => enrolments(since).map((r): Enrolment => readRecord(ENROLMENTS, r)));
      fresh('income', () => (income.all() as Row[]).map((r): IncomeLine => readRecord(INCOME, r)));
      fresh('otherCosts', () => (otherCosts.all() as Row[]).map((r): OtherCostLine => readRecord(OTHER_COSTS, r)));
      // The fields in the order a whole read has always given them (a year is compared and written as JSON).
      return {
        school: year.school,
        calendar: year.calendar,
        tiers: year.tiers,
        areas: year.areas,
        staff: year.staff,
        lines: year.lines,
        learners: year.learners,
        enrolments: year.enrolments,
        income: year.income,
        otherCosts: year.otherCosts,
        workload: year.workload,
      };
    })();
  }
}

/**
 * `year` with every part, and every record of a list part, that equals in value the one in `previous` (by id,
 * for records) replaced by the previous (frozen) object, and a list whose records are all the previous ones
 * by the previous list: what did not change keeps its identity, so whoever remembers work by object (the
 * engine's memoised costing, the patch of the view) sees at once that it did not change (docs/performance.md).
 */
function keepUnchanged(year: SchoolYear, previous: SchoolYear | null, spliced: ReadonlySet<Part>): SchoolYear {
  if (previous === null || previous === year) return year;
  const kept = { ...year } as Record<keyof SchoolYear, unknown>;
  for (const part of EVERY_PART) {
    const now = year[part] as unknown;
    const before = previous[part] as unknown;
    // A spliced list kept its unchanged records already (spliceRecords).
    if (now === before || spliced.has(part)) continue;
    kept[part] = Array.isArray(now) && Array.isArray(before) ? keepUnchangedRecords(now, before) : sameValue(now, before) ? before : now;
  }
  return kept as unknown as SchoolYear;
}

/** `now` with records equal to the previous one of the same id replaced by it; `before` itself when all are. */
function keepUnchangedRecords(now: readonly unknown[], before: readonly unknown[]): readonly unknown[] {
  const earlier = new Map<unknown, unknown>();
  for (const record of before) if (isRecord(record)) earlier.set(record.id, record);
  let all = now.length === before.length;
  const kept = now.map((record, i) => {
    const previous = isRecord(record) ? earlier.get(record.id) : undefined;
    const same = previous !== undefined && sameValue(record, previous);
    if (!same || previous !== before[i]) all = false;
    return same ? previous : record;
  });
  return all ? before : kept;
}

/**
 * `before` (ordered by id) with the records whose ids are in `changed` replaced by `fresh` (the changed
 * records the file still holds, ordered by id): a changed record gone from the file is removed, a new one
 * put in its place by id, and one equal in value to the previous one of its id is that previous object;
 * `before` itself when all are.
 */
function spliceRecords<T extends { id: number }>(before: readonly T[], fresh: readonly T[], changed: ReadonlySet<number>): readonly T[] {
  const list: T[] = [];
  let all = true;
  let next = 0;
  for (const record of before) {
    while (next < fresh.length && fresh[next]!.id < record.id) {
      list.push(fresh[next++]!);
      all = false;
    }
    if (!changed.has(record.id)) {
      list.push(record);
    } else if (next < fresh.length && fresh[next]!.id === record.id) {
      const now = fresh[next++]!;
      const same = sameValue(now, record);
      list.push(same ? record : now);
      if (!same) all = false;
    } else {
      all = false;
    }
  }
  while (next < fresh.length) {
    list.push(fresh[next++]!);
    all = false;
  }
  return all ? before : list;
}

function isRecord(value: unknown): value is { id: unknown } {
  return typeof value === 'object' && value !== null && 'id' in value;
}

/** Equal in value, as plain data read from the file (objects, arrays, strings, numbers, booleans, null: never undefined). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let fields = 0;
  for (const key in x) {
    fields++;
    // A field missing from `y` reads undefined, which no field read from the file holds.
    if (!sameValue(x[key], y[key])) return false;
  }
  for (const _key in y) fields--;
  return fields === 0;
}

/** Freeze `value` and everything inside it (plain objects and arrays, as a read year is made of). */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
