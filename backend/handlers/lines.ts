/** Intervention lines: the rows of the provision map. */
import { ApiError } from '../../shared/api/contract';
import type { InterventionLine } from '../../shared/domain';
import { sessionsWeekProblem } from '../../shared/limits';
import { findOrThrow } from '../session';
import { assertLineWeeks } from './lineWeeks';
import type { HandlerMap } from './types';

export const lineHandlers: HandlerMap<'lines.create' | 'lines.update' | 'lines.duplicate' | 'lines.delete'> = {
  'lines.create': (fields, { session }) =>
    session.mutate({ step: 'addLine', params: { name: fields.name, nameCy: fields.nameCy } }, (repos, year) => {
      assertLineWeeks(year, fields);
      assertSessionsFitAWeek(fields, 'sessionsPerWeekHundredths');
      return repos.lines.create(fields);
    }),

  'lines.update': ({ id, changes }, { session }) =>
    session.mutate({ step: 'editLine' }, (repos, year) => {
      const { id: _id, ...current } = findOrThrow(year.lines, id, 'noLine');
      assertLineWeeks(year, { ...current, ...changes });
      // Only a change to the session's length or number is held to the school week: a line an older
      // Mapio wrote as one 32.5-hour "session" keeps working until someone edits those fields.
      if (changes.sessionsPerWeekHundredths !== undefined) assertSessionsFitAWeek({ ...current, ...changes }, 'sessionsPerWeekHundredths');
      else if (changes.minutesPerSession !== undefined) assertSessionsFitAWeek({ ...current, ...changes }, 'minutesPerSession');
      repos.lines.update(id, changes);
    }),

  'lines.duplicate': ({ id }, { session }) =>
    session.mutate({ step: 'duplicateLine' }, (repos, year) => {
      findOrThrow(year.lines, id, 'noLine');
      return repos.lines.duplicate(id);
    }),

  'lines.delete': ({ id }, { session }) =>
    session.mutate({ step: 'deleteLine' }, (repos, year) => {
      findOrThrow(year.lines, id, 'noLine');
      repos.lines.delete(id); // its enrolments go with it (cascade); undo brings both back
    }),
};

function assertSessionsFitAWeek(line: Pick<InterventionLine, 'minutesPerSession' | 'sessionsPerWeekHundredths'>, changed: 'minutesPerSession' | 'sessionsPerWeekHundredths'): void {
  const problem = sessionsWeekProblem(line, changed);
  if (problem) throw ApiError.invalid([problem]);
}
