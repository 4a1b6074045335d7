/**
 * The backend as the window's process and browser mode's server see it: the same `call(name, input)`
 * door, answered by a separate data process (backendHost.ts), so the database and every import run off
 * Electron's main thread and off the HTTP server's event loop.
 *
 * - Each call has a time limit (hostProtocol.ts `timeLimitFor`: a minute to open a file, ten for an
 *   import or export). Past it, or when the person presses Stop (`app.stop`), the data process is ended
 *   and a fresh one started, which reopens the school file that was open (the last one in Recent files: a
 *   file whose open was abandoned never got there) and the authority file, if one was open. The call is
 *   answered with a sentence (`timeout`, `cancelled`); every edit acknowledged before is in the file
 *   (the write-ahead log: test/unit/hardening/crash.test.ts), and one cut off is rolled back.
 * - A data process that dies is started again the same way, and the calls it had are answered.
 * - `close()` asks it to close its files and waits (briefly) for it to go.
 */
import { ApiError, type ApiErrorBody, type AuthorityView } from '../../shared/api/contract';
import type { Backend } from '../backend';
import { activityOf, DEFAULT_TIME_LIMITS, isFromHost, jsonBytes, timeLimitFor, valueOfJsonBytes, type FromHost, type HostStartOptions, type TimeLimits, type ToHost } from './hostProtocol';

/** One running data process, however it was started (Node child process, Electron utilityProcess). */
export interface HostChild {
  /** The operating system's process id, where there is one. */
  readonly pid?: number | undefined;
  send(message: ToHost): void;
  onMessage(listener: (message: unknown) => void): void;
  onExit(listener: () => void): void;
  /** End it at once (SIGKILL): used when it does not answer in time. */
  kill(): void;
}

export interface ProcessBackendOptions {
  start: HostStartOptions;
  spawn: () => HostChild;
  limits?: Partial<TimeLimits>;
  /** Told when the file the data process was started with would not open (the window shows why). */
  onOpenFailed?: (error: ApiErrorBody) => void;
  /** Told when the first data process could not start at all (its data folder cannot be used). */
  onStartFailed?: (error: ApiErrorBody) => void;
  /** Told each time the data process had to be started again, and why. */
  onRestart?: (why: 'timeout' | 'cancelled' | 'exited') => void;
}

interface Pending {
  name: string;
  /** The answer's JSON text in UTF-8, as the data process wrote it. */
  resolve: (json: Uint8Array) => void;
  reject: (error: ApiError) => void;
  /** Set once the call is sent (its time limit runs from then). */
  timer: NodeJS.Timeout | undefined;
}

export interface ProcessBackend extends Backend {
  /** The same call, answered with its JSON text in UTF-8 as the data process wrote it (browser mode's server sends it on as it is). */
  callJson(name: string, input: unknown): Promise<Uint8Array>;
  /** Ask the data process to close its files, and wait for it to go (ended if it takes over 5 s). */
  close(): Promise<void>;
}

