/**
 * Crash safety: a child process edits a school file through the real backend and is killed with SIGKILL
 * at seeded random moments (the nearest thing to pulling the plug a test can do). Every time, the file
 * must reopen with the real SchoolFile.open, pass `PRAGMA integrity_check`, and hold every edit the
 * child had acknowledged. Then the same during a migration: the file is either wholly at its old version
 * or wholly at the new one.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/connection';
import { SchoolFile } from '../../../db/schoolFile';
import { testSchoolYear } from '../../support/testSchoolYear';
import { LATEST_VERSION } from '../../../db/migrations';
import { crashTestMigrations, SLOW_MIGRATION_ROWS, SLOW_MIGRATION_VERSION } from './migrationList';
import { seededRandom } from '../../support/seededRandom';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..', '..');
const worker = path.join(here, 'crashWorker.ts');
const SEED = Number(process.env.MAPIO_CRASH_SEED ?? 20260907);
/** Runs (each ends in one SIGKILL) to aim for: 50 in npm test and CI, 1,000 or more in `npm run soak`. */
const EDIT_RUNS = Number(process.env.MAPIO_CRASH_RUNS ?? 50);
/** Never fewer than this many kills, however slow the machine: the guarantee rests on them. */
const MIN_KILLS = Math.min(EDIT_RUNS, 50);
const MIGRATION_RUNS = 12;
/** Past the minimum, stop starting new runs after this long (MAPIO_CRASH_BUDGET_MS; `npm run soak --crash-budget`). */
const BUDGET_MS = Number(process.env.MAPIO_CRASH_BUDGET_MS ?? 40_000);
/** The test's own limit: room for every run on a slow, shared machine. */
const TEST_TIMEOUT_MS = Number(process.env.MAPIO_CRASH_TIMEOUT_MS ?? Math.max(300_000, EDIT_RUNS * 6_000));

const folders: string[] = [];
/**
 * The worker is bundled once with esbuild (the same code, only faster to start than through tsx, so more
 * kills fit in the time); MAPIO_CRASH_TSX=1 runs it with `node --import tsx` instead.
 */
let workerCommand: string[] = ['--import', 'tsx', worker];
beforeAll(async () => {
  if (process.env.MAPIO_CRASH_TSX) return;
  const out = path.join(newFolder('mapio-crash-worker-'), 'crashWorker.cjs');
  await build({ entryPoints: [worker], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: out, packages: 'external', logLevel: 'warning' });
  workerCommand = [out];
});
afterAll(() => {
  for (const f of folders) fs.rmSync(f, { recursive: true, force: true });
});

/** The same numbers for the same seed on every run (mulberry32). */
const random = (seed: number): (() => number) => seededRandom(seed).next;

interface Run {
  lines: string[];
  killed: boolean;
  failure: string | null;
}

/**
 * Start the worker and SIGKILL it `delayMs` after it prints `trigger` (or after it starts, when
 * trigger is null). Resolves with what it printed.
 */
function runAndKill(args: string[], trigger: string | null, delayMs: number): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...workerCommand, ...args], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_PATH: path.join(repoRoot, 'node_modules') },
    });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | null = null;
    const arm = () => {
      if (!timer) timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    };
    const safety = setTimeout(() => child.kill('SIGKILL'), 15_000);
    if (trigger === null) arm();
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (trigger !== null && out.includes(`${trigger}\n`)) arm();
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    child.on('close', (_code, signal) => {
      if (timer) clearTimeout(timer);
      clearTimeout(safety);
      const lines = out.split('\n').filter((l) => l.length > 0);
      const failed = lines.find((l) => l.startsWith('FAILED'));
      resolve({ lines, killed: signal === 'SIGKILL', failure: failed ?? (signal === 'SIGKILL' ? null : `exited without being killed: ${err.slice(0, 500)}`) });
    });
  });
}

/**
 * SQLite's integrity check of the file as any SQLite would open it: read-write, so that a write cut off by
 * the kill (a non-empty -journal) is first undone. When the interrupted write followed a completed
 * migration, today's Mapio refuses the file as newer and leaves it untouched, journal and all, as it
 * promises; a newer Mapio's first read-write open is what undoes it, and that is the state checked here.
 */
