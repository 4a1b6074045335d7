/** The school's own details, calendar, tier and area vocabulary, and the ALNCo's workload inputs. */
import { ApiError } from '../../shared/api/contract';
import type { HandlerMap } from './types';

export const schoolHandlers: HandlerMap<'school.update' | 'calendar.set' | 'tiers.set' | 'areas.set' | 'workload.update'> = {
  'school.update': ({ changes }, { session }) => session.mutate('Edit school details', (repos) => repos.school.update(changes)),

  'calendar.set': ({ weekStarts }, { session }) =>
    session.mutate('Edit the school calendar', (repos, year) => {
      for (let i = 1; i < weekStarts.length; i++) {
        if ((weekStarts[i] as string) <= (weekStarts[i - 1] as string)) {
          throw new ApiError('invalid_input', `weekStarts.${i}: each week must start after the one before`, [
            { path: `weekStarts.${i}`, message: 'must be later than the week before' },
          ]);
        }
      }
      const last = weekStarts.length;
      const tooLong = year.lines.find((l) => l.weeks > 0 && l.startWeek + l.weeks - 1 > last);
      if (tooLong) {
        throw new ApiError('conflict', `“${tooLong.name}” runs to week ${tooLong.startWeek + tooLong.weeks - 1}, past the new last week ${last}. Shorten it first.`);
      }
      repos.calendar.set(weekStarts);
    }),

  'tiers.set': ({ tiers }, { session }) =>
    session.mutate('Edit tiers', (repos, year) => {
      const ids = new Set(tiers.map((t) => t.id));
      if (ids.size !== tiers.length) throw new ApiError('invalid_input', 'tiers: each tier needs its own code', [{ path: 'tiers', message: 'codes must be unique' }]);
      const used = year.lines.find((l) => !ids.has(l.tierId));
      if (used) throw new ApiError('conflict', `Tier “${used.tierId}” is still used by “${used.name}”. Move its lines to another tier first.`);
      repos.tiers.set(tiers);
    }),

  'areas.set': ({ areas }, { session }) =>
    session.mutate('Edit areas of need', (repos, year) => {
      const ids = new Set(areas.map((a) => a.id));
      if (ids.size !== areas.length) throw new ApiError('invalid_input', 'areas: each area needs its own code', [{ path: 'areas', message: 'codes must be unique' }]);
      const line = year.lines.find((l) => l.areaIds.some((a) => !ids.has(a)));
      if (line) throw new ApiError('conflict', `An area you removed is still used by “${line.name}”. Change that line first.`);
      const learner = year.learners.find((l) => l.areaIds.some((a) => !ids.has(a)));
      if (learner) throw new ApiError('conflict', `An area you removed is still recorded for learner ${learner.ref}. Change that learner first.`);
      repos.areas.set(areas);
    }),

  'workload.update': ({ changes }, { session }) => session.mutate('Edit ALNCo workload', (repos) => repos.workload.update(changes)),
};
