/** Await `fn`, turning anything that is not already an ApiError into one that leaks no detail. */
import { ApiError } from '../../shared/api/contract';

export async function guarded<T>(action: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError('internal', `Something went wrong inside Mapio while ${action}; nothing was changed. Please try again.`);
  }
}
