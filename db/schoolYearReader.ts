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
  let last: { stamp: string; year: SchoolYear } | null = null;

  const readSchoolYear = (): SchoolYear => {
    if (!remember) return deepFreeze(readWholeYear());
    const stamp = `${dataVersion.get() as number}:${totalChanges.get() as number}`;
    if (last !== null && last.stamp === stamp) return last.year;
    const year = deepFreeze(readWholeYear());
    last = { stamp, year };
    return year;
  };
  return Object.assign(readSchoolYear, {
    forget() {
      last = null;
    },
  });

  function readWholeYear(): SchoolYear {
    return db.transaction((): SchoolYear => {
      const schoolRow = school.get() as School | undefined;
      const workloadRow = workload.get() as AlncoWorkload | undefined;
      if (!schoolRow || !workloadRow) {
        throw new ApiError('file_corrupt', 'noSchoolDetails');
      }
      const areasOfLine = byParent(lineAreas.all() as Row[], 'line_id', (r) => r.area_id as string);
      const staffOfLine = byParent(lineStaff.all() as Row[], 'line_id', (r) => ({ staffId: r.staff_id as number, count: r.count as number }));
      const costsOfLine = byParent(lineCosts.all() as Row[], 'line_id', (r) => ({ label: r.label as string, pence: r.pence as number }));
      const weeksOfLine = byParent(lineWeeks.all() as Row[], 'line_id', (r) => r.week as number);
      const areasOfLearner = byParent(learnerAreas.all() as Row[], 'learner_id', (r) => r.area_id as string);

      return {
        school: schoolRow,
        calendar: { weekStarts: weeks.all() as string[], terms: terms.all() as Term[], closedDays: closedDays.all() as string[] },
        tiers: (tiers.all() as Row[]).map((r): Tier => ({ ...(r as unknown as Tier), isAlp: r.isAlp === 1 })),
        areas: areas.all() as AreaOfNeed[],
        staff: (staff.all() as Row[]).map((r): StaffMember => ({
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
        lines: (lines.all() as Row[]).map((r): InterventionLine => {
          const id = r.id as number;
          return readRecord(LINES, r, {
            areaIds: areasOfLine.get(id) ?? [],
            staff: staffOfLine.get(id) ?? [],
            nonStaffCosts: costsOfLine.get(id) ?? [],
            undeliveredWeeks: weeksOfLine.get(id) ?? [],
          });
        }),
        learners: (learners.all() as Row[]).map((r): Learner => readRecord(LEARNERS, r, { areaIds: areasOfLearner.get(r.id as number) ?? [] })),
        enrolments: (enrolments.all() as Row[]).map((r): Enrolment => readRecord(ENROLMENTS, r)),
        income: (income.all() as Row[]).map((r): IncomeLine => readRecord(INCOME, r)),
        otherCosts: (otherCosts.all() as Row[]).map((r): OtherCostLine => readRecord(OTHER_COSTS, r)),
        workload: workloadRow,
      };
    })();
  }
}

/** Freeze `value` and everything inside it (plain objects and arrays, as a read year is made of). */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
