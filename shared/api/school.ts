/** The school's set-up: its details, calendar, tiers, areas and the ALNCo's workload. */
import { z } from 'zod';
import { areaSchema, calendarSchema, schoolSchema, tierSchema, workloadSchema } from '../schemas';
import { op, type OperationGroup } from './operation';
import type { MutationResult } from './year';

export const schoolOperations = {
  'school.update': op(z.strictObject({ changes: schoolSchema.partial().strict() })).returns<MutationResult>(),
  'calendar.set': op(calendarSchema).returns<MutationResult>(),
  'tiers.set': op(z.strictObject({ tiers: z.array(tierSchema).min(1) })).returns<MutationResult>(),
  'areas.set': op(z.strictObject({ areas: z.array(areaSchema).min(1) })).returns<MutationResult>(),
  'workload.update': op(z.strictObject({ changes: workloadSchema.partial().strict() })).returns<MutationResult>(),
} satisfies OperationGroup;
