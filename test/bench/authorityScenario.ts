/**
 * An authority and all of Wales: schools' returns written, then imported into an authority file and
 * compared, each step in a process of its own (so each has its own peak memory).
 *
 *   node --import tsx test/bench/authorityScenario.ts write <folder> <count> <manifest.json> <result.json>
 *   node --import tsx test/bench/authorityScenario.ts import <folder> <manifest.json> <result.json> <work folder>
 *
 * `write` generates `count` distinct school years (seeded: school i is always the same school), costs
 * each with the engine, builds its authority return and writes each return's .xlsx once. The first 130
 * belong to one authority (Caerdydd); the rest are spread over Wales's other 21 authorities. The
 * manifest keeps each school's committed spend as the engine costed it, so `import` can check every
 * school's figure in the comparison to the penny.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createBackend } from '../../backend/backend';
import { writeReturnWorkbook } from '../../backend/returns/returnWorkbook';
import { buildAuthorityReturn } from '../../shared/authority/buildReturn';
import type { LanguageMedium, Phase } from '../../shared/domain';
import { costSchoolYear } from '../../shared/engine';
import { BENCH_SEED, generatedSchoolYear, type SchoolSize } from './generatedSchool';
import { MemoryPeak, timeOnce } from './measure';
import { seededRandom } from '../support/seededRandom';

export const AUTHORITY_SCHOOLS = 130;
export const WALES_SCHOOLS = 1480;

const OTHER_AUTHORITIES = [
  'Abertawe',
  'Blaenau Gwent',
  'Bro Morgannwg',
  'Caerffili',
  'Casnewydd',
  'Castell-nedd Port Talbot',
  'Ceredigion',
  'Conwy',
  'Gwynedd',
  'Merthyr Tudful',
  'Pen-y-bont ar Ogwr',
  'Powys',
  'Rhondda Cynon Taf',
  'Sir Benfro',
  'Sir Ddinbych',
  'Sir Fynwy',
  'Sir Gaerfyrddin',
  'Sir y Fflint',
  'Torfaen',
  'Wrecsam',
  'Ynys Môn',
];
const PLACES = ['Glan', 'Bryn', 'Cwm', 'Pen', 'Maes', 'Llan', 'Aber', 'Coed', 'Nant', 'Tref'];
const WORDS = ['Derw', 'Onnen', 'Afon', 'Mynydd', 'Gwyn', 'Teg', 'Celyn', 'Ffynnon', 'Eglwys', 'Rhyd'];

/** School i of Wales: its authority, phase and size. Mostly primaries, as in Wales (about 8 in 10). */
export function walesSchool(i: number): SchoolSize {
  const rnd = seededRandom(BENCH_SEED + 7919 * (i + 1));
  const localAuthority = i < AUTHORITY_SCHOOLS ? 'Caerdydd' : OTHER_AUTHORITIES[(i - AUTHORITY_SCHOOLS) % OTHER_AUTHORITIES.length]!;
  const phase: Phase = rnd.weighted([
    ['primary', 80],
    ['secondary', 12],
    ['all_through', 2],
    ['special', 3],
    ['nursery', 1],
    ['pru', 2],
  ] as const);
  const languageMedium: LanguageMedium = rnd.weighted([
    ['english', 65],
    ['welsh', 25],
    ['bilingual', 7],
    ['dual_stream', 3],
  ] as const);
  const big = phase === 'secondary' || phase === 'all_through';
  const numberOnRoll = big ? rnd.int(450, 1800) : phase === 'special' || phase === 'pru' ? rnd.int(30, 180) : rnd.int(40, 480);
  const learners = Math.max(6, Math.round(numberOnRoll * (phase === 'special' || phase === 'pru' ? 0.9 : rnd.int(12, 24) / 100)));
  const lines = big ? rnd.int(30, 150) : rnd.int(8, 30);
  const staff = big ? rnd.int(20, 60) : rnd.int(4, 18);
  const enrolments = Math.max(learners, lines * 2, Math.round(learners * (big ? rnd.int(40, 62) / 10 : rnd.int(15, 35) / 10)));
  const name = `Ysgol ${PLACES[i % PLACES.length]} ${WORDS[Math.floor(i / PLACES.length) % WORDS.length]} ${i + 1}`;
  return { seed: BENCH_SEED + i + 1, name, localAuthority, phase, languageMedium, numberOnRoll, learners, lines, staff, enrolments };
}

/** Each written return's file name, school and committed spend as the engine costed it. */
export type Manifest = Record<string, { name: string; chargedPence: number }>;

