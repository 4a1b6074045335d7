/**
 * Test support: the renderer's client (renderer/api/client.ts) over a real backend, as on the wire: every
 * answer crosses as JSON, and a refusal crosses as its error body. Each answer the door sent can be watched
 * (its operation, its JSON size and whether it carried a patch in place of a view).
 */
import type { TypedBackend } from '../../backend/backend';
import { ApiError, type MapioApi } from '../../shared/api/contract';
import type { CallResult } from '../../shared/api/bridge';
import { createApi } from '../../renderer/api/client';

/** One answer as the door sent it. */
export interface SentAnswer {
  name: string;
  bytes: number;
  patched: boolean;
}

export function backendClient(backend: TypedBackend, onSent?: (answer: SentAnswer) => void): MapioApi {
  return createApi(async (name, input): Promise<CallResult> => {
    try {
      const value = await backend.call(name, input);
      const json = JSON.stringify(value);
      onSent?.({ name, bytes: json.length, patched: typeof value === 'object' && value !== null && 'patch' in value });
      return { ok: true, value: JSON.parse(json) as unknown };
    } catch (error) {
      return { ok: false, error: (error as ApiError).toBody() };
    }
  });
}
