/**
 * The large secondary, measured in a process of its own (so its peak memory is its own):
 * open the file; recost by the engine beside one hand-written pass that touches every record of the year once
 * and computes only line costs (the floor, asserted equal to the engine to the penny and to have read every
 * record); an edit through the API until the new
 * totals come back, and the size of what it answers through a door; the governors' workbook.
 *
 * Run by test/bench/run.ts: `node --import tsx test/bench/schoolScenario.ts <result.json> <work folder>`.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createBackend } from '../../backend/backend';
import { openDatabase } from '../../db/connection';
import { SchoolFile } from '../../db/schoolFile';
import { createSchoolYearReader } from '../../db/schoolYearReader';
import { applyYearPatch, type MutationResult, type PatchedAnswer, type YearView } from '../../shared/api/contract';
import type { SchoolYear } from '../../shared/domain';
import { costSchoolYear } from '../../shared/engine';
import { LARGE_SECONDARY, largeSecondaryYear } from './generatedSchool';
import { MemoryPeak, timeOnce, timeRuns, timeRunsAsync, type Timing } from './measure';
import { timeRecostAfterOneLineEdit } from './editRecost';
import { assertCopyOf, copyOfOutput, objectsIn } from './outputCopy';
import { assertFloorEqualsEngine, lineCostsInOnePass } from './singlePassFloor';

export interface SchoolResult {
  size: typeof LARGE_SECONDARY;
  generateMs: number;
  createMs: number;
  fileBytes: number;
  /** `file.open` through the API: checked, opened, read and costed (first open, then repeats). */
  openFirstMs: number;
  open: Timing;
  openBreakdown: { schoolFileOpen: Timing; readYear: Timing };
  engine: Timing;
  readAndEngine: Timing;
  /** One pass over the records computing only line costs (test/bench/singlePassFloor.ts). */
  singlePassFloor: Timing;
  /** The engine's output copied, every object made again (test/bench/outputCopy.ts), and how many objects that is. */
  outputCopy: Timing & { objects: number };
  /** YearCosting.cost after a one-line edit, the year in memory (test/bench/editRecost.ts); `checked`: costings found equal to a fresh costSchoolYear. */
  editRecost: Timing & { checked: number };
  totals: { costPence: number; chargedPence: number; linesCostPence: number; byTier: Array<{ key: string; costPence: number; chargedPence: number }> };
  edit: Timing;
  /** The same edit through the door the transports use, answered with a patch (backend/patchedAnswers.ts): time and JSON size. */
  editPatched: Timing & { bytes: number };
  editBreakdown: { readYear: Timing; view: Timing };
  workbook: Timing & { bytes: number; sheets: number };
  /** The product's work alone, in a process of its own (productWork below). */
  memory: { peakRssMb: number; peakHeapMb: number };
  /** This process's peak: the product's work with the bench's timing loops (whole reads by a reader of the bench's own, the engine alone, the floor) and their garbage. */
  memoryWithTimingLoops: { peakRssMb: number; peakHeapMb: number };
}

/**
 * The peak memory of what Mapio's data process does with the large secondary, and nothing else: create the
 * file, open it (7 times), 44 one-line edits through the API, then 44 through the door answered as patches
 * and serialised as the transport sends them, 22 views, and the governors' workbook 4 times. The timing
 * pass's loops (100 whole reads and recosts, 220 floor passes) are measuring instruments the product never
 * runs; their garbage would set this figure, so they run in the other process. What a client does with an
 * answer (parsing it, applying the patch) happens in the renderer's process, not here.
 */
