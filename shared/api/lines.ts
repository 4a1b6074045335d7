/** The provision map's lines: each intervention, who runs it and when. */
import { lineFields } from '../schemas';
import { byId, update } from './fields';
import { op, type OperationGroup } from './operation';
import type { MutationResult } from './year';

export const linesOperations = {
  'lines.create': op(lineFields).returns<MutationResult>(),
  'lines.update': op(update(lineFields)).returns<MutationResult>(),
  'lines.duplicate': op(byId).returns<MutationResult>(),
  'lines.delete': op(byId).returns<MutationResult>(),
} satisfies OperationGroup;
