import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { englishWording } from '../../shared/i18n/apiErrors';
import { request } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { mkdtempSync, mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ApiError } from '../../shared/api/contract';
import { MAX_API_REQUEST_BYTES, MAX_MIS_FILE_BASE64_CHARS } from '../../shared/limits';
import { startBrowserServer, type BackendDoor, type BrowserServer } from './browserServer';
import { jsonBytes } from '../host/hostProtocol';

/** A transport test double: records calls and answers like the backend would. */
class RecordingBackend implements BackendDoor {
  calls: Array<{ name: string; input: unknown }> = [];
  answer: (name: string, input: unknown) => unknown = () => ({ version: '0.1.0', mode: 'browser', file: null, recentFiles: [] });
  async callJson(name: string, input: unknown): Promise<Uint8Array> {
    this.calls.push({ name, input });
    return jsonBytes(this.answer(name, input) ?? null);
  }
}

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

function send(server: BrowserServer, opts: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        method: opts.method ?? 'GET',
        path: opts.path,
        headers: { host: `127.0.0.1:${server.port}`, ...opts.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

function callApi(server: BrowserServer, name: string, input: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return send(server, {
    method: 'POST',
    path: `/api/${name}`,
    headers: { 'content-type': 'application/json', 'x-mapio-secret': server.secret, ...headers },
    body: JSON.stringify(input),
  });
}

let parent: string;
let staticDir: string;
let backend: RecordingBackend;
let server: BrowserServer;

beforeEach(async () => {
  parent = mkdtempSync(path.join(tmpdir(), 'mapio-browser-server-'));
  staticDir = path.join(parent, 'renderer');
  mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Mapio</title>');
  writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log("mapio")');
  writeFileSync(path.join(staticDir, 'assets', 'app.css'), 'body{}');
  writeFileSync(path.join(parent, 'package.json'), '{"secret":"outside the renderer"}');
  backend = new RecordingBackend();
  server = await startBrowserServer({ backend, staticDir, log: () => {} });
});

afterEach(async () => {
  await server.close();
  rmSync(parent, { recursive: true, force: true });
});

describe('startBrowserServer: where it listens and what it prints', () => {
  it('listens on 127.0.0.1 only and gives a URL that carries a fresh 256-bit secret', async () => {
    expect(server.address).toBe('127.0.0.1');
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?secret=${server.secret}`);
    expect(Buffer.from(server.secret, 'base64url')).toHaveLength(32);
    const other = await startBrowserServer({ backend, staticDir, log: () => {} });
    try {
      expect(other.secret).not.toBe(server.secret);
    } finally {
      await other.close();
    }
    const reply = await send(server, { path: '/' });
    expect(reply.status).toBe(200);
  });

  it('is not reachable through another network interface of this computer', async () => {
    const external = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal);
    if (!external) return expect(server.address).toBe('127.0.0.1'); // no network card here: the bound address is the proof
    const outcome = await new Promise<string>((resolve) => {
      const socket = connect({ host: external.address, port: server.port }, () => {
        socket.destroy();
        resolve('connected');
      });
      socket.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
    });
    expect(outcome).toBe('ECONNREFUSED');
  });

  it('refuses to listen on a non-loopback address', async () => {
    await expect(startBrowserServer({ backend, staticDir, host: '0.0.0.0' })).rejects.toThrow(/only listens on this computer/);
    await expect(startBrowserServer({ backend, staticDir, host: '192.168.1.10' })).rejects.toThrow(/refusing to listen on "192.168.1.10"/);
  });
});

describe('onSecretUsed: when the launch page may be deleted', () => {
  it('fires once, when the page is first loaded with the right secret, and not for a wrong one', async () => {
    let used = 0;
    const watched = await startBrowserServer({ backend, staticDir, log: () => {}, onSecretUsed: () => used++ });
    try {
      await send(watched, { path: '/' });
      await send(watched, { path: '/?secret=wrong' });
      await callApi(watched, 'app.info', {}, { 'x-mapio-secret': 'wrong' });
      expect(used).toBe(0);
      expect((await send(watched, { path: `/?secret=${watched.secret}` })).status).toBe(200);
      expect(used).toBe(1);
      await send(watched, { path: `/?secret=${watched.secret}` });
      await callApi(watched, 'app.info', {});
      expect(used).toBe(1);
    } finally {
      await watched.close();
    }
  });

  it('fires on the first API call with the secret when the page was opened some other way', async () => {
    let used = 0;
    const watched = await startBrowserServer({ backend, staticDir, log: () => {}, onSecretUsed: () => used++ });
    try {
      expect((await callApi(watched, 'app.info', {})).status).toBe(200);
      expect(used).toBe(1);
    } finally {
      await watched.close();
    }
  });
});

describe('POST /api/<operation>: who may call', () => {
  it('answers 401 without the secret and never reaches the backend', async () => {
    const reply = await send(server, {
      method: 'POST',
      path: '/api/app.info',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(reply.status).toBe(401);
    expect(JSON.parse(reply.text)).toEqual({ code: 'invalid_input', reason: 'pageNotConnected' });
    expect(englishWording(JSON.parse(reply.text))).toContain('?secret=');
    expect(backend.calls).toHaveLength(0);
  });

  it('answers 401 to a wrong secret, including one that differs only at the end', async () => {
    for (const wrong of ['nope', server.secret.slice(0, -1) + (server.secret.endsWith('A') ? 'B' : 'A'), server.secret + 'x', '']) {
      const reply = await callApi(server, 'app.info', {}, { 'x-mapio-secret': wrong });
      expect(reply.status).toBe(401);
    }
    expect(backend.calls).toHaveLength(0);
  });

  it('answers 403 to a request from another website, even with the secret', async () => {
    for (const origin of ['http://evil.example', `http://127.0.0.1:${server.port + 1}`, 'null', `https://127.0.0.1:${server.port}`]) {
      const reply = await callApi(server, 'app.info', {}, { origin });
      expect(reply.status).toBe(403);
    }
    expect(backend.calls).toHaveLength(0);
    const own = await callApi(server, 'app.info', {}, { origin: `http://localhost:${server.port}` });
    expect(own.status).toBe(200);
  });

  it('answers 421 to a request naming a foreign Host (DNS rebinding), even with the secret', async () => {
    for (const host of ['evil.example', `evil.example:${server.port}`, `127.0.0.1:${server.port + 1}`, '127.0.0.1']) {
      const reply = await callApi(server, 'app.info', {}, { host });
      expect(reply.status).toBe(421);
    }
    expect(backend.calls).toHaveLength(0);
    const viaLocalhost = await callApi(server, 'app.info', {}, { host: `localhost:${server.port}` });
    expect(viaLocalhost.status).toBe(200);
  });

  it('requires a JSON body (a cross-site form post cannot reach the backend)', async () => {
    const reply = await send(server, {
      method: 'POST',
      path: '/api/app.info',
      headers: { 'content-type': 'text/plain', 'x-mapio-secret': server.secret },
      body: '{}',
    });
    expect(reply.status).toBe(415);
    expect(backend.calls).toHaveLength(0);
  });

  it('refuses GET on the API', async () => {
    const reply = await send(server, { path: '/api/app.info', headers: { 'x-mapio-secret': server.secret } });
    expect(reply.status).toBe(405);
    expect(backend.calls).toHaveLength(0);
  });
});

describe('POST /api/<operation>: what comes back', () => {
  it('passes a good request to the backend and returns its value as JSON, not cached', async () => {
    const reply = await callApi(server, 'lines.delete', { id: 7 });
    expect(reply.status).toBe(200);
    expect(reply.headers['cache-control']).toBe('no-store');
    expect(reply.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(reply.text)).toEqual({ version: '0.1.0', mode: 'browser', file: null, recentFiles: [] });
    expect(backend.calls).toEqual([{ name: 'lines.delete', input: { id: 7 } }]);
  });

  it("sends the backend's answer as the bytes it wrote: Welsh letters arrive whole and the length counts bytes", async () => {
    const school = { name: 'Ysgol Gymraeg Bro Ŵyr’s “ALN” — £1,250.50', lines: Array.from({ length: 2000 }, (_, i) => `Llinell ${i}: ŵ ŷ â ê î ô û`) };
    backend.answer = () => school;
    const reply = await callApi(server, 'year.get', {});
    expect(reply.status).toBe(200);
    expect(Number(reply.headers['content-length'])).toBe(Buffer.byteLength(reply.text, 'utf8'));
    expect(Number(reply.headers['content-length'])).toBeGreaterThan(reply.text.length);
    expect(JSON.parse(reply.text)).toEqual(school);
  });

  it('treats an empty body as {}', async () => {
    const reply = await send(server, {
      method: 'POST',
      path: '/api/app.info',
      headers: { 'content-type': 'application/json; charset=utf-8', 'x-mapio-secret': server.secret },
    });
    expect(reply.status).toBe(200);
    expect(backend.calls).toEqual([{ name: 'app.info', input: {} }]);
  });

  it('answers 404 unknown_operation for an operation the contract does not name', async () => {
    const reply = await callApi(server, 'learners.dropTable', {});
    expect(reply.status).toBe(404);
    expect(JSON.parse(reply.text)).toEqual({ code: 'unknown_operation', reason: 'noOperation', params: { operation: 'learners.dropTable' } });
    const proto = await callApi(server, '__proto__', {});
    expect(proto.status).toBe(404);
    expect(backend.calls).toHaveLength(0);
  });

  it('answers 400 when the body is not JSON', async () => {
    const reply = await send(server, {
      method: 'POST',
      path: '/api/app.info',
      headers: { 'content-type': 'application/json', 'x-mapio-secret': server.secret },
      body: '{"id":',
    });
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.text)).toEqual({ code: 'invalid_input', reason: 'bodyNotJson' });
  });

  it('takes the largest MIS export the contract allows, with its name and mapping, and a 25 MB CSV', async () => {
    // The worst case beside the file: a 260-character name of characters JSON writes as \uXXXX, every column mapped.
    const mapping = { ref: 999, surname: 999, forename: 999, name: 999, yearGroup: 999, alnStatus: 999, efsm: 999, lookedAfter: 999, welshAlp: 999 };
    const largest = { fileName: '\u0001'.repeat(260), contentBase64: 'A'.repeat(MAX_MIS_FILE_BASE64_CHARS), mapping };
    const body = JSON.stringify(largest);
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(MAX_API_REQUEST_BYTES);
    const reply = await send(server, { method: 'POST', path: '/api/mis.preview', headers: { 'content-type': 'application/json', 'x-mapio-secret': server.secret }, body });
    expect(reply.status).toBe(200);
    expect(backend.calls).toHaveLength(1);
    expect((backend.calls[0]?.input as { contentBase64: string }).contentBase64).toHaveLength(MAX_MIS_FILE_BASE64_CHARS);

    const csv25MB = Buffer.alloc(25 * 1024 * 1024, 'ref,name,year\n').toString('base64');
    const csvReply = await callApi(server, 'mis.preview', { fileName: 'sims-export.csv', contentBase64: csv25MB });
    expect(csvReply.status).toBe(200);
    expect(backend.calls).toHaveLength(2);
  });

  it('answers 413 too_large to a body one byte over the limit, without calling the backend', async () => {
    const envelope = JSON.stringify({ fileName: 'big.csv', contentBase64: '' });
    const contentBase64 = 'A'.repeat(MAX_API_REQUEST_BYTES + 1 - Buffer.byteLength(envelope));
    const body = JSON.stringify({ fileName: 'big.csv', contentBase64 });
    expect(Buffer.byteLength(body)).toBe(MAX_API_REQUEST_BYTES + 1);
    const reply = await send(server, { method: 'POST', path: '/api/mis.preview', headers: { 'content-type': 'application/json', 'x-mapio-secret': server.secret }, body });
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.text)).toMatchObject({ code: 'too_large', reason: 'requestTooLarge' });
    expect(backend.calls).toHaveLength(0);
  });

  it('answers 413 too_large when the body is over the limit but its length was not declared', async () => {
    const small = await startBrowserServer({ backend, staticDir, maxBodyBytes: 1024, log: () => {} });
    try {
      const reply = await new Promise<Reply>((resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port: small.port,
            method: 'POST',
            path: '/api/learners.create',
            headers: { host: `127.0.0.1:${small.port}`, 'content-type': 'application/json', 'x-mapio-secret': small.secret, 'transfer-encoding': 'chunked' },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
          },
        );
        req.on('error', reject);
        req.write(JSON.stringify({ note: 'x'.repeat(2048) }));
        req.end();
      });
      expect(reply.status).toBe(413);
      expect(JSON.parse(reply.text).code).toBe('too_large');
      expect(backend.calls).toHaveLength(0);
    } finally {
      await small.close();
    }
  });

  it('returns an ApiError with its code, message and field issues, and the matching status', async () => {
    backend.answer = (name) => {
      if (name === 'learners.create') throw ApiError.invalid([{ path: 'name', code: 'required' }]);
      if (name === 'lines.update') throw new ApiError('not_found', 'noLine', { id: 99 });
      throw new ApiError('conflict', 'staffDeliversLines', { staff: 'Mrs Jones', count: 2, names: '“Lego”, “ELSA”' });
    };
    const invalid = await callApi(server, 'learners.create', {});
    expect(invalid.status).toBe(400);
    expect(JSON.parse(invalid.text)).toEqual({ code: 'invalid_input', issues: [{ path: 'name', code: 'required' }] });
    const missing = await callApi(server, 'lines.update', { id: 99, changes: {} });
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.text).code).toBe('not_found');
    const conflict = await callApi(server, 'staff.delete', { id: 1 });
    expect(conflict.status).toBe(409);
    expect(JSON.parse(conflict.text)).toEqual({ code: 'conflict', reason: 'staffDeliversLines', params: { staff: 'Mrs Jones', count: 2, names: '“Lego”, “ELSA”' } });
  });

  it('hides the details of an unexpected failure from the response and the log', async () => {
    const logged: string[] = [];
    const quiet = await startBrowserServer({ backend, staticDir, log: (l) => logged.push(l) });
    try {
      backend.answer = () => {
        throw new Error('SQLITE_CORRUPT while reading learner Dylan Evans (UPN A123)');
      };
      const reply = await callApi(quiet, 'year.get', {});
      expect(reply.status).toBe(500);
      const body = JSON.parse(reply.text);
      expect(body.code).toBe('internal');
      expect(reply.text).not.toContain('Dylan');
      expect(reply.text).not.toContain('SQLITE');
      expect(reply.text).not.toContain('at ');
      expect(logged.join('\n')).not.toContain('Dylan');
      expect(logged.join('\n')).toContain('year.get');
    } finally {
      await quiet.close();
    }
  });
});