async function productWork(workDir: string): Promise<SchoolResult['memory']> {
  const memory = new MemoryPeak();
  const stopSampling = memory.every(5);
  memory.phase('start');
  const filePath = path.join(workDir, 'Large secondary (memory).mapio');
  SchoolFile.create(filePath, largeSecondaryYear(), { appVersion: 'bench' }).close();
  memory.phase('created');

  const backend = createBackend({ mode: 'cli', dataDir: path.join(workDir, 'data-memory'), openOnStart: false });
  for (let i = 0; i < 7; i++) backend.invoke('file.open', { path: filePath });
  memory.phase('opened 7 times');

  const year = backend.session.require().readYear();
  const line = year.lines.find((l) => l.tierId === 'targeted' && year.enrolments.some((e) => e.lineId === l.id)) ?? year.lines[0]!;
  const lineId = line.id;
  const values = [line.minutesPerSession + 5, line.minutesPerSession + 10];
  for (let i = 0; i < 44; i++) backend.invoke('lines.update', { id: lineId, changes: { minutesPerSession: values[i % 2] } });
  memory.phase('44 edits through the API');

  await backend.call('app.info', { answerChangesAsPatches: true });
  let sent = JSON.stringify(await backend.call('year.get', {})).length;
  for (let i = 0; i < 44; i++) sent += JSON.stringify(await backend.call('lines.update', { id: lineId, changes: { minutesPerSession: values[i % 2] } })).length;
  if (sent === 0) throw new Error('nothing was answered through the door');
  memory.phase('44 edits through the door');
  for (let i = 0; i < 22; i++) backend.session.view();
  memory.phase('22 views');

  for (let i = 0; i < 4; i++) {
    await backend.invoke('export.governorsWorkbook', { path: path.join(workDir, `governors-memory-${i}.xlsx`), learners: 'pseudonymised', lang: 'en' });
    memory.phase(`workbook ${i + 1}`);
  }
  backend.dispose();
  stopSampling();
  return memory.result();
}

/** productWork in a fresh process: this script again, run the way this process was (bundled, or through the TypeScript loader). */
function productWorkInItsOwnProcess(workDir: string): SchoolResult['memory'] {
  const resultFile = path.join(workDir, 'memory.json');
  const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, '--memory', resultFile, workDir], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (child.status !== 0 || !fs.existsSync(resultFile)) throw new Error(`the memory pass failed (${child.error?.message ?? child.signal ?? `exit code ${child.status}`})`);
  return JSON.parse(fs.readFileSync(resultFile, 'utf8')) as SchoolResult['memory'];
}

