/** Learners and their enrolments on lines. */
import { ApiError } from '../../shared/api/contract';
import { findOrThrow } from '../session';
import { assertEnrolmentWeeks } from './lineWeeks';
import type { HandlerMap } from './types';

export const learnerHandlers: HandlerMap<'learners.create' | 'learners.update' | 'learners.delete' | 'enrolments.createMany' | 'enrolments.update' | 'enrolments.delete'> = {
  'learners.create': (fields, { session }) =>
    session.mutate('Add learner', (repos, year) => {
      if (year.learners.some((l) => l.ref === fields.ref)) {
        throw new ApiError('invalid_input', `ref: another learner already has the reference ${fields.ref}`, [{ path: 'ref', message: 'is already used by another learner' }]);
      }
      return repos.learners.create(fields);
    }),

  'learners.update': ({ id, changes }, { session }) =>
    session.mutate('Edit learner', (repos, year) => {
      findOrThrow(year.learners, id, 'learner');
      if (changes.ref !== undefined && year.learners.some((l) => l.ref === changes.ref && l.id !== id)) {
        throw new ApiError('invalid_input', `ref: another learner already has the reference ${changes.ref}`, [{ path: 'ref', message: 'is already used by another learner' }]);
      }
      repos.learners.update(id, changes);
    }),

  'learners.delete': ({ id }, { session }) =>
    session.mutate('Delete learner', (repos, year) => {
      findOrThrow(year.learners, id, 'learner');
      repos.learners.delete(id);
    }),

  'enrolments.createMany': ({ lineId, learnerIds, startWeek, endWeek }, { session }) =>
    session.mutate(learnerIds.length === 1 ? 'Enrol a learner' : `Enrol ${learnerIds.length} learners`, (repos, year) => {
      const line = findOrThrow(year.lines, lineId, 'intervention line');
      const start = startWeek ?? line.startWeek;
      const end = endWeek ?? line.startWeek + Math.max(line.weeks, 1) - 1;
      assertEnrolmentWeeks(year, start, end);
      if (new Set(learnerIds).size !== learnerIds.length) throw new ApiError('invalid_input', 'learnerIds: lists a learner twice', [{ path: 'learnerIds', message: 'lists a learner twice' }]);
      const onLine = new Set(year.enrolments.filter((e) => e.lineId === lineId).map((e) => e.learnerId));
      return learnerIds.map((learnerId, i) => {
        const learner = year.learners.find((l) => l.id === learnerId);
        if (!learner) throw new ApiError('not_found', `learnerIds.${i}: no learner with id ${learnerId}.`, [{ path: `learnerIds.${i}`, message: `no learner with id ${learnerId}` }]);
        if (onLine.has(learnerId)) throw new ApiError('conflict', `${learner.ref} is already enrolled on “${line.name}”.`);
        return repos.enrolments.create({ lineId, learnerId, startWeek: start, endWeek: end, measureName: '', measureNameCy: '', measureUnit: '', entryValue: null, exitValue: null });
      });
    }),

  'enrolments.update': ({ id, changes }, { session }) =>
    session.mutate('Edit enrolment', (repos, year) => {
      const current = findOrThrow(year.enrolments, id, 'enrolment');
      assertEnrolmentWeeks(year, changes.startWeek ?? current.startWeek, changes.endWeek ?? current.endWeek);
      repos.enrolments.update(id, changes);
    }),

  'enrolments.delete': ({ ids }, { session }) =>
    session.mutate(ids.length === 1 ? 'Remove an enrolment' : `Remove ${ids.length} enrolments`, (repos, year) => {
      ids.forEach((id) => findOrThrow(year.enrolments, id, 'enrolment'));
      repos.enrolments.delete(ids);
    }),
};
