/** The people who deliver provision. */
import { staffInputFields } from '../schemas';
import { byId, update } from './fields';
import { op, type OperationGroup } from './operation';
import type { MutationResult } from './year';

export const staffOperations = {
  'staff.create': op(staffInputFields).returns<MutationResult>(),
  'staff.update': op(update(staffInputFields)).returns<MutationResult>(),
  'staff.delete': op(byId).returns<MutationResult>(),
} satisfies OperationGroup;
