/** The money side of the map beyond staff time: income lines and other costs. */
import { incomeFields, otherCostFields } from '../schemas';
import { byId, update } from './fields';
import { op, type OperationGroup } from './operation';
import type { MutationResult } from './year';

export const budgetOperations = {
  'income.create': op(incomeFields).returns<MutationResult>(),
  'income.update': op(update(incomeFields)).returns<MutationResult>(),
  'income.delete': op(byId).returns<MutationResult>(),

  'otherCosts.create': op(otherCostFields).returns<MutationResult>(),
  'otherCosts.update': op(update(otherCostFields)).returns<MutationResult>(),
  'otherCosts.delete': op(byId).returns<MutationResult>(),
} satisfies OperationGroup;