describe('static files', () => {
  it('serves index.html for / with the CSP and nosniff headers', async () => {
    const reply = await send(server, { path: '/' });
    expect(reply.status).toBe(200);
    expect(reply.text).toContain('<title>Mapio</title>');
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(reply.headers['content-security-policy']).toContain("default-src 'self'");
    expect(reply.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.headers['referrer-policy']).toBe('no-referrer');
  });

  it('serves assets with their content types, and the index even when the secret is in the query', async () => {
    const js = await send(server, { path: '/assets/app.js' });
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    const css = await send(server, { path: '/assets/app.css' });
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    // Every request gets the whole file, so nothing is worth storing (nor a code cache compiled beside it).
    for (const reply of [js, css]) expect(reply.headers['cache-control']).toBe('no-store');
    const withSecret = await send(server, { path: `/?secret=${server.secret}` });
    expect(withSecret.status).toBe(200);
    expect(withSecret.text).toContain('Mapio');
  });

  it('never serves a file outside the renderer folder', async () => {
    for (const p of [
      '/../package.json',
      '/%2e%2e/package.json',
      '/%2E%2E/package.json',
      '/assets/..%2f..%2fpackage.json',
      '/..%5cpackage.json',
      '/assets/%2e%2e/%2e%2e/package.json',
      '//package.json',
      '/%00index.html',
    ]) {
      const reply = await send(server, { path: p });
      expect(reply.status, p).toBe(404);
      expect(reply.text, p).not.toContain('outside the renderer');
    }
  });

  it('serves a file as it is on disk now, after it was served once and then rebuilt, and the same bytes to HEAD', async () => {
    const script = path.join(staticDir, 'assets', 'app.js');
    expect((await send(server, { path: '/assets/app.js' })).text).toBe('console.log("mapio")');
    // A rebuild while the server runs: new contents of another length, then of the same length.
    writeFileSync(script, 'console.log("mapio, rebuilt")');
    const rebuilt = await send(server, { path: '/assets/app.js' });
    expect(rebuilt.text).toBe('console.log("mapio, rebuilt")');
    expect(rebuilt.headers['content-length']).toBe(String(Buffer.byteLength('console.log("mapio, rebuilt")')));
    writeFileSync(script, 'console.log("MAPIO, REBUILT")');
    utimesSync(script, new Date(), new Date(Date.now() + 5_000));
    expect((await send(server, { path: '/assets/app.js' })).text).toBe('console.log("MAPIO, REBUILT")');
    const head = await send(server, { method: 'HEAD', path: '/assets/app.js' });
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe(String(Buffer.byteLength('console.log("MAPIO, REBUILT")')));
  });

  it('answers 404 for a missing file and 405 for a POST to a page', async () => {
    expect((await send(server, { path: '/nope.js' })).status).toBe(404);
    expect((await send(server, { method: 'POST', path: '/index.html', body: 'x' })).status).toBe(405);
  });
});
