/**
 * Hostile input, bounded in time. Every operation in the contract (found from `operations`, so new ones
 * are fuzzed automatically) gets random and malformed payloads through `backend.call`: it must answer
 * or refuse with an ApiError that says something, never crash, never pollute prototypes, and a refused
 * call must change nothing (the open year, its undo history, which file is open, the files on disk).
 * Then the importers: JSON interchange (parseInterchange and `mapio import-json`), the MIS importer and
 * the authority-return importer, with mutated bytes. The counts tried are printed.
 */
import { englishIssueWording } from '../../../shared/i18n/apiErrors';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { API_ERROR_CODES, ApiError, isOperationName, operations, type OperationName } from '../../../shared/api/contract';
import { InterchangeError, parseInterchange, toInterchange } from '../../../shared/interchange';
import { createBackend, type TypedBackend } from '../../../backend/backend';
import { runCli } from '../../../backend/cli/main';
import { SchoolFile } from '../../../db/schoolFile';
import { testSchoolYear } from '../../support/testSchoolYear';
import { HOSTILE_STRINGS, hostileValue, payloadsFor, pollutingObject } from './hostileInput';
import { buildHostileFiles, type HostileFile } from './hostileFiles';

const SEED = Number(process.env.MAPIO_FUZZ_SEED ?? 424242);
/**
 * Inputs per target (every operation; the importers in proportion): 150 in npm test. `npm run soak` gives
 * a total instead (MAPIO_FUZZ_INPUTS, 100,000 by default), spread over every target.
 */
const IMPORTER_WEIGHT = (600 + 80 + 150 + 120) / 150;
const RUNS_PER_OPERATION = process.env.MAPIO_FUZZ_INPUTS
  ? Math.ceil(Number(process.env.MAPIO_FUZZ_INPUTS) / (Object.keys(operations).length + IMPORTER_WEIGHT))
  : Number(process.env.MAPIO_FUZZ_RUNS ?? 150);
/**
 * Each target stops early after this long, so the whole file stays bounded in npm test (about 70
 * targets); `npm run soak` sets it (MAPIO_FUZZ_MS_PER_OP; 0 for no limit, every input tried).
 */
const MS_PER_OPERATION = Number(process.env.MAPIO_FUZZ_MS_PER_OP ?? 400);
const timeLimit = (ms: number) => (MS_PER_OPERATION > 0 ? { interruptAfterTimeLimit: ms, markInterruptAsFailure: false } : {});
/** The importers' own runs and time limits, scaled with the operations'. */
const IMPORTER_SCALE = RUNS_PER_OPERATION / 150;
const TEST_TIMEOUT_MS = MS_PER_OPERATION > 0 ? Math.max(30_000, MS_PER_OPERATION * 25) : Math.max(30_000, RUNS_PER_OPERATION * 200);

let sandbox: string;
let basePath: string;
/** Hostile school files (hostileFiles.ts) offered wherever a payload names a file: never opened, never changed. */
let hostileFiles: HostileFile[] = [];
let hostileHashes: string[] = [];
const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
let backend: TypedBackend;
const previousCwd = process.cwd();
const counts = new Map<string, { tried: number; accepted: number; refused: number; internal: number }>();

function tally(target: string, outcome: 'accepted' | 'refused' | 'internal'): void {
  const c = counts.get(target) ?? { tried: 0, accepted: 0, refused: 0, internal: 0 };
  c.tried++;
  if (outcome === 'internal') {
    c.refused++;
    c.internal++;
  } else c[outcome]++;
  counts.set(target, c);
}

