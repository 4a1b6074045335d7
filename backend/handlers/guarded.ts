/** Await `fn`, turning anything that is not already an ApiError into one that leaks no detail. */
import { ApiError } from '../../shared/api/contract';

/** What was being done, for the refusal's words (`apiError.reason.activity.<key>`). */
export type GuardedActivity = 'writingReturn' | 'importingReturn' | 'importingReturns' | 'exportingComparison' | 'importingAllocations' | 'importingSchoolList';

export async function guarded<T>(activity: GuardedActivity, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError('internal', 'wentWrongWhile', { activityKey: `apiError.reason.activity.${activity}` });
  }
}
