/** The school's own details, calendar, tier and area vocabulary, and the ALNCo's workload inputs. */
import { ApiError } from '../../shared/api/contract';
import type { School } from '../../shared/domain';
import { runsPastWeek } from '../../shared/schoolTerms';
import { authorityByCode, officialNumberProblem } from '../../shared/localAuthorities';
import { nameList as named, plural } from '../../db/repositories/tableRecord';
import type { HandlerMap } from './types';

function invalid(path: string, message: string): never {
  throw new ApiError('invalid_input', `${path}: ${message}`, [{ path, message }]);
}

/** The school as it would be after `changes`: the official number must agree with the authority chosen. */
function assertSchoolValid(school: School, changes: Partial<School>): void {
  if (changes.localAuthorityCode !== undefined && school.localAuthorityCode !== '' && !authorityByCode(school.localAuthorityCode)) {
    invalid('localAuthorityCode', 'must be the code of one of the 22 Welsh local authorities (660 to 681)');
  }
  const problem = officialNumberProblem(school);
  if (problem === null) return;
  // Said on the field that changed: choosing another authority when the number is already entered names both.
  if (changes.officialNumber === undefined && changes.localAuthorityCode !== undefined) {
    invalid('localAuthorityCode', `does not match the official number ${school.officialNumber}, which ${problem.replace(/^must/, 'would have to')}; change or clear the number first`);
  }
  invalid('officialNumber', problem);
}

export const schoolHandlers: HandlerMap<'school.update' | 'calendar.set' | 'tiers.set' | 'areas.set' | 'workload.update'> = {
  'school.update': ({ changes }, { session }) =>
    session.mutate('Edit school details', (repos, year) => {
      assertSchoolValid({ ...year.school, ...changes }, changes);
      repos.school.update(changes);
    }),

  'calendar.set': ({ weekStarts, terms, closedDays }, { session }) =>
    session.mutate('Edit the school calendar', (repos, year) => {
      for (let i = 1; i < weekStarts.length; i++) {
        if ((weekStarts[i] as string) <= (weekStarts[i - 1] as string)) invalid(`weekStarts.${i}`, 'must be later than the week before');
      }
      // Lines keep their week numbers; nothing is cut short without the school knowing.
      const last = weekStarts.length;
      const runs = runsPastWeek(year, last);
      const past = { lines: runs.lines.map((l) => l.name), enrolments: runs.enrolments.length };
      if (past.lines.length > 0 || past.enrolments > 0) {
        const parts = [
          past.lines.length > 0 ? `${plural(past.lines.length, 'line')} (${named(past.lines)}) would run past week ${last}` : null,
          past.enrolments > 0 ? `${plural(past.enrolments, 'enrolment')} would end after week ${last}` : null,
        ].filter(Boolean);
        throw new ApiError(
          'conflict',
          `With ${last} teaching weeks, ${parts.join(' and ')}. Lines keep their week numbers: shorten ${past.lines.length + past.enrolments === 1 ? 'it' : 'them'} first; nothing was changed.`,
        );
      }
      repos.calendar.set({ weekStarts, terms, closedDays });
    }),

  'tiers.set': ({ tiers }, { session }) =>
    session.mutate('Edit tiers', (repos, year) => {
      const ids = new Set(tiers.map((t) => t.id));
      if (ids.size !== tiers.length) invalid('tiers', 'each tier needs its own code');
      const names = new Set(tiers.map((t) => t.name.trim().toLowerCase()));
      if (names.size !== tiers.length) invalid('tiers', 'two tiers have the same name');
      if (!tiers.some((t) => t.isAlp)) invalid('tiers', 'at least one tier must be marked ALP');
      const removed = year.tiers.filter((t) => !ids.has(t.id));
      for (const tier of removed) {
        const lines = year.lines.filter((l) => l.tierId === tier.id).map((l) => l.name);
        if (lines.length > 0) throw new ApiError('conflict', `The tier “${tier.name}” is still used by ${plural(lines.length, 'line')}: ${named(lines)}. Move them to another tier first.`);
      }
      repos.tiers.set(tiers);
    }),

  'areas.set': ({ areas }, { session }) =>
    session.mutate('Edit areas of need', (repos, year) => {
      const ids = new Set(areas.map((a) => a.id));
      if (ids.size !== areas.length) invalid('areas', 'each area needs its own code');
      const names = new Set(areas.map((a) => a.name.trim().toLowerCase()));
      if (names.size !== areas.length) invalid('areas', 'two areas of need have the same name');
      for (const area of year.areas.filter((a) => !ids.has(a.id))) {
        const lines = year.lines.filter((l) => l.areaIds.includes(area.id)).map((l) => l.name);
        const learners = year.learners.filter((l) => l.areaIds.includes(area.id)).length;
        if (lines.length > 0 || learners > 0) {
          const uses = [lines.length > 0 ? `${plural(lines.length, 'line')} (${named(lines)})` : null, learners > 0 ? plural(learners, 'learner') : null].filter(Boolean);
          throw new ApiError('conflict', `The area of need “${area.name}” is still used by ${uses.join(' and ')}. Remove it from them first.`);
        }
      }
      repos.areas.set(areas);
    }),

  'workload.update': ({ changes }, { session }) => session.mutate('Edit ALNCo workload', (repos) => repos.workload.update(changes)),
};
