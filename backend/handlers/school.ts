/** The school's own details, calendar, tier and area vocabulary, and the ALNCo's workload inputs. */
import { fieldIssue, type IssueCode, type IssueParams } from '../../shared/fieldIssues';
import { ApiError } from '../../shared/api/contract';
import type { School } from '../../shared/domain';
import { runsPastWeek, termProblems } from '../../shared/schoolTerms';
import { academicStartYear } from '../../shared/welshTermDates';
import { authorityByCode, officialNumberProblem } from '../../shared/localAuthorities';
import { namesParams } from '../../db/repositories/tableRecord';
import type { HandlerMap } from './types';

function invalid(path: string, code: IssueCode, params?: IssueParams): never {
  throw ApiError.invalid([fieldIssue(path, code, params)]);
}

/** The school as it would be after `changes`: the official number must agree with the authority chosen. */
function assertSchoolValid(school: School, changes: Partial<School>): void {
  if (changes.localAuthorityCode !== undefined && school.localAuthorityCode !== '' && !authorityByCode(school.localAuthorityCode)) {
    invalid('localAuthorityCode', 'authorityCode');
  }
  const problem = officialNumberProblem(school);
  if (problem === null) return;
  // Said on the field that changed: choosing another authority when the number is already entered names both.
  if (changes.officialNumber === undefined && changes.localAuthorityCode !== undefined) {
    invalid('localAuthorityCode', 'authorityMismatch', { number: school.officialNumber });
  }
  invalid('officialNumber', problem.code, problem.params);
}

export const schoolHandlers: HandlerMap<'school.update' | 'calendar.set' | 'tiers.set' | 'areas.set' | 'workload.update'> = {
  'school.update': ({ changes }, { session }) =>
    session.mutate({ step: 'editSchool' }, (repos, year) => {
      assertSchoolValid({ ...year.school, ...changes }, changes);
      repos.school.update(changes);
    }),

  'calendar.set': ({ weekStarts, terms, closedDays }, { session }) =>
    session.mutate({ step: 'editCalendar' }, (repos, year) => {
      for (let i = 1; i < weekStarts.length; i++) {
        if ((weekStarts[i] as string) <= (weekStarts[i - 1] as string)) invalid(`weekStarts.${i}`, 'laterThanWeekBefore');
      }
      // Every term date lies in the school's academic year (1 August to 31 July), said beside that date.
      const outside = termProblems(terms, academicStartYear(year.school.academicYear)).find((p) => p.code === 'termInYear');
      if (outside) invalid(`terms.${outside.term}.${outside.field}`, outside.code, outside.params);
      // Lines keep their week numbers; nothing is cut short without the school knowing.
      const last = weekStarts.length;
      const runs = runsPastWeek(year, last);
      if (runs.lines.length > 0) throw new ApiError('conflict', 'linesPastYear', { weeks: last, count: runs.lines.length, ...namesParams(runs.lines) });
      if (runs.enrolments.length > 0) throw new ApiError('conflict', 'enrolmentsPastYear', { weeks: last, count: runs.enrolments.length });
      repos.calendar.set({ weekStarts, terms, closedDays });
    }),

  'tiers.set': ({ tiers }, { session }) =>
    session.mutate({ step: 'editTiers' }, (repos, year) => {
      const ids = new Set(tiers.map((t) => t.id));
      if (ids.size !== tiers.length) invalid('tiers', 'ownCode');
      const names = new Set(tiers.map((t) => t.name.trim().toLowerCase()));
      if (names.size !== tiers.length) invalid('tiers', 'sameName');
      if (!tiers.some((t) => t.isAlp)) invalid('tiers', 'oneAlpTier');
      const removed = year.tiers.filter((t) => !ids.has(t.id));
      for (const tier of removed) {
        const lines = year.lines.filter((l) => l.tierId === tier.id);
        if (lines.length > 0) throw new ApiError('conflict', 'tierUsedByLines', { tier: tier.name, tierCy: tier.nameCy, count: lines.length, ...namesParams(lines) });
      }
      repos.tiers.set(tiers);
    }),

  'areas.set': ({ areas }, { session }) =>
    session.mutate({ step: 'editAreas' }, (repos, year) => {
      const ids = new Set(areas.map((a) => a.id));
      if (ids.size !== areas.length) invalid('areas', 'ownCode');
      const names = new Set(areas.map((a) => a.name.trim().toLowerCase()));
      if (names.size !== areas.length) invalid('areas', 'sameName');
      for (const area of year.areas.filter((a) => !ids.has(a.id))) {
        const lines = year.lines.filter((l) => l.areaIds.includes(area.id));
        const learners = year.learners.filter((l) => l.areaIds.includes(area.id)).length;
        if (lines.length > 0) throw new ApiError('conflict', 'areaUsedByLines', { area: area.name, areaCy: area.nameCy, count: lines.length, ...namesParams(lines) });
        if (learners > 0) throw new ApiError('conflict', 'areaUsedByLearners', { area: area.name, areaCy: area.nameCy, count: learners });
      }
      repos.areas.set(areas);
    }),

  'workload.update': ({ changes }, { session }) => session.mutate({ step: 'editWorkload' }, (repos) => repos.workload.update(changes)),
};
