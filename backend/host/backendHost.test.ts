/**
 * The data process warms the engine only while no call waits: after start and after each answer, once
 * IDLE_BEFORE_REHEARSAL_MS have passed with nothing asked, one costing per task until the session says
 * there is no more to gain; calls asked meanwhile are answered as ever. Run in-process on a real school
 * file, with the host's messages passed through a pair of functions.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { COSTING_REHEARSALS, Session } from '../session';
import { IDLE_BEFORE_REHEARSAL_MS, runBackendHost, type HostPort } from './backendHost';
import { valueOfJsonBytes, type FromHost, type ToHost } from './hostProtocol';

const folders: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const f of folders.splice(0)) fs.rmSync(f, { recursive: true, force: true });
});

function host() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mapio-host-'));
  folders.push(dataDir);
  let deliver: (message: unknown) => void = () => {};
  const received: FromHost[] = [];
  const waiters: Array<() => void> = [];
  const port: HostPort = {
    send: (message) => {
      received.push(message);
      for (const w of waiters.splice(0)) w();
    },
    onMessage: (listener) => {
      deliver = listener;
    },
    onDisconnect: () => {},
  };
  runBackendHost(port, () => {});
  const next = (type: FromHost['type']): Promise<FromHost> =>
    new Promise((resolve) => {
      const look = () => {
        const found = received.find((m) => m.type === type);
        if (found) {
          received.splice(received.indexOf(found), 1);
          resolve(found);
        } else waiters.push(look);
      };
      look();
    });
  const send = (message: ToHost) => deliver(message);
  return { dataDir, send, next };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the data process warms the engine while idle', () => {
  it('rehearses after start once nothing is asked, a bounded number of times, and answers calls as ever', async () => {
    const rehearsals = vi.spyOn(Session.prototype, 'rehearseCosting');
    const { dataDir, send, next } = host();
    send({ type: 'start', options: { mode: 'browser', dataDir } });
    expect((await next('started')).type).toBe('started');
    send({ type: 'call', id: 1, name: 'year.get', input: {} });
    const first = await next('result');
    expect(first).toMatchObject({ id: 1, ok: true });
    expect(rehearsals).not.toHaveBeenCalled();

    await pause(IDLE_BEFORE_REHEARSAL_MS * 2);
    const rehearsed = rehearsals.mock.calls.length;
    expect(rehearsed).toBeGreaterThan(0);

    // A call asked while rehearsing is answered with the same figures as before any rehearsal.
    send({ type: 'call', id: 2, name: 'year.get', input: {} });
    const second = await next('result');
    expect(second).toMatchObject({ id: 2, ok: true });
    const costOf = (m: FromHost) => (valueOfJsonBytes((m as { json: Uint8Array }).json) as { costed: { totals: { costPence: number } } }).costed.totals.costPence;
    expect(costOf(second)).toBe(costOf(first));

    // However long it stays idle, it stops once there is no more to gain.
    await pause(IDLE_BEFORE_REHEARSAL_MS * 2);
    while (rehearsals.mock.calls.length > rehearsed && rehearsals.mock.results.at(-1)?.value === true) await pause(50);
    expect(rehearsals.mock.results.filter((r) => r.value === true)).toHaveLength(COSTING_REHEARSALS);
    send({ type: 'dispose' });
    expect((await next('disposed')).type).toBe('disposed');
  });
});