beforeAll(() => {
  sandbox = fs.mkdtempSync(path.join(os.tmpdir(), 'mapio-fuzz-'));
  // Relative paths in payloads land in the sandbox, never in the repository.
  process.chdir(sandbox);
  basePath = path.join(sandbox, 'base.mapio');
  SchoolFile.create(basePath, testSchoolYear(), { appVersion: 'fuzz' }).close();
  fs.mkdirSync(path.join(sandbox, 'a-folder'));
  const hostileFolder = path.join(sandbox, 'hostile');
  fs.mkdirSync(hostileFolder);
  hostileFiles = buildHostileFiles(hostileFolder);
  hostileHashes = hostileFiles.map((h) => sha256(h.path));
  backend = createBackend({ mode: 'cli', dataDir: path.join(sandbox, 'data'), openPath: basePath, today: () => '2026-11-24' });
  // Building the hostile files writes dozens of SQLite files: on a busy two-core machine that can pass 10 s.
}, 60_000);

afterAll(() => {
  backend?.dispose();
  expect(
    hostileFiles.map((h) => sha256(h.path)),
    'no hostile file was changed by anything the fuzz sent',
  ).toEqual(hostileHashes);
  process.chdir(previousCwd);
  fs.rmSync(sandbox, { recursive: true, force: true });
  const lines = [...counts].map(([target, c]) => `  ${target}: ${c.tried} tried, ${c.accepted} accepted, ${c.refused} refused${c.internal ? ` (${c.internal} as 'internal')` : ''}`);
  const total = [...counts.values()].reduce((s, c) => s + c.tried, 0);
  console.log(`hostile input: ${total} inputs tried across ${counts.size} targets (seed ${SEED})\n${lines.join('\n')}`);
});

/** File paths inside the sandbox: new names, the open file itself, a folder, a missing folder, relative names. */
const pathString = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.string({ maxLength: 16 }).map((s) => path.join(sandbox, 'made', s.replace(/[/\\\0]/g, '_') || 'x')),
    // A folder inside the sandbox (not the sandbox itself: a name given an extension must land inside it too).
    fc.constantFrom(basePath, path.join(sandbox, 'a-folder'), path.join(sandbox, 'missing', 'x.mapio'), 'relative', 'relative.xlsx', 'relative.mapio-la', ' '),
    fc.constantFrom(...hostileFiles.map((h) => h.path)),
  );

/** Any string under a key called path/to that would leave the sandbox is pointed back inside it. */
function confine(value: unknown, depth = 0): unknown {
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  for (const key of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[key];
    if (typeof v === 'string' && /^(path|to)$/i.test(key) && path.isAbsolute(v) && !path.resolve(v).startsWith(sandbox)) {
      (value as Record<string, unknown>)[key] = path.join(sandbox, 'made', 'confined');
    } else confine(v, depth + 1);
  }
  return value;
}

/** What a refused call must not change. */
function snapshot(): string {
  const file = backend.session.openFile;
  const listing = (dir: string): string[] => (fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []);
  return JSON.stringify({
    open: file?.path ?? null,
    year: file?.readYear() ?? null,
    history: file?.history() ?? null,
    files: listing(sandbox),
    made: listing(path.join(sandbox, 'made')),
    hostile: listing(path.join(sandbox, 'hostile')),
    // Size and times per call (cheap); the bytes themselves are compared once at the end.
    hostileStat: hostileFiles.map((h) => {
      const st = fs.statSync(h.path);
      return `${st.size}:${st.mtimeMs}:${st.ctimeMs}`;
    }),
  });
}

/** After an accepted call that closed or switched files, go back to the base file so the next call has one. */
function backToBase(): void {
  if (backend.session.openFile?.path !== basePath) backend.session.adopt(SchoolFile.open(basePath));
}

function assertNotPolluted(): void {
  const probe = {} as Record<string, unknown>;
  expect(probe.polluted).toBeUndefined();
  expect(probe.isAdmin).toBeUndefined();
  expect(Object.keys(Object.prototype)).toEqual([]);
}

function expectGoodRefusal(error: unknown, context: string): ApiError {
  expect(error, context).toBeInstanceOf(ApiError);
  const apiError = error as ApiError;
  expect(API_ERROR_CODES, context).toContain(apiError.code);
  expect(typeof apiError.message, context).toBe('string');
  expect(apiError.message.trim().length, context).toBeGreaterThan(0);
  expect(apiError.message, `${context}: no stack traces in messages`).not.toMatch(/\n\s+at .+:\d+:\d+/);
  return apiError;
}

