/**
 * Every write to a school file goes through these, inside `SchoolFile.mutate` (one transaction, one
 * undo step). Unknown ids throw ApiError('not_found'); fields naming missing records throw
 * ApiError('not_found') with the field's path; removals that would silently change meaning throw
 * ApiError('conflict') saying what to do first.
 */
import type { SchoolYear } from '../../shared/domain';
import type { SqliteDatabase } from '../connection';
import { createAreasRepository, type AreasRepository } from './areas';
import { createCalendarRepository, type CalendarRepository } from './calendar';
import { createEnrolmentsRepository, type EnrolmentsRepository } from './enrolments';
import { createIncomeRepository, type IncomeRepository } from './income';
import { createLearnersRepository, type LearnersRepository } from './learners';
import { createLinesRepository, type LinesRepository } from './lines';
import { createOtherCostsRepository, type OtherCostsRepository } from './otherCosts';
import { createSchoolRepository, type SchoolRepository } from './school';
import { createStaffRepository, type StaffRepository } from './staff';
import { createTiersRepository, type TiersRepository } from './tiers';
import { createWorkloadRepository, type WorkloadRepository } from './workload';

export type { AreasRepository } from './areas';
export type { CalendarRepository } from './calendar';
export type { EnrolmentsRepository, EnrolmentFields } from './enrolments';
export type { IncomeRepository, IncomeFields } from './income';
export type { LearnersRepository, LearnerFields } from './learners';
export type { LinesRepository, LineFields } from './lines';
export type { OtherCostsRepository, OtherCostFields } from './otherCosts';
export type { SchoolRepository } from './school';
export type { StaffRepository, StaffFields } from './staff';
export type { TiersRepository } from './tiers';
export type { WorkloadRepository } from './workload';

export interface Repositories {
  school: SchoolRepository;
  calendar: CalendarRepository;
  tiers: TiersRepository;
  areas: AreasRepository;
  staff: StaffRepository;
  lines: LinesRepository;
  learners: LearnersRepository;
  enrolments: EnrolmentsRepository;
  income: IncomeRepository;
  otherCosts: OtherCostsRepository;
  workload: WorkloadRepository;
}

export function createRepositories(db: SqliteDatabase): Repositories {
  return {
    school: createSchoolRepository(db),
    calendar: createCalendarRepository(db),
    tiers: createTiersRepository(db),
    areas: createAreasRepository(db),
    staff: createStaffRepository(db),
    lines: createLinesRepository(db),
    learners: createLearnersRepository(db),
    enrolments: createEnrolmentsRepository(db),
    income: createIncomeRepository(db),
    otherCosts: createOtherCostsRepository(db),
    workload: createWorkloadRepository(db),
  };
}

/**
 * Every staff member, line, learner, enrolment, income and other cost line of `year`, keeping their
 * ids, in the order references need (staff before lines; lines and learners before enrolments).
 */
export function insertRecordsWithIds(repos: Repositories, year: SchoolYear): void {
  for (const s of year.staff) repos.staff.insertWithId(s);
  for (const l of year.lines) repos.lines.insertWithId(l);
  for (const l of year.learners) repos.learners.insertWithId(l);
  for (const e of year.enrolments) repos.enrolments.insertWithId(e);
  for (const i of year.income) repos.income.insertWithId(i);
  for (const o of year.otherCosts) repos.otherCosts.insertWithId(o);
}