function integrity(file: string): string {
  const db = openDatabase(file, { fileMustExist: true });
  try {
    return (db.prepare('PRAGMA integrity_check').pluck().all() as string[]).join('; ');
  } finally {
    db.close();
  }
}

function newFolder(prefix: string): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  folders.push(folder);
  return folder;
}

describe('crash safety: SIGKILL at random moments', () => {
  it('after every kill the file opens, passes integrity_check and holds every acknowledged edit', { timeout: TEST_TIMEOUT_MS }, async () => {
    const rand = random(SEED);
    const started = Date.now();
    let runs = 0;
    let kills = 0;
    let acknowledged = 0;
    let verified = 0;
    const kinds = new Map<string, number>();
    for (let run = 0; run < EDIT_RUNS && (run < MIN_KILLS || Date.now() - started < BUDGET_MS); run++) {
      const folder = newFolder('mapio-crash-');
      const school = path.join(folder, 'Bryn Derw.mapio');
      SchoolFile.create(school, testSchoolYear(), { appVersion: 'crash-test' }).close();
      // One run in five is killed while starting (opening, first backup); the rest mid-edits.
      const duringStart = rand() < 0.2;
      const delay = duringStart ? Math.floor(rand() * 600) : Math.floor(rand() * 900);
      const result = await runAndKill(['edits', school, path.join(folder, 'data')], duringStart ? null : 'READY', delay);
      runs++;
      expect(result.failure, `run ${run}`).toBeNull();
      if (result.killed) kills++;

      const acks = result.lines.filter((l) => l.startsWith('ACK ')).map((l) => l.split(' '));
      acknowledged += acks.length;

      // Reopen exactly as the app would.
      const reopened = SchoolFile.open(school);
      const year = reopened.readYear();
      reopened.close();
      expect(integrity(school), `run ${run}`).toBe('ok');

      const lineNames = new Set(year.lines.map((l) => l.name));
      const learnerByRef = new Map(year.learners.map((l) => [l.ref, l]));
      let lastRename = 0;
      for (const [, nText, kind, ...detail] of acks) {
        const n = Number(nText);
        kinds.set(kind!, (kinds.get(kind!) ?? 0) + 1);
        switch (kind) {
          case 'line-rename':
            lastRename = Math.max(lastRename, n);
            break;
          case 'line-create':
            expect(lineNames.has(`edit-${n}`), `run ${run}: line edit-${n} was acknowledged`).toBe(true);
            break;
          case 'learner-create':
            expect(learnerByRef.get(`C${n}`)?.name, `run ${run}: learner C${n}`).toBe(`edit-${n}`);
            break;
          case 'learner-enrol': {
            const learner = learnerByRef.get(`E${n}`);
            expect(learner, `run ${run}: learner E${n}`).toBeDefined();
            expect(
              year.enrolments.some((e) => e.learnerId === learner!.id && e.lineId === 1),
              `run ${run}: enrolment of E${n}`,
            ).toBe(true);
            break;
          }
          case 'mis':
            expect(learnerByRef.get(`M${n}`)?.name, `run ${run}: MIS learner M${n}`).toBe(`edit-${n}`);
            break;
          case 'import-json': {
            const imported = path.join(folder, `imported-${n}.mapio`);
            const copy = SchoolFile.open(imported);
            const copyYear = copy.readYear();
            copy.close();
            expect(copyYear.lines.length).toBe(Number(detail[0]));
            expect(copyYear.learners.length).toBe(Number(detail[1]));
            break;
          }
          default:
            throw new Error(`unknown acknowledgement ${kind}`);
        }
        verified++;
      }
      if (lastRename > 0) {
        // The last acknowledged rename, or one made after it that had not been acknowledged yet.
        const name = year.lines.find((l) => l.id === 1)?.name ?? '';
        expect(name, `run ${run}`).toMatch(/^edit-\d+$/);
        expect(Number(name.slice('edit-'.length)), `run ${run}`).toBeGreaterThanOrEqual(lastRename);
      }
      // A file imported but never acknowledged is either absent or complete (created atomically).
      // (Opened as the app would first: a kill while it was being closed may leave a journal to undo.)
      for (const name of fs.readdirSync(folder).filter((f) => /^imported-\d+\.mapio$/.test(f))) {
        SchoolFile.open(path.join(folder, name)).close();
        expect(integrity(path.join(folder, name)), `run ${run}: ${name}`).toBe('ok');
      }
    }
    console.log(
      `crash safety: ${runs} runs, ${kills} SIGKILLs, ${acknowledged} edits acknowledged, ${verified} verified after reopening (${[...kinds].map(([k, v]) => `${k} ${v}`).join(', ')}) in ${((Date.now() - started) / 1000).toFixed(1)} s (seed ${SEED})`,
    );
    expect(runs).toBeGreaterThanOrEqual(MIN_KILLS);
    expect(kills).toBe(runs);
    expect(verified).toBe(acknowledged);
    expect(acknowledged).toBeGreaterThan(runs); // the kills really landed among edits
  });

  it('a kill during a migration leaves the old version intact or the new one complete, never half', { timeout: 90_000 }, async () => {
    const rand = random(SEED + 1);
    let old = 0;
    let complete = 0;
    let runs = 0;
    const original = testSchoolYear();
    for (let run = 0; run < MIGRATION_RUNS; run++) {
      const folder = newFolder('mapio-crash-migrate-');
      const school = path.join(folder, 'Old.mapio');
      SchoolFile.create(school, original, { appVersion: 'crash-test' }).close();
      // Kill somewhere inside the ~0.3 s the copy and the slow migration take (a few runs just after).
      const result = await runAndKill(['migrate', school, path.join(folder, 'data')], 'MIGRATING', Math.floor(rand() * 320));
      runs++;
      expect(result.failure, `run ${run}`).toBeNull();
      // First, what the app does: today's Mapio opens it (old version) or says it is newer (migrated).
      let opensToday = true;
      try {
        SchoolFile.open(school).close();
      } catch (error) {
        opensToday = false;
        expect((error as { code?: string }).code, `run ${run}: ${(error as Error).message}`).toBe('file_too_new');
      }
      expect(integrity(school), `run ${run}`).toBe('ok');

      const db = openDatabase(school, { readonly: true, fileMustExist: true });
      const version = db.pragma('user_version', { simple: true }) as number;
      const scratch = db.prepare(`SELECT count(*) FROM sqlite_schema WHERE name = 'crash_scratch'`).pluck().get() as number;
      const rows = scratch ? (db.prepare('SELECT count(*) FROM crash_scratch').pluck().get() as number) : 0;
      const names = db.prepare('SELECT name FROM lines ORDER BY id').pluck().all() as string[];
      db.close();

      if (version === LATEST_VERSION) {
        old++;
        expect(opensToday).toBe(true);
        expect(scratch, `run ${run}: no trace of the interrupted migration`).toBe(0);
        expect(names).toEqual(original.lines.map((l) => l.name));
        // Today's Mapio opens it as if nothing had happened, and the next open migrates it fully.
        const reopened = SchoolFile.open(school);
        expect(reopened.readYear().lines.map((l) => l.name)).toEqual(names);
        reopened.close();
      } else {
        complete++;
        expect(opensToday).toBe(false);
        expect(version, `run ${run}`).toBe(SLOW_MIGRATION_VERSION);
        expect(rows).toBe(SLOW_MIGRATION_ROWS);
        expect(names).toEqual(original.lines.map((l) => `${l.name} (migrated)`));
        const reopened = SchoolFile.open(school, { migrations: crashTestMigrations });
        expect(reopened.readYear().lines).toHaveLength(original.lines.length);
        reopened.close();
      }
    }
    console.log(`crash safety during a migration: ${runs} runs killed, ${old} left at the old version intact, ${complete} complete at the new one, 0 half-migrated`);
    expect(old + complete).toBe(runs);
  });
});
