/** Learners and their enrolments on lines. */
import { NOT_MEASURED } from '../../shared/domain';
import { fieldIssue } from '../../shared/fieldIssues';
import { typedDate } from '../../shared/schoolTerms';
import { ApiError } from '../../shared/api/contract';
import { findOrThrow } from '../session';
import { assertEnrolmentWeeks } from './lineWeeks';
import type { HandlerMap } from './types';

/** A review that has happened cannot be after today: refused beside the field, naming the latest date allowed. */
function assertReviewedByToday(reviewed: string | null | undefined, today: string): void {
  if (reviewed && reviewed > today) throw ApiError.invalid([fieldIssue('idpLastReviewed', 'notAfterToday', { date: typedDate(today) })]);
}

export const learnerHandlers: HandlerMap<'learners.create' | 'learners.update' | 'learners.delete' | 'enrolments.createMany' | 'enrolments.update' | 'enrolments.delete'> = {
  'learners.create': (fields, { session }) =>
    session.mutate({ step: 'addLearner' }, (repos, year) => {
      assertReviewedByToday(fields.idpLastReviewed, session.todayDate());
      if (year.learners.some((l) => l.ref === fields.ref)) {
        throw new ApiError('invalid_input', 'refUsed', { ref: fields.ref }, [fieldIssue('ref', 'refUsed')]);
      }
      return repos.learners.create(fields);
    }),

  'learners.update': ({ id, changes }, { session }) =>
    session.mutate({ step: 'editLearner' }, (repos, year) => {
      findOrThrow(year.learners, id, 'noLearner');
      assertReviewedByToday(changes.idpLastReviewed, session.todayDate());
      if (changes.ref !== undefined && year.learners.some((l) => l.ref === changes.ref && l.id !== id)) {
        throw new ApiError('invalid_input', 'refUsed', { ref: changes.ref }, [fieldIssue('ref', 'refUsed')]);
      }
      repos.learners.update(id, changes);
    }),

  'learners.delete': ({ id }, { session }) =>
    session.mutate({ step: 'deleteLearner' }, (repos, year) => {
      findOrThrow(year.learners, id, 'noLearner');
      repos.learners.delete(id);
    }),

  'enrolments.createMany': ({ lineId, learnerIds, startWeek, endWeek }, { session }) =>
    session.mutate({ step: 'enrolLearners', params: { count: learnerIds.length } }, (repos, year) => {
      const line = findOrThrow(year.lines, lineId, 'noLine');
      const start = startWeek ?? line.startWeek;
      const end = endWeek ?? line.startWeek + Math.max(line.weeks, 1) - 1;
      assertEnrolmentWeeks(year, start, end);
      if (new Set(learnerIds).size !== learnerIds.length) throw ApiError.invalid([fieldIssue('learnerIds', 'learnerTwice')]);
      const onLine = new Set(year.enrolments.filter((e) => e.lineId === lineId).map((e) => e.learnerId));
      return learnerIds.map((learnerId, i) => {
        const learner = year.learners.find((l) => l.id === learnerId);
        if (!learner) throw new ApiError('not_found', 'noLearner', { id: learnerId }, [fieldIssue(`learnerIds.${i}`, 'noLearner', { id: learnerId })]);
        if (onLine.has(learnerId)) throw new ApiError('conflict', 'alreadyEnrolled', { ref: learner.ref, line: line.name, lineCy: line.nameCy });
        return repos.enrolments.create({
          lineId,
          learnerId,
          startWeek: start,
          endWeek: end,
          ...NOT_MEASURED,
        });
      });
    }),

  'enrolments.update': ({ id, changes }, { session }) =>
    session.mutate({ step: 'editEnrolment' }, (repos, year) => {
      const current = findOrThrow(year.enrolments, id, 'noEnrolment');
      assertEnrolmentWeeks(year, changes.startWeek ?? current.startWeek, changes.endWeek ?? current.endWeek);
      repos.enrolments.update(id, changes);
    }),

  'enrolments.delete': ({ ids }, { session }) =>
    session.mutate({ step: 'removeEnrolments', params: { count: ids.length } }, (repos, year) => {
      ids.forEach((id) => findOrThrow(year.enrolments, id, 'noEnrolment'));
      repos.enrolments.delete(ids);
    }),
};
