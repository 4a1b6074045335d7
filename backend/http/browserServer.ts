/**
 * Browser mode's door: a loopback-only HTTP server that serves the built renderer and the API contract
 * (`POST /api/<operation>`) to the one browser tab that was given this launch's secret.
 *
 * Who may call the API: only a request that carries the per-launch secret (header `X-Mapio-Secret`,
 * compared in constant time), names this server by its loopback Host (defeats DNS rebinding), comes
 * from this server's own origin if it says where it comes from, and sends JSON (so a cross-site form
 * cannot forge it). Responses never carry stack traces or learner data beyond what was asked for, and
 * the log never records request bodies or error messages.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes, createHash, timingSafeEqual } from 'node:crypto';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { ApiError, isOperationName, type ApiErrorBody, type ApiErrorCode } from '../../shared/api/contract';
import { MAX_API_REQUEST_BYTES } from '../../shared/limits';
import { jsonBytes } from '../host/hostProtocol';
import { createFileBodies } from './fileBodies';
import { STATIC_SECURITY_HEADERS, contentTypeFor, realFileInside, resolveStaticPath } from './staticFiles';

/**
 * What the server needs of the backend: a call answered with its JSON text, which is sent as it is
 * (backend/host/processBackend.ts: the data process writes it once; backend/host/hostProtocol.ts).
 */
export interface BackendDoor {
  callJson(name: string, input: unknown): Promise<Uint8Array>;
}

export interface BrowserServerOptions {
  backend: BackendDoor;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  /** 0 (the default) lets the system pick a free port. */
  port?: number;
  /** Only loopback is accepted: '127.0.0.1' (the default) or 'localhost'. */
  host?: string;
  /** Largest API request body accepted, in bytes (default: the contract's largest input, MAX_API_REQUEST_BYTES). */
  maxBodyBytes?: number;
  /** Where the server reports problems; never given request bodies or error messages. */
  log?: (line: string) => void;
  /**
   * Called once, the first time a request carries this launch's secret (the page's `?secret=` address or
   * an API call's header): serve.ts then deletes the launch page that handed the secret over.
   */
  onSecretUsed?: () => void;
}

export interface BrowserServer {
  /** The address to open, carrying the secret: `http://127.0.0.1:<port>/?secret=<secret>`. Never logged (serve.ts). */
  url: string;
  secret: string;
  port: number;
  /** The address actually bound: always 127.0.0.1. */
  address: string;
  close(): Promise<void>;
}

export const SECRET_HEADER = 'x-mapio-secret';
const LOOPBACK = '127.0.0.1';

/** The HTTP status each API error code is answered with. */
export function httpStatusFor(code: ApiErrorCode): number {
  switch (code) {
    case 'not_found':
    case 'unknown_operation':
      return 404;
    case 'conflict':
    case 'no_file':
    case 'file_read_only':
      return 409;
    case 'timeout':
    case 'cancelled':
      return 503;
    case 'internal':
      return 500;
    case 'too_large':
      return 413;
    default:
      return 400;
  }
}

const UNEXPECTED: ApiErrorBody = { code: 'internal', reason: 'unexpected' };

/** Equal strings compare true in time that does not depend on where they differ. */
function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b) && given.length === expected.length;
}