/**
 * Calls still running: fast-check's time limit can leave the last run of a target going in the background
 * (a workbook still being written), which must finish before the next target compares snapshots.
 */
const inFlight = new Set<Promise<unknown>>();
afterEach(async () => {
  await Promise.allSettled([...inFlight]);
});

async function callAndCheck(target: string, name: string, input: unknown): Promise<'accepted' | 'refused' | 'internal'> {
  const before = snapshot();
  let outcome: 'accepted' | 'refused' | 'internal';
  const call = backend.call(name, input);
  inFlight.add(call);
  void call.catch(() => undefined).finally(() => inFlight.delete(call));
  try {
    await call;
    outcome = 'accepted';
  } catch (error) {
    const apiError = expectGoodRefusal(error, `${name} ${safeDescribe(input)}`);
    outcome = apiError.code === 'internal' ? 'internal' : 'refused';
    // An internal error is a failure: Mapio did not know what was wrong (a 500 in browser mode).
    expect(apiError.code, `${name} answered an internal error (${apiError.message}); input ${safeDescribe(input)}`).not.toBe('internal');
    expect(snapshot(), `${name} was refused (${apiError.message}) but changed something; input ${safeDescribe(input)}`).toBe(before);
  }
  assertNotPolluted();
  tally(target, outcome);
  const opened = backend.session.openFile?.path;
  expect(
    hostileFiles.map((h) => h.path),
    `${name} opened a hostile file`,
  ).not.toContain(opened);
  if (outcome === 'accepted') backToBase();
  return outcome;
}

function safeDescribe(input: unknown): string {
  try {
    return (JSON.stringify(input) ?? String(input)).slice(0, 300);
  } catch {
    return String(input).slice(0, 300);
  }
}

describe('hostile input: every operation in the contract', () => {
  const names = Object.keys(operations) as OperationName[];

  it('knows every operation (new ones are fuzzed without a change here)', () => {
    expect(names.length).toBeGreaterThan(30);
    expect(names).toContain('backups.restore');
  });

  for (const name of names) {
    it(
      `${name}: random and malformed payloads are answered or refused with a reason, and a refusal changes nothing`,
      async () => {
        const payloads = payloadsFor(operations[name].input, pathString());
        // One input first, outside the time budget: it loads what the operation needs (exceljs for the
        // workbook) and says how long one call takes on this machine now, so that a slow operation on a busy
        // machine still gets several inputs inside its budget rather than none.
        const [first] = fc.sample(payloads, { seed: SEED, numRuns: 1 });
        const started = Date.now();
        await callAndCheck(name, name, confine(first));
        const budget = MS_PER_OPERATION > 0 ? Math.max(MS_PER_OPERATION, 5 * (Date.now() - started)) : 0;
        await fc.assert(
          fc.asyncProperty(payloads, async (input) => {
            await callAndCheck(name, name, confine(input));
          }),
          { seed: SEED, numRuns: RUNS_PER_OPERATION, ...timeLimit(budget), endOnFailure: true },
        );
      },
      TEST_TIMEOUT_MS,
    );
  }

  it('unknown operation names, including prototype keys, are refused', async () => {
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', '', 'lines.create ', 'LINES.CREATE', 'x'.repeat(10_000), ...HOSTILE_STRINGS]) {
      expect(isOperationName(name)).toBe(false);
      const outcome = await callAndCheck('(unknown operations)', name, {});
      expect(outcome).toBe('refused');
    }
  });
});