export interface WriteResult {
  count: number;
  buildMs: number;
  writeMs: number;
  bytes: number;
  memory: { peakRssMb: number; peakHeapMb: number };
}

export interface ImportResult {
  count: number;
  importMs: number;
  compareMs: number;
  totalMs: number;
  imported: number;
  rejected: number;
  checkedSchools: number;
  classificationDifferences: number;
  memory: { peakRssMb: number; peakHeapMb: number };
}

async function write(folder: string, count: number, manifestFile: string, resultFile: string): Promise<void> {
  const memory = new MemoryPeak();
  fs.mkdirSync(folder, { recursive: true });
  const manifest: Manifest = {};
  let buildMs = 0;
  let writeMs = 0;
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const built = await timeOnce(() => {
      const year = generatedSchoolYear(walesSchool(i));
      const costed = costSchoolYear(year);
      return { ret: buildAuthorityReturn(year, costed), name: year.school.name, chargedPence: costed.totals.chargedPence };
    });
    buildMs += built.ms;
    const written = await timeOnce(() => writeReturnWorkbook(built.value.ret, 'Mapio bench'));
    writeMs += written.ms;
    bytes += written.value.length;
    const fileName = `${String(i + 1).padStart(4, '0')}.xlsx`;
    fs.writeFileSync(path.join(folder, fileName), written.value);
    manifest[fileName] = { name: built.value.name, chargedPence: built.value.chargedPence };
    if (i % 50 === 0) memory.sample();
  }
  fs.writeFileSync(manifestFile, JSON.stringify(manifest));
  const result: WriteResult = { count, buildMs, writeMs, bytes, memory: memory.result() };
  fs.writeFileSync(resultFile, JSON.stringify(result, null, 2));
}

async function importAndCompare(folder: string, manifestFile: string, resultFile: string, workDir: string): Promise<void> {
  const memory = new MemoryPeak();
  const stopSampling = memory.every(20);
  // The schools whose returns are in this folder, and what the engine costed each one at.
  const written = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Manifest;
  const expectedByName = new Map(
    fs
      .readdirSync(folder)
      .filter((f) => written[f])
      .map((f) => [written[f]!.name, written[f]!.chargedPence]),
  );
  const count = expectedByName.size;
  fs.mkdirSync(workDir, { recursive: true });
  const backend = createBackend({ mode: 'cli', dataDir: path.join(workDir, 'data'), openOnStart: false });
  backend.invoke('authority.create', { path: path.join(workDir, 'Returns') });
  const imported = await timeOnce(() => backend.invoke('authority.importFolder', { path: folder }));
  memory.sample();
  const compared = await timeOnce(() => backend.invoke('authority.comparison', {}));
  memory.sample();
  const outcome = imported.value;
  if (outcome.rejected.length > 0) {
    throw new Error(`${outcome.rejected.length} returns were rejected, e.g. ${outcome.rejected[0]!.fileName}: ${outcome.rejected[0]!.reason}`);
  }
  const rows = compared.value.comparison.schools;
  if (rows.length !== count) throw new Error(`the comparison shows ${rows.length} schools; ${count} returns were written`);
  for (const row of rows) {
    const expected = expectedByName.get(row.context.name);
    if (row.committedPence !== expected) throw new Error(`${row.context.name}: the comparison shows ${row.committedPence} p committed; the engine costed ${expected} p`);
  }
  backend.session.closeAuthorityFile();
  backend.dispose();
  stopSampling();
  const result: ImportResult = {
    count,
    importMs: imported.ms,
    compareMs: compared.ms,
    totalMs: imported.ms + compared.ms,
    imported: outcome.imported.length,
    rejected: outcome.rejected.length,
    checkedSchools: rows.length,
    classificationDifferences: compared.value.comparison.classificationDifferences.length,
    memory: memory.result(),
  };
  fs.writeFileSync(resultFile, JSON.stringify(result, null, 2));
}

async function main(): Promise<void> {
  const [mode, ...args] = process.argv.slice(2);
  if (mode === 'write' && args.length === 4) return write(args[0]!, Number(args[1]), args[2]!, args[3]!);
  if (mode === 'import' && args.length === 4) return importAndCompare(args[0]!, args[1]!, args[2]!, args[3]!);
  throw new Error('usage: authorityScenario.ts write <folder> <count> <manifest.json> <result.json> | import <folder> <manifest.json> <result.json> <work folder>');
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  main().catch((error) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  });
}