export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const { backend, staticDir } = options;
  const host = options.host ?? LOOPBACK;
  if (host !== LOOPBACK && host !== 'localhost') {
    throw new Error(`Mapio's browser mode only listens on this computer (127.0.0.1); refusing to listen on "${host}".`);
  }
  const maxBodyBytes = options.maxBodyBytes ?? MAX_API_REQUEST_BYTES;
  const log = options.log ?? ((line: string) => console.error(line));
  const secret = randomBytes(32).toString('base64url');
  const root = path.resolve(staticDir);
  let port = 0;
  let secretUsed = false;
  const fileBodies = createFileBodies();
  const noteSecretUsed = () => {
    if (secretUsed) return;
    secretUsed = true;
    options.onSecretUsed?.();
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      log('mapio: a request failed before it could be answered');
      if (!res.headersSent) sendJson(res, 500, UNEXPECTED);
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
    if (!allowedHosts.includes(req.headers.host ?? '')) {
      sendJson(res, 421, { code: 'invalid_input', reason: 'notMapioAddress' });
      return;
    }
    const url = req.url ?? '/';
    if (url === '/api' || url.startsWith('/api/')) {
      await handleApi(req, res, url);
      return;
    }
    await handleStatic(req, res, url);
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: string): Promise<void> {
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      sendJson(res, 405, { code: 'invalid_input', reason: 'postOnly' });
      return;
    }
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`) {
      sendJson(res, 403, { code: 'invalid_input', reason: 'otherWebsite' });
      return;
    }
    const given = req.headers[SECRET_HEADER];
    if (typeof given !== 'string' || !sameSecret(given, secret)) {
      sendJson(res, 401, { code: 'invalid_input', reason: 'pageNotConnected' });
      return;
    }
    noteSecretUsed();
    const contentType = (req.headers['content-type'] ?? '').split(';', 1)[0]?.trim().toLowerCase();
    if (contentType !== 'application/json') {
      sendJson(res, 415, { code: 'invalid_input', reason: 'jsonBodyOnly' });
      return;
    }
    const declared = Number(req.headers['content-length'] ?? '0');
    if (Number.isFinite(declared) && declared > maxBodyBytes) {
      sendJson(res, 413, tooLarge(maxBodyBytes));
      req.resume();
      return;
    }
    const name = decodeOperation(url.slice('/api/'.length).split('?', 1)[0] ?? '');
    if (!isOperationName(name)) {
      sendJson(res, 404, { code: 'unknown_operation', reason: 'noOperation', params: { operation: String(name ?? '').slice(0, 80) } });
      req.resume();
      return;
    }
    const body = await readBody(req, maxBodyBytes);
    if (body === 'too_large') {
      sendJson(res, 413, tooLarge(maxBodyBytes));
      return;
    }
    let input: unknown;
    try {
      input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch {
      sendJson(res, 400, { code: 'invalid_input', reason: 'bodyNotJson' });
      return;
    }
    try {
      sendJsonBytes(res, 200, await backend.callJson(name, input));
    } catch (err) {
      if (err instanceof ApiError) {
        sendJson(res, httpStatusFor(err.code), err.toBody());
      } else {
        log(`mapio: ${name} failed unexpectedly (${err instanceof Error ? err.name : typeof err})`);
        sendJson(res, 500, UNEXPECTED);
      }
    }
  }

  async function handleStatic(req: IncomingMessage, res: ServerResponse, url: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      sendText(res, 405, 'Method not allowed');
      return;
    }
    const given = secretInQuery(url);
    if (given !== null && sameSecret(given, secret)) noteSecretUsed();
    let filePath = resolveStaticPath(root, url);
    if (filePath === null) {
      sendText(res, 404, 'Not found');
      return;
    }
    let info = await stat(filePath).catch(() => null);
    if (info?.isDirectory()) {
      filePath = path.join(filePath, 'index.html');
      info = await stat(filePath).catch(() => null);
    }
    if (!info?.isFile()) {
      sendText(res, 404, 'Not found');
      return;
    }
    // A symbolic link inside the folder must not lead outside it.
    const realFile = await realFileInside(root, filePath);
    if (realFile === null) {
      sendText(res, 404, 'Not found');
      return;
    }
    const body = req.method === 'HEAD' ? null : await fileBodies.bodyOf(realFile, info);
    // Not stored: this server answers every request with the whole file (no validators), so a stored copy
    // could never be reused, yet Chromium stores it and compiles a code cache beside it on the page's main
    // thread during the first paint (39 ms in a trace; docs/performance.md, "Round 12").
    res.writeHead(200, {
      ...STATIC_SECURITY_HEADERS,
      'Content-Type': contentTypeFor(filePath),
      'Content-Length': String(body?.length ?? info.size),
      'Cache-Control': 'no-store',
    });
    res.end(body ?? undefined);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, LOOPBACK, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const bound = server.address() as AddressInfo;
  port = bound.port;

  return {
    url: `http://127.0.0.1:${port}/?secret=${secret}`,
    secret,
    port,
    address: bound.address,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** The `?secret=` a page address carries, if any (the launch page sends the browser to one). */
function secretInQuery(url: string): string | null {
  const query = url.indexOf('?');
  if (query < 0) return null;
  try {
    return new URLSearchParams(url.slice(query + 1).split('#', 1)[0]).get('secret');
  } catch {
    return null;
  }
}

function decodeOperation(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

function tooLarge(limit: number): ApiErrorBody {
  return { code: 'too_large', reason: 'requestTooLarge', params: { most: limit.toLocaleString('en-GB') } };
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too_large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > limit) {
        over = true;
        chunks.length = 0;
        resolve('too_large');
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!over) resolve(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  sendJsonBytes(res, status, jsonBytes(body));
}

/** JSON text already in UTF-8 (the data process's answer as it wrote it), sent without being decoded or encoded again. */
function sendJsonBytes(res: ServerResponse, status: number, json: Uint8Array): void {
  res.writeHead(status, {
    ...STATIC_SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(json.byteLength),
    'Cache-Control': 'no-store',
  });
  res.end(json);
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    ...STATIC_SECURITY_HEADERS,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}
