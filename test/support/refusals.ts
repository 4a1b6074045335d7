/** What a refused call threw: the ApiError, or a failed test when it threw anything else or nothing. */
import { ApiError } from '../../shared/api/contract';

export function apiErrorFrom(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected an ApiError, but nothing was thrown');
}

/** The ApiError a promise rejects with. */
export async function rejectionOf(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the call to be refused, but it succeeded');
}