export function startProcessBackend(options: ProcessBackendOptions): ProcessBackend {
  const limits: TimeLimits = { ...DEFAULT_TIME_LIMITS, ...options.limits };
  let child: HostChild | null = null;
  let ready: Promise<void> = Promise.resolve();
  let nextId = 1;
  const pending = new Map<number, Pending>();
  /** The authority file open in the data process, to open again after a restart. */
  let authorityPath: string | null = null;
  let closing = false;
  let exited: Promise<void> = Promise.resolve();
  /** When data processes ended on their own, within the last minute. */
  const exits: number[] = [];

  function launch(start: HostStartOptions, reopenAuthority: string | null, first: boolean): void {
    const spawned = options.spawn();
    child = spawned;
    let markExited: () => void = () => undefined;
    exited = new Promise<void>((resolve) => (markExited = resolve));
    let settleStart: { resolve: () => void; reject: (error: ApiError) => void } | null = null;
    ready = new Promise<void>((resolve, reject) => (settleStart = { resolve, reject }));
    ready.catch(() => undefined);
    const startTimer = setTimeout(() => {
      // The file it reopens never finished its check: start without opening anything.
      if (child !== spawned) return;
      settleStart?.reject(new ApiError('timeout', 'reopenTimedOut'));
      restart('timeout', { ...start, openOnStart: false, openPath: undefined });
    }, limits.start);
    spawned.onMessage((raw) => {
      if (child !== spawned || !isFromHost(raw)) return;
      const message: FromHost = raw;
      switch (message.type) {
        case 'started':
          clearTimeout(startTimer);
          if (message.openFailed && first) options.onOpenFailed?.(message.openFailed);
          settleStart?.resolve();
          if (reopenAuthority) void call('authority.open', { path: reopenAuthority }).catch(() => undefined);
          return;
        case 'startFailed':
          clearTimeout(startTimer);
          if (first) options.onStartFailed?.(message.error);
          settleStart?.reject(ApiError.fromBody(message.error));
          return;
        case 'result': {
          const call = pending.get(message.id);
          if (!call) return;
          pending.delete(message.id);
          clearTimeout(call.timer);
          if (message.ok) {
            track(call.name, message.json);
            call.resolve(message.json);
          } else call.reject(ApiError.fromBody(message.error));
          return;
        }
        case 'disposed':
          return;
      }
    });
    spawned.onExit(() => {
      clearTimeout(startTimer);
      markExited();
      if (child !== spawned) return;
      child = null;
      if (closing) return;
      failAll(() => new ApiError('internal', 'engineRestarted'));
      settleStart?.reject(new ApiError('internal', 'engineStoppedStarting'));
      // One that dies over and over (a broken install) is not started for ever: the next call says so.
      const now = Date.now();
      exits.push(now);
      while (exits.length > 0 && now - exits[0]! > 60_000) exits.shift();
      if (exits.length >= 3) {
        const error = new ApiError('internal', 'engineKeepsStopping');
        ready = Promise.reject(error);
        ready.catch(() => undefined);
        options.onStartFailed?.(error.toBody());
        return;
      }
      options.onRestart?.('exited');
      launch({ ...start, openPath: undefined, openOnStart: true }, authorityPath, false);
    });
    spawned.send({ type: 'start', options: start });
  }

  function track(name: string, json: Uint8Array): void {
    if (name === 'authority.open' || name === 'authority.create') authorityPath = (valueOfJsonBytes(json) as AuthorityView | null)?.file?.path ?? authorityPath;
    if (name === 'authority.close') authorityPath = null;
  }

  function failAll(error: (call: Pending) => ApiError): void {
    for (const [id, call] of pending) {
      clearTimeout(call.timer);
      pending.delete(id);
      call.reject(error(call));
    }
  }

  /** End the data process that is stuck (or was stopped) and start a fresh one that reopens the files. */
  function restart(why: 'timeout' | 'cancelled', start: HostStartOptions = { ...options.start, openPath: undefined, openOnStart: true }): void {
    const old = child;
    child = null;
    old?.kill();
    options.onRestart?.(why);
    launch(start, authorityPath, false);
  }

  function call(name: string, input: unknown): Promise<Uint8Array> {
    return new Promise<Uint8Array>((resolve, reject) => {
      // Registered at once, so Stop and a restart see a call still waiting for the data process to start.
      const id = nextId++;
      const entry: Pending = { name, resolve, reject, timer: undefined };
      pending.set(id, entry);
      ready.then(
        () => {
          if (!pending.has(id)) return;
          const target = child;
          if (!target) {
            pending.delete(id);
            reject(new ApiError('internal', 'engineStartingAgain'));
            return;
          }
          const limit = timeLimitFor(name, limits);
          entry.timer = setTimeout(() => {
            if (!pending.has(id)) return;
            const seconds = Math.round(limit / 1000);
            failAll((other) =>
              other === entry
                ? new ApiError('timeout', 'tookTooLong', { activityKey: `apiError.reason.activity.${activityOf(name)}`, count: Math.max(seconds, 1) })
                : new ApiError('timeout', 'waitedTooLong'),
            );
            restart('timeout');
          }, limit);
          target.send({ type: 'call', id, name, input });
        },
        (error: unknown) => {
          if (!pending.delete(id)) return;
          reject(error instanceof ApiError ? error : new ApiError('internal', 'engineCouldNotStart'));
        },
      );
    });
  }

  launch(options.start, null, true);

  async function callJson(name: string, input: unknown): Promise<Uint8Array> {
    if (name === 'app.stop') {
      // Answered here, never by the data process: it may be the thing that is busy.
      if (pending.size === 0) return jsonBytes({ stopped: false });
      failAll(() => new ApiError('cancelled'));
      restart('cancelled');
      return jsonBytes({ stopped: true });
    }
    return call(name, input);
  }

  return {
    callJson,
    async call(name: string, input: unknown): Promise<unknown> {
      return valueOfJsonBytes(await callJson(name, input));
    },
    dispose(): void {
      void this.close();
    },
    async close(): Promise<void> {
      if (closing) return exited;
      closing = true;
      failAll(() => new ApiError('cancelled', 'closing'));
      const current = child;
      if (!current) return;
      const gone = exited;
      current.send({ type: 'dispose' });
      const killer = setTimeout(() => current.kill(), 5_000);
      await gone;
      clearTimeout(killer);
    },
  };
}
