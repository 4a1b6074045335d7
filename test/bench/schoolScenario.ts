/**
 * The large secondary, measured in a process of its own (so its peak memory is its own):
 * open the file; recost by the engine; the SQL floor (asserted equal to the engine to the penny);
 * an edit through the API until the new totals come back; the governors' workbook.
 *
 * Run by test/bench/run.ts: `node --import tsx test/bench/schoolScenario.ts <result.json> <work folder>`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createBackend } from '../../backend/backend';
import { openDatabase } from '../../db/connection';
import { SchoolFile } from '../../db/schoolFile';
import { createSchoolYearReader } from '../../db/schoolYearReader';
import type { SchoolYear } from '../../shared/domain';
import { costSchoolYear } from '../../shared/engine';
import type { CostedMap } from '../../shared/engine';
import { LARGE_SECONDARY, largeSecondaryYear } from './generatedSchool';
import { MemoryPeak, timeOnce, timeRuns, timeRunsAsync, type Timing } from './measure';
import { prepareSqlFloor, type FloorTotals } from './sqlFloor';

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
  sqlFloor: Timing;
  totals: { costPence: number; chargedPence: number; linesCostPence: number; byTier: Array<{ key: string; costPence: number; chargedPence: number }> };
  edit: Timing;
  editBreakdown: { readYear: Timing; view: Timing };
  workbook: Timing & { bytes: number; sheets: number };
  memory: { peakRssMb: number; peakHeapMb: number };
}

/** Throws, naming the figure, unless the floor and the engine agree to the penny. */
export function assertFloorEqualsEngine(floor: FloorTotals, costed: CostedMap): void {
  const t = costed.totals;
  const pairs: Array<[string, number, number]> = [
    ['total cost', floor.costPence, t.costPence],
    ['charged to the ALN budget', floor.chargedPence, t.chargedPence],
    ['line cost', floor.linesCostPence, t.linesCostPence],
  ];
  const keys = new Set([...floor.byTier.keys(), ...t.byTier.map((b) => b.key)]);
  for (const key of keys) {
    const engine = t.byTier.find((b) => b.key === key);
    const sql = floor.byTier.get(key);
    pairs.push([`tier ${key} cost`, sql?.costPence ?? 0, engine?.costPence ?? 0]);
    pairs.push([`tier ${key} charged`, sql?.chargedPence ?? 0, engine?.chargedPence ?? 0]);
  }
  const wrong = pairs.filter(([, a, b]) => a !== b);
  if (wrong.length > 0) {
    throw new Error(`The SQL floor and the engine disagree: ${wrong.map(([what, sql, engine]) => `${what}: SQL ${sql} p, engine ${engine} p`).join('; ')}`);
  }
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

  // The floor, through its own read-only connection to the same file.
  const db = openDatabase(filePath, { readonly: true, fileMustExist: true });
  const floor = prepareSqlFloor(db);
  const sqlFloor = timeRuns(() => floor.run(), 200, 20);
  assertFloorEqualsEngine(floor.totals(floor.run()), costed);
  db.close();

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
    sqlFloor,
    totals: {
      costPence: costed.totals.costPence,
      chargedPence: costed.totals.chargedPence,
      linesCostPence: costed.totals.linesCostPence,
      byTier: costed.totals.byTier,
    },
    edit,
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