async function main(): Promise<void> {
  const memoryPass = process.argv[2] === '--memory';
  const [outFile, workDir] = process.argv.slice(memoryPass ? 3 : 2);
  if (!outFile || !workDir) throw new Error('usage: schoolScenario.ts [--memory] <result.json> <work folder>');
  if (memoryPass) {
    fs.writeFileSync(outFile, JSON.stringify(await productWork(workDir)));
    return;
  }
  const memory = new MemoryPeak();
  const stopSampling = memory.every(5);
  memory.phase('start');

  const generated = await timeOnce(() => largeSecondaryYear());
  const year: SchoolYear = generated.value;
  const filePath = path.join(workDir, 'Large secondary.mapio');
  memory.phase('generated');
  const created = await timeOnce(() => SchoolFile.create(filePath, year, { appVersion: 'bench' }).close());
  memory.phase('created');

  const backend = createBackend({ mode: 'cli', dataDir: path.join(workDir, 'data'), openOnStart: false });
  const firstOpen = await timeOnce(() => backend.invoke('file.open', { path: filePath }));
  memory.phase('first open');
  const open = timeRuns(() => backend.invoke('file.open', { path: filePath }), 5, 1);
  memory.phase('opened 6 more times');
  const schoolFileOpen = timeRuns(() => SchoolFile.open(filePath).close(), 5, 1);

  const file = backend.session.require();
  // The open file hands out the year it last read while nothing has changed (db/schoolYearReader.ts), so a
  // read is measured through a reader of its own that reads the whole year every time.
  const readerDb = openDatabase(filePath, { readonly: true, fileMustExist: true });
  const readWholeYear = createSchoolYearReader(readerDb, { remember: false });
  const readYear = timeRuns(() => readWholeYear(), 30, 5);
  const inMemory = file.readYear();
  const engine = timeRuns(() => costSchoolYear(inMemory), 30, 5);
  const readAndEngine = timeRuns(() => costSchoolYear(readWholeYear()), 30, 5);
  const costed = costSchoolYear(inMemory);
  memory.phase('read and costed 100 times');

  // The floor: the same records in memory, each touched once, line costs only; equal to the engine's, every
  // line, and every record read (its counts equal the year's).
  const singlePassFloor = timeRuns(() => lineCostsInOnePass(inMemory), 200, 20);
  assertFloorEqualsEngine(inMemory, lineCostsInOnePass(inMemory), costed);
  memory.phase('single-pass floor');
  // The engine's output alone: the costed map copied, every object made again (outputCopy.ts).
  const outputCopy = { ...timeRuns(() => copyOfOutput(costed), 200, 20), objects: objectsIn(costed) };
  assertCopyOf(costed, copyOfOutput(costed));
  memory.phase('output copied');

  // The line the edits below change: the minutes of one group line.
  const line = inMemory.lines.find((l) => l.tierId === 'targeted' && inMemory.enrolments.some((e) => e.lineId === l.id)) ?? inMemory.lines[0]!;
  // The recost the data process runs after that edit, beside the floor: equal to a fresh costSchoolYear or the bench fails.
  const editRecost = timeRecostAfterOneLineEdit(inMemory, line, 300, 30);
  memory.phase('recost after a one-line edit');

  // An edit through the API, until the response with the new totals is back.
  const values = [line.minutesPerSession + 5, line.minutesPerSession + 10];
  let round = 0;
  let last: ReturnType<typeof backend.invoke<'lines.update'>> | null = null;
  const edit = timeRuns(
    () => {
      last = backend.invoke('lines.update', { id: line.id, changes: { minutesPerSession: values[round++ % 2] } });
    },
    40,
    4,
  );
  const finalMinutes = values[(round - 1) % 2]!;
  const expected = costSchoolYear({ ...inMemory, lines: inMemory.lines.map((l) => (l.id === line.id ? { ...l, minutesPerSession: finalMinutes } : l)) });
  const returned = (last as ReturnType<typeof backend.invoke<'lines.update'>> | null)?.view.costed.totals.costPence;
  if (returned !== expected.totals.costPence) {
    throw new Error(`lines.update returned a total of ${returned} p; the engine costs the edited year at ${expected.totals.costPence} p`);
  }
  memory.phase('44 edits through the API');
  // The same edit through the door, for a client that rebuilds views from patches: the answer as sent.
  await backend.call('app.info', { answerChangesAsPatches: true });
  let held = (await backend.call('year.get', {})) as YearView;
  let patchedBytes = 0;
  const editPatched = await timeRunsAsync(
    async () => {
      const answer = JSON.stringify(await backend.call('lines.update', { id: line.id, changes: { minutesPerSession: values[round++ % 2] } }));
      patchedBytes = answer.length;
      const { patch } = JSON.parse(answer) as PatchedAnswer<MutationResult>;
      if (patch?.from !== held.version) throw new Error('lines.update through the door did not answer with a patch from the view sent before');
      held = applyYearPatch(held, patch);
    },
    40,
    4,
  );
  const patchedMinutes = values[(round - 1) % 2]!;
  const patchedExpected = costSchoolYear({ ...inMemory, lines: inMemory.lines.map((l) => (l.id === line.id ? { ...l, minutesPerSession: patchedMinutes } : l)) });
  if (held.costed.totals.costPence !== patchedExpected.totals.costPence) {
    throw new Error(`the view rebuilt from lines.update's patches totals ${held.costed.totals.costPence} p; the engine costs the edited year at ${patchedExpected.totals.costPence} p`);
  }
  memory.phase('44 edits through the door');
  const editBreakdown = { readYear: timeRuns(() => readWholeYear(), 20, 2), view: timeRuns(() => backend.session.view(), 20, 2) };
  readerDb.close();
  memory.phase('edit breakdown');

  let n = 0;
  let workbookBytes = 0;
  let sheets = 0;
  const workbook = await timeRunsAsync(
    async () => {
      const written = await backend.invoke('export.governorsWorkbook', { path: path.join(workDir, `governors-${n++}.xlsx`), learners: 'pseudonymised', lang: 'en' });
      workbookBytes = written.bytes;
      sheets = written.sheets.length;
      memory.phase(`workbook ${n}`);
    },
    3,
    1,
  );

  backend.dispose();
  stopSampling();
  const memoryWithTimingLoops = memory.result();
  const result: SchoolResult = {
    size: LARGE_SECONDARY,
    generateMs: generated.ms,
    createMs: created.ms,
    fileBytes: fs.statSync(filePath).size,
    openFirstMs: firstOpen.ms,
    open,
    openBreakdown: { schoolFileOpen, readYear },
    engine,
    readAndEngine,
    singlePassFloor,
    outputCopy,
    editRecost,
    totals: {
      costPence: costed.totals.costPence,
      chargedPence: costed.totals.chargedPence,
      linesCostPence: costed.totals.linesCostPence,
      byTier: costed.totals.byTier,
    },
    edit,
    editPatched: { ...editPatched, bytes: patchedBytes },
    editBreakdown,
    workbook: { ...workbook, bytes: workbookBytes, sheets },
    memory: productWorkInItsOwnProcess(workDir),
    memoryWithTimingLoops,
  };
  fs.writeFileSync(outFile, JSON.stringify(result, null, 2));
}

// Only when run as a script (run.ts imports the types and the assertion).
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  main().catch((error) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  });
}
