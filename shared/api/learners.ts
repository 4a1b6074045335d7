/** The learners on the map. */
import { learnerFields } from '../schemas';
import { byId, update } from './fields';
import { op, type OperationGroup } from './operation';
import type { MutationResult } from './year';

export const learnersOperations = {
  'learners.create': op(learnerFields).returns<MutationResult>(),
  'learners.update': op(update(learnerFields)).returns<MutationResult>(),
  'learners.delete': op(byId).returns<MutationResult>(),
} satisfies OperationGroup;