describe('hostile input: the JSON interchange importer', () => {
  const valid = toInterchange(testSchoolYear(), 'fuzz');
  const validText = JSON.stringify(valid);

  /** Set or delete a value somewhere inside the document, by a random walk. */
  function mutateDocument(doc: unknown, picks: number[], hostile: unknown, remove: boolean): unknown {
    const copy = structuredClone(doc) as Record<string, unknown>;
    let node: Record<string, unknown> = copy;
    for (let i = 0; i < picks.length; i++) {
      const keys = Object.keys(node);
      if (keys.length === 0) break;
      const key = keys[(picks[i] as number) % keys.length] as string;
      const child = node[key];
      const last = i === picks.length - 1 || child === null || typeof child !== 'object';
      if (last) {
        if (remove) delete node[key];
        else node[key] = hostile;
        break;
      }
      node = child as Record<string, unknown>;
    }
    return copy;
  }

  const mutatedText = fc.oneof(
    fc
      .tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), hostileValue, fc.boolean())
      .map(([picks, hostile, remove]) => JSON.stringify(mutateDocument(valid, picks, hostile, remove)) ?? 'undefined'),
    fc.nat({ max: validText.length }).map((cut) => validText.slice(0, cut)),
    fc.tuple(fc.nat({ max: validText.length - 1 }), fc.string({ minLength: 1, maxLength: 3 })).map(([at, junk]) => validText.slice(0, at) + junk + validText.slice(at + 1)),
    fc.constant(JSON.stringify(pollutingObject({ format: 'mapio-school-year', version: 1, writtenBy: 'x', year: valid.year }))),
    fc.constantFrom('', 'null', '[]', '"x"', '1e999', '{"format":"mapio-school-year","version":2}', `{"format":"mapio-school-year","version":1,"writtenBy":"x","year":${'['.repeat(5000)}`),
  );

  it(
    'parseInterchange: every rejection is an InterchangeError naming where and why',
    () => {
      fc.assert(
        fc.property(mutatedText, (text) => {
          try {
            const year = parseInterchange(text);
            expect(year.school).toBeDefined();
            tally('parseInterchange', 'accepted');
          } catch (error) {
            expect(error, text.slice(0, 200)).toBeInstanceOf(InterchangeError);
            const issues = (error as InterchangeError).issues;
            expect(issues.length).toBeGreaterThan(0);
            for (const issue of issues) {
              expect(typeof issue.path).toBe('string');
              expect(issue.path.length).toBeGreaterThan(0);
              expect(issue.code.length).toBeGreaterThan(0);
              expect(englishIssueWording(issue)).not.toMatch(/apiError\.|\{\{/);
            }
            tally('parseInterchange', 'refused');
          }
          assertNotPolluted();
        }),
        { seed: SEED, numRuns: Math.ceil(600 * IMPORTER_SCALE), ...timeLimit(6000) },
      );
    },
    TEST_TIMEOUT_MS,
  );

  it(
    '`mapio import-json` writes nothing when it refuses a document',
    async () => {
      const folder = fs.mkdtempSync(path.join(sandbox, 'import-json-'));
      await fc.assert(
        fc.asyncProperty(mutatedText, async (text) => {
          const input = path.join(folder, 'in.json');
          const target = path.join(folder, 'out.mapio');
          fs.rmSync(target, { force: true });
          fs.writeFileSync(input, text);
          const errors: string[] = [];
          const code = await runCli(['import-json', input, target], { out: () => undefined, err: (t) => errors.push(t) });
          if (code === 0) {
            tally('mapio import-json', 'accepted');
            SchoolFile.open(target).close();
          } else {
            expect(code).toBe(1);
            expect(errors.join('\n')).toMatch(/^mapio: \S/);
            expect(fs.readdirSync(folder).sort(), 'nothing written beside the input').toEqual(['in.json']);
            tally('mapio import-json', 'refused');
          }
        }),
        { seed: SEED, numRuns: Math.ceil(80 * IMPORTER_SCALE), ...timeLimit(6000) },
      );
    },
    TEST_TIMEOUT_MS,
  );
});

