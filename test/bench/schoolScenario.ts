/**
 * The large secondary, measured in a process of its own (so its peak memory is its own):
 * open the file; recost by the engine beside one hand-written pass that touches every record of the year once
 * and computes only line costs (the floor, asserted equal to the engine to the penny and to have read every
 * record); an edit through the API until the new
 * totals come back, and the size of what it answers through a door; the governors' workbook.
 *
 * Run by test/bench/run.ts: `node --import tsx test/bench/schoolScenario.ts <result.json> <work folder>`.
 */
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
  totals: { costPence: number; chargedPence: number; linesCostPence: number; byTier: Array<{ key: string; costPence: number; chargedPence: number }> };
  edit: Timing;
  /** The same edit through the door the transports use, answered with a patch (backend/patchedAnswers.ts): time and JSON size. */
  editPatched: Timing & { bytes: number };
  editBreakdown: { readYear: Timing; view: Timing };
  workbook: Timing & { bytes: number; sheets: number };
  memory: { peakRssMb: number; peakHeapMb: number };
}

async function main(): Promise<void> {
  const [outFile, workDir] = process.argv.slice(2);
  if (!outFile || !workDir) throw new Error('usage: schoolScenario.ts <result.json> <work folder>');
  const memory = new MemoryPeak();
  const stopSampling = memory.every(5);

  const generated = await timeOnce(() => largeSecondaryYear());
  const year: SchoolYear = generated.value;
  const filePath = path.join(workDir, 'Large secondary.mapio');
  const created = await timeOnce(() => SchoolFile.create(filePath, year, { appVersion: 'bench' }).close());
  memory.sample();

  const backend = createBackend({ mode: 'cli', dataDir: path.join(workDir, 'data'), openOnStart: false });
  const firstOpen = await timeOnce(() => backend.invoke('file.open', { path: filePath }));
  const open = timeRuns(() => backend.invoke('file.open', { path: filePath }), 5, 1);
  memory.sample();
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
  memory.sample();

  // The floor: the same records in memory, each touched once, line costs only; equal to the engine's, every
  // line, and every record read (its counts equal the year's).
  const singlePassFloor = timeRuns(() => lineCostsInOnePass(inMemory), 200, 20);
  assertFloorEqualsEngine(inMemory, lineCostsInOnePass(inMemory), costed);

  // An edit through the API, until the response with the new totals is back: the minutes of one group line.
  const line = inMemory.lines.find((l) => l.tierId === 'targeted' && inMemory.enrolments.some((e) => e.lineId === l.id)) ?? inMemory.lines[0]!;
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
  const editBreakdown = { readYear: timeRuns(() => readWholeYear(), 20, 2), view: timeRuns(() => backend.session.view(), 20, 2) };
  readerDb.close();
  memory.sample();

  let n = 0;
  let workbookBytes = 0;
  let sheets = 0;
  const workbook = await timeRunsAsync(
    async () => {
      const written = await backend.invoke('export.governorsWorkbook', { path: path.join(workDir, `governors-${n++}.xlsx`), learners: 'pseudonymised', lang: 'en' });
      workbookBytes = written.bytes;
      sheets = written.sheets.length;
      memory.sample();
    },
    3,
    1,
  );

  backend.dispose();
  stopSampling();
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
    memory: memory.result(),
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
