/**
 * Previewing and importing learners from an MIS export. Reading the file is asynchronous (exceljs);
 * deciding what each row does and writing it happen inside one `session.mutate`, i.e. one
 * transaction and one undo step, against the file as it is at that moment: if any write fails, the
 * transaction is rolled back and the school file is exactly as it was.
 */
import { fieldIssue } from '../../shared/fieldIssues';
import { ApiError, type MisPreview, type MutationResult } from '../../shared/api/contract';
import type { MisColumnMapping } from '../../shared/schemas';
import nodePath from 'node:path';
import type { Repositories } from '../../db/repositories';
import type { SchoolFile } from '../../db/schoolFile';
import type { Session } from '../session';
import { assertUsableMapping, guessMapping } from './columnMapping';
import { planMisImport, type MisImportPlan } from './misPreview';
import { readMisTable, type MisTable } from './misTable';

/** The columns a mapping reads: the only ones kept from the file. */
const mappedColumns = (mapping: MisColumnMapping): number[] => Object.values(mapping).filter((c): c is number => c !== null);

export function bytesFromBase64(contentBase64: string): Uint8Array {
  const bytes = Buffer.from(contentBase64, 'base64');
  if (bytes.length === 0) throw ApiError.invalid([fieldIssue('contentBase64', 'misFileEmpty')]);
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function emptyPreview(fileName: string, table: MisTable, mapping: MisColumnMapping, problem: ApiError): MisPreview {
  return {
    fileName,
    format: table.format,
    encoding: table.encoding,
    columns: table.header,
    mapping,
    rows: [],
    rowsTruncated: false,
    counts: { add: 0, update: 0, unchanged: 0, reject: 0, blank: 0, notInFile: 0 },
    statusReadings: [],
    mappingProblem: problem.toBody(),
  };
}

/**
 * An import belongs to the file it started in: reading the file and taking the backup are asynchronous,
 * and if another file (or another scenario) was opened meanwhile, the import is refused rather than
 * written into whichever file happens to be open now.
 */
export function assertStillOpen(session: Session, started: SchoolFile, fileName: string): void {
  if (session.require() === started) return;
  const now = session.openFile ? nodePath.basename(session.openFile.path) : '—';
  throw new ApiError('conflict', 'misFileChanged', { name: fileName, started: nodePath.basename(started.path), now });
}

/** What importing would do. Writes nothing. */
export async function previewMisImport(session: Session, fileName: string, contentBase64: string, mapping?: MisColumnMapping): Promise<MisPreview> {
  const file = session.require();
  const table = await readMisTable(fileName, bytesFromBase64(contentBase64), (header) => mappedColumns(mapping ?? guessMapping(header)));
  assertStillOpen(session, file, fileName);
  const used = mapping ?? guessMapping(table.header);
  try {
    assertUsableMapping(used, table.header, fileName);
  } catch (error) {
    if (error instanceof ApiError) return emptyPreview(fileName, table, used, error);
    throw error;
  }
  return planMisImport(fileName, table, used, file.readYear().learners).preview;
}

/** Write a plan's adds and updates; returns the new learners' ids. Runs inside the caller's transaction. */
export function applyMisImport(repos: Repositories, plan: MisImportPlan): number[] {
  const created = plan.adds.map((a) => repos.learners.create(a.fields));
  for (const u of plan.updates) repos.learners.update(u.learnerId, u.changes);
  return created;
}

/** Import on the user's confirmation: the preview is worked out again here, never taken from the client. */
export async function importMisLearners(session: Session, fileName: string, contentBase64: string, mapping: MisColumnMapping): Promise<MutationResult> {
  const started = session.require();
  started.assertWritable();
  const table = await readMisTable(fileName, bytesFromBase64(contentBase64), () => mappedColumns(mapping));
  assertStillOpen(session, started, fileName);
  assertUsableMapping(mapping, table.header, fileName);
  // A copy to go back to before anything changes; the import is refused if it cannot be taken.
  await session.backupBeforeImport();
  // Checked again after the last wait: from here to the commit nothing else can run.
  assertStillOpen(session, started, fileName);
  return session.mutate({ step: 'importLearners', params: { file: fileName } }, (repos, year) => applyMisImport(repos, planMisImport(fileName, table, mapping, year.learners)));
}
