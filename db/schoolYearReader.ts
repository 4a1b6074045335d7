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
 * change committed through another connection (`data_version` moved) reads the whole year again. Reading
 * the year after a line's minutes changed re-reads 150 lines, not 2,500 enrolments (docs/performance.md).
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

/** The TEMP table of stamps and its triggers on the year's tables. Idempotent per connection. */
function installChangeStamps(db: SqliteDatabase): void {
  db.exec('CREATE TEMP TABLE IF NOT EXISTS year_table_stamps (name TEXT PRIMARY KEY, stamp INTEGER NOT NULL) WITHOUT ROWID');
  const seed = db.prepare('INSERT OR IGNORE INTO temp.year_table_stamps (name, stamp) VALUES (?, 0)');
  for (const table of Object.values(PARTS).flat()) {
    seed.run(table);
    for (const event of ['INSERT', 'UPDATE', 'DELETE']) {
      // Table names are this file's own constants, never input.
      db.exec(`
        CREATE TEMP TRIGGER IF NOT EXISTS "year_stamp_${table}_${event.toLowerCase()}" AFTER ${event} ON main."${table}" BEGIN
          UPDATE temp.year_table_stamps SET stamp = total_changes() + 1 WHERE name = '${table}';
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
    SELECT name, name_cy AS nameCy, local_authority AS localAuthority, local_authority_code AS localAuthorityCode,
      official_number AS officialNumber, phase, number_on_roll AS numberOnRoll,
      efsm_basis_points AS efsmBasisPoints, language_medium AS languageMedium, academic_year AS academicYear,
      alp_definition_source AS alpDefinitionSource, alp_definition_date AS alpDefinitionDate
    FROM school WHERE id = 1`);
  const weeks = db.prepare('SELECT starts_on FROM calendar_weeks ORDER BY week').pluck();
  const closedDays = db.prepare('SELECT day FROM calendar_closed_days ORDER BY day').pluck();
  const terms = db.prepare(`
    SELECT starts_on AS startsOn, ends_on AS endsOn, half_term_starts_on AS halfTermStartsOn, half_term_ends_on AS halfTermEndsOn
    FROM calendar_terms ORDER BY position`);
  const tiers = db.prepare('SELECT id, name, name_cy AS nameCy, is_alp AS isAlp, costing, sort_order AS sortOrder FROM tiers ORDER BY sort_order, id');
  const areas = db.prepare('SELECT id, name, name_cy AS nameCy, sort_order AS sortOrder FROM areas ORDER BY sort_order, id');
  const staff = db.prepare(`
    SELECT id, name, role, is_placeholder AS isPlaceholder, hourly_cost_pence AS hourlyCostPence,
      basis_annual_salary_pence AS annualSalaryPence, basis_on_cost_basis_points AS onCostBasisPoints,
      basis_paid_weeks_hundredths AS paidWeeksHundredths, basis_paid_minutes_per_week AS paidMinutesPerWeek,
      contracted_minutes_per_week AS contractedMinutesPerWeek, works_in_welsh AS worksInWelsh
    FROM staff ORDER BY id`);
  const lines = db.prepare(`SELECT ${selectList(LINES)} FROM lines ORDER BY id`);
  const lineAreas = db.prepare('SELECT line_id, area_id FROM line_areas ORDER BY line_id, position');
  const lineStaff = db.prepare('SELECT line_id, staff_id, count FROM line_staff ORDER BY line_id, position');
  const lineCosts = db.prepare('SELECT line_id, label, pence FROM line_non_staff_costs ORDER BY line_id, position');
  const lineWeeks = db.prepare('SELECT line_id, week FROM line_undelivered_weeks ORDER BY line_id, position');
  const learners = db.prepare(`SELECT ${selectList(LEARNERS)} FROM learners ORDER BY id`);
  const learnerAreas = db.prepare('SELECT learner_id, area_id FROM learner_areas ORDER BY learner_id, position');
  const enrolments = db.prepare(`SELECT ${selectList(ENROLMENTS)} FROM enrolments ORDER BY id`);
  const income = db.prepare(`SELECT ${selectList(INCOME)} FROM income_lines ORDER BY id`);
  const otherCosts = db.prepare(`SELECT ${selectList(OTHER_COSTS)} FROM other_cost_lines ORDER BY id`);
  const workload = db.prepare(`
    SELECT alnco_staff_id AS alncoStaffId, idps_to_prepare AS idpsToPrepare, minutes_per_idp AS minutesPerIdp,
      idp_reviews AS idpReviews, minutes_per_review AS minutesPerReview
    FROM alnco_workload WHERE id = 1`);

  const dataVersion = db.prepare('PRAGMA data_version').pluck();
  const totalChanges = db.prepare('SELECT total_changes()').pluck();
  if (remember) installChangeStamps(db);
  const tableStamps = remember ? db.prepare('SELECT name, stamp FROM temp.year_table_stamps') : null;
  let last: { version: number; changes: number; stamps: Map<string, number>; year: SchoolYear } | null = null;
  /** The year last handed out, kept through `forget()`: only its values are reused, never its staleness. */
  let handedOut: SchoolYear | null = null;

  const readSchoolYear = (): SchoolYear => {
    if (!remember) return deepFreeze(readParts(EVERY_PART, null));
    const version = dataVersion.get() as number;
    const changes = totalChanges.get() as number;
    if (last !== null && last.version === version && last.changes === changes) return last.year;
    return db.transaction((): SchoolYear => {
      const stamps = new Map((tableStamps!.all() as Array<{ name: string; stamp: number }>).map((r) => [r.name, r.stamp]));
      const earlier = last !== null && last.version === version ? last : null;
      const parts = earlier ? EVERY_PART.filter((part) => PARTS[part].some((table) => stamps.get(table) !== earlier.stamps.get(table))) : EVERY_PART;
      const year = deepFreeze(keepUnchanged(readParts(parts, earlier?.year ?? null), handedOut));
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

  /** The year with `parts` read from the file and every other part taken from `earlier` (all read when null). */
  function readParts(parts: readonly Part[], earlier: SchoolYear | null): SchoolYear {
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
      fresh('lines', () => {
        const areasOfLine = byParent(lineAreas.all() as Row[], 'line_id', (r) => r.area_id as string);
        const staffOfLine = byParent(lineStaff.all() as Row[], 'line_id', (r) => ({ staffId: r.staff_id as number, count: r.count as number }));
        const costsOfLine = byParent(lineCosts.all() as Row[], 'line_id', (r) => ({ label: r.label as string, pence: r.pence as number }));
        const weeksOfLine = byParent(lineWeeks.all() as Row[], 'line_id', (r) => r.week as number);
        return (lines.all() as Row[]).map((r): InterventionLine => {
          const id = r.id as number;
          return readRecord(LINES, r, {
            areaIds: areasOfLine.get(id) ?? [],
            staff: staffOfLine.get(id) ?? [],
            nonStaffCosts: costsOfLine.get(id) ?? [],
            undeliveredWeeks: weeksOfLine.get(id) ?? [],
          });
        });
      });
      fresh('learners', () => {
        const areasOfLearner = byParent(learnerAreas.all() as Row[], 'learner_id', (r) => r.area_id as string);
        return (learners.all() as Row[]).map((r): Learner => readRecord(LEARNERS, r, { areaIds: areasOfLearner.get(r.id as number) ?? [] }));
      });
      fresh('enrolments', () => (enrolments.all() as Row[]).map((r): Enrolment => readRecord(ENROLMENTS, r)));
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
function keepUnchanged(year: SchoolYear, previous: SchoolYear | null): SchoolYear {
  if (previous === null || previous === year) return year;
  const kept = { ...year } as Record<keyof SchoolYear, unknown>;
  for (const part of EVERY_PART) {
    const now = year[part] as unknown;
    const before = previous[part] as unknown;
    if (now === before) continue;
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
