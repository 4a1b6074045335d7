/** Test support: the ApiError a call is refused with (a call that is answered, or throws anything else, fails the test). */
import { ApiError } from '../../../shared/api/contract';

export async function refusal(run: Promise<unknown> | (() => unknown)): Promise<ApiError> {
  try {
    await (typeof run === 'function' ? run() : run);
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('it was accepted');
}
