import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/contract';
import { createApi, createHttpCall, takeLaunchSecret, SECRET_STORAGE_KEY } from './client';

function fakeFetch(reply: (url: string, init: RequestInit) => Response | Promise<Response>) {
  const seen: Array<{ url: string; init: RequestInit }> = [];
  const fn = (async (url: string, init: RequestInit) => {
    seen.push({ url, init });
    return reply(url, init);
  }) as unknown as typeof fetch;
  return { fn, seen };
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('browser-mode transport', () => {
  it('POSTs JSON to /api/<operation> with the launch secret and returns the value', async () => {
    const { fn, seen } = fakeFetch(() => json(200, { version: '0.1.0', mode: 'browser', file: null, recentFiles: [] }));
    const api = createApi(createHttpCall({ secret: 's3cret', fetch: fn }));
    const info = await api.call('app.info', {});
    expect(info.mode).toBe('browser');
    expect(seen[0]?.url).toBe('/api/app.info');
    expect(seen[0]?.init.method).toBe('POST');
    expect(seen[0]?.init.headers).toMatchObject({ 'Content-Type': 'application/json', 'X-Mapio-Secret': 's3cret' });
    expect(seen[0]?.init.body).toBe('{}');
  });

  it('keeps a request made as the window goes away alive past the page, unless it is too large to be', async () => {
    const { fn, seen } = fakeFetch(() => json(200, { version: '0.1.0', mode: 'browser', file: null, recentFiles: [] }));
    let leaving = false;
    const call = createHttpCall({ secret: 's', fetch: fn, mustOutlivePage: () => leaving });
    await call('lines.update', { id: 1, changes: { minutesPerSession: 45 } });
    leaving = true;
    await call('lines.update', { id: 1, changes: { minutesPerSession: 50 } });
    await call('mis.preview', { fileName: 'pupils.csv', contentBase64: 'x'.repeat(20_000) });
    expect(seen.map((s) => s.init.keepalive)).toEqual([false, true, false]);
  });

  it('rebuilds an ApiError, field issues included, from the error body', async () => {
    const { fn } = fakeFetch(() => json(400, { code: 'invalid_input', issues: [{ path: 'name', code: 'required' }] }));
    const api = createApi(createHttpCall({ secret: 's', fetch: fn }));
    const err = await api.call('staff.delete', { id: 1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: 'invalid_input', message: 'name: this is required', issues: [{ path: 'name', code: 'required' }] });
  });

  it('says the engine is not responding when the server cannot be reached', async () => {
    const { fn } = fakeFetch(() => {
      throw new TypeError('Failed to fetch');
    });
    const err = await createApi(createHttpCall({ secret: 's', fetch: fn }))
      .call('year.get', {})
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: 'internal' });
    expect((err as ApiError).reason).toBe('engineNotResponding');
    expect((err as ApiError).message).toMatch(/^Mapio’s engine is not responding/);
  });

  it('turns a reply that is not an API error (e.g. a proxy page) into an internal ApiError', async () => {
    const { fn } = fakeFetch(() => new Response('<html>Bad gateway</html>', { status: 502 }));
    const err = await createApi(createHttpCall({ secret: 's', fetch: fn }))
      .call('year.get', {})
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'internal' });
    const weird = fakeFetch(() => json(500, { error: 'x' }));
    const err2 = await createApi(createHttpCall({ secret: 's', fetch: weird.fn }))
      .call('year.get', {})
      .catch((e: unknown) => e);
    expect(err2).toMatchObject({ code: 'internal' });
  });
});

describe('desktop transport (window.mapio results)', () => {
  it('unwraps ok results and rebuilds errors', async () => {
    const api = createApi(async (name) => (name === 'app.info' ? { ok: true, value: { mode: 'electron' } } : { ok: false, error: { code: 'not_found', reason: 'noLearner', params: { id: 9 } } }));
    expect(await api.call('app.info', {})).toEqual({ mode: 'electron' });
    await expect(api.call('learners.delete', { id: 9 })).rejects.toMatchObject({ code: 'not_found', reason: 'noLearner', params: { id: 9 } });
  });
});

describe('takeLaunchSecret', () => {
  function fakeWindow(href: string, stored: Record<string, string> = {}) {
    const replaced: string[] = [];
    return {
      replaced,
      stored,
      location: { href },
      history: { state: null, replaceState: (_d: unknown, _u: string, url?: string | URL | null) => replaced.push(String(url)) },
      sessionStorage: { getItem: (k: string) => stored[k] ?? null, setItem: (k: string, v: string) => void (stored[k] = v) },
    };
  }

  it('takes the secret from the address, keeps it for reloads and removes it from the address bar', () => {
    const win = fakeWindow('http://127.0.0.1:5183/?secret=abc123&lang=cy#/learners');
    expect(takeLaunchSecret(win)).toBe('abc123');
    expect(win.stored[SECRET_STORAGE_KEY]).toBe('abc123');
    expect(win.replaced).toEqual(['/?lang=cy#/learners']);
  });

  it('after a reload, uses the kept secret and leaves the address alone', () => {
    const win = fakeWindow('http://127.0.0.1:5183/', { [SECRET_STORAGE_KEY]: 'kept' });
    expect(takeLaunchSecret(win)).toBe('kept');
    expect(win.replaced).toEqual([]);
  });
});
