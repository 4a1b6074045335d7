import { describe, expect, it } from 'vitest';
import { ApiError } from '../shared/api/contract';
import { answerCall, changesOpenFile, UNEXPECTED_ERROR } from './callBridge';

function backendAnswering(answer: (name: string, input: unknown) => unknown) {
  const calls: Array<{ name: string; input: unknown }> = [];
  return {
    calls,
    async call(name: string, input: unknown) {
      calls.push({ name, input });
      return answer(name, input);
    },
  };
}

describe('answerCall: the IPC door', () => {
  it('returns the backend’s value for a contract operation', async () => {
    const backend = backendAnswering(() => ({ version: '0.1.0' }));
    expect(await answerCall(backend, 'app.info', {})).toEqual({ ok: true, value: { version: '0.1.0' } });
    expect(backend.calls).toEqual([{ name: 'app.info', input: {} }]);
  });

  it('refuses names the contract does not list without calling the backend', async () => {
    const backend = backendAnswering(() => 'should not run');
    for (const name of ['fs.readFile', 'constructor', '__proto__', 42, null]) {
      const result = await answerCall(backend, name, {});
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('unknown_operation');
    }
    expect(backend.calls).toHaveLength(0);
  });

  it('passes an ApiError through as its body, field issues included', async () => {
    const backend = backendAnswering(() => {
      throw ApiError.invalid([{ path: 'hoursPerWeek', code: 'atMost', params: { max: 40 } }]);
    });
    expect(await answerCall(backend, 'staff.create', {})).toEqual({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'hoursPerWeek', code: 'atMost', params: { max: 40 } }] },
    });
  });

  it('hides an unexpected error’s details from the window and the log', async () => {
    const logged: string[] = [];
    const backend = backendAnswering(() => {
      throw new TypeError('cannot read learner Siân Hughes');
    });
    const result = await answerCall(backend, 'year.get', {}, (l) => logged.push(l));
    expect(result).toEqual({ ok: false, error: UNEXPECTED_ERROR });
    expect(logged).toEqual(['mapio: year.get failed unexpectedly (TypeError)']);
  });

  it('knows which operations change the open file (title and recent files)', () => {
    expect(changesOpenFile('file.open')).toBe(true);
    expect(changesOpenFile('lines.update')).toBe(false);
  });
});
