/** Which learners are on which line, and for which weeks. */
import { z } from 'zod';
import { enrolmentFields, week } from '../schemas';
import { id, update } from './fields';
import { op, type OperationGroup } from './operation';
import type { MutationResult } from './year';

export const enrolmentsOperations = {
  /** Enrol several learners on one line at once; weeks default to the line's whole run. */
  'enrolments.createMany': op(
    z.strictObject({
      lineId: id,
      learnerIds: z.array(id).min(1).max(5000),
      startWeek: week.optional(),
      endWeek: week.optional(),
    }),
  ).returns<MutationResult>(),
  'enrolments.update': op(update(enrolmentFields.omit({ lineId: true, learnerId: true }))).returns<MutationResult>(),
  'enrolments.delete': op(z.strictObject({ ids: z.array(id).min(1).max(5000) })).returns<MutationResult>(),
} satisfies OperationGroup;