/** Random byte damage: flips, cuts, insertions of the characters parsers trip on. */
function damagedBytes(base: Buffer): fc.Arbitrary<Buffer> {
  return fc.oneof(
    fc.array(fc.tuple(fc.nat({ max: base.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }).map((flips) => {
      const copy = Buffer.from(base);
      for (const [at, byte] of flips) copy[at] = byte;
      return copy;
    }),
    fc.nat({ max: base.length - 1 }).map((cut) => base.subarray(0, Math.max(1, cut))),
    fc
      .tuple(fc.nat({ max: base.length - 1 }), fc.constantFrom('"', '\n', '\r\n', ',', '=cmd|/c calc', '\u0000', '\uFEFF', '\u00e9', ';'))
      .map(([at, junk]) => Buffer.concat([base.subarray(0, at), Buffer.from(junk, 'utf8'), base.subarray(at)])),
    fc.uint8Array({ minLength: 1, maxLength: 512 }).map((bytes) => Buffer.from(bytes)),
  );
}

describe('hostile input: the MIS importer', () => {
  const fixtures = path.join(path.dirname(new URL(import.meta.url).pathname), '..', '..', '..', 'backend', 'mis', 'fixtures');

  it(
    'damaged MIS exports are previewed or refused with a reason; a refused import writes nothing',
    async () => {
      const samples = fs.readdirSync(fixtures).map((f) => ({ name: f, bytes: fs.readFileSync(path.join(fixtures, f)) }));
      const mapping = { ref: 0, surname: 2, forename: 1, name: null, yearGroup: 3, alnStatus: 4, efsm: null, lookedAfter: null, welshAlp: null };
      await fc.assert(
        fc.asyncProperty(
          fc.nat({ max: samples.length - 1 }).chain((i) => damagedBytes(samples[i]!.bytes).map((bytes) => ({ name: samples[i]!.name, bytes }))),
          fc.boolean(),
          async (sample, importIt) => {
            const input = { fileName: sample.name, contentBase64: sample.bytes.toString('base64') };
            if (importIt) await callAndCheck('mis.import (damaged files)', 'mis.import', { ...input, mapping });
            else await callAndCheck('mis.preview (damaged files)', 'mis.preview', input);
          },
        ),
        { seed: SEED, numRuns: Math.ceil(150 * IMPORTER_SCALE), ...timeLimit(8000) },
      );
    },
    TEST_TIMEOUT_MS,
  );
});

describe('hostile input: the authority-return importer', () => {
  it(
    'damaged returns are rejected with a reason and the authority file is unchanged',
    async () => {
      const returnPath = path.join(sandbox, 'return.xlsx');
      await backend.call('return.create', { path: returnPath });
      const good = fs.readFileSync(returnPath);
      await backend.call('authority.create', { path: path.join(sandbox, 'Authority.mapio-la') });
      const comparison = async () => JSON.stringify(((await backend.call('authority.comparison', {})) as { returns: unknown[] }).returns);
      await fc.assert(
        fc.asyncProperty(damagedBytes(good), async (bytes) => {
          const before = await comparison();
          let outcome: 'accepted' | 'refused' | 'internal' = 'refused';
          try {
            const result = (await backend.call('authority.importReturn', { fileName: 'return.xlsx', contentBase64: bytes.toString('base64'), replace: true })) as {
              imported: unknown[];
              rejected: Array<{ fileName: string; reason: string }>;
            };
            for (const r of result.rejected) expect(r.reason.trim().length, 'every rejection has a reason').toBeGreaterThan(0);
            if (result.imported.length > 0) outcome = 'accepted';
            else expect(await comparison(), 'a rejected return changes nothing').toBe(before);
          } catch (error) {
            const apiError = expectGoodRefusal(error, 'authority.importReturn');
            if (apiError.code === 'internal') outcome = 'internal';
            expect(apiError.code, `authority.importReturn answered an internal error (${apiError.message})`).not.toBe('internal');
            expect(await comparison()).toBe(before);
          }
          assertNotPolluted();
          tally('authority.importReturn (damaged returns)', outcome);
        }),
        { seed: SEED, numRuns: Math.ceil(120 * IMPORTER_SCALE), ...timeLimit(8000) },
      );
      await backend.call('authority.close', {});
    },
    TEST_TIMEOUT_MS,
  );
});
