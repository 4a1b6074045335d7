/** The people who deliver provision. */
import { staffFields } from '../schemas';
import { byId, update } from './fields';
import { op, type OperationGroup } from './operation';
import type { MutationResult } from './year';

export const staffOperations = {
  'staff.create': op(staffFields).returns<MutationResult>(),
  'staff.update': op(update(staffFields)).returns<MutationResult>(),
  'staff.delete': op(byId).returns<MutationResult>(),
} satisfies OperationGroup;
