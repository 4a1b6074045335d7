/**
 * Versions presented to governors (docs/exports.md, "Versions presented to governors"): the map and the
 * governors' workbook made from it, kept in the school file under a name and the day they were presented.
 * Saved with an export (export.governorsWorkbook's `version`) or on their own; exported again from the
 * bytes kept, so the file is identical; opened and compared with the figures they showed.
 */
import path from 'node:path';
import { ApiError, type GovernorVersionOptions, type GovernorVersionSummary } from '../../shared/api/contract';
import { compareScenarios, costWithinExactRange, type CostedMap, type CostedYear } from '../../shared/engine';
import type { SchoolYear } from '../../shared/domain';
import type { NewGovernorVersion, StoredGovernorVersion } from '../../db/governorVersions';
import { exportTarget, writeExport } from '../exports/exportFile';
import { localToday } from '../../shared/localToday';
import { governorsWorkbookBytes, type LearnersOption } from '../exports/governorsWorkbook';
import type { Session } from '../session';
import { compareWithBaseline } from './scenarios';
import type { HandlerMap } from './types';

/** The governors' workbook of the map as it is now, with everything a version keeps to show it again. */
export interface WorkbookOfTheMap {
  bytes: Uint8Array;
  sheets: string[];
  kept: Omit<NewGovernorVersion, 'name' | 'presentedOn'>;
}

/**
 * Build the governors' workbook of the open school's plan (never a scenario). Everything it shows is read
 * before the first await, so a change made meanwhile cannot reach it.
 */
export async function workbookOfTheMap(session: Session, choice: { learners: LearnersOption; lang: 'en' | 'cy' }): Promise<WorkbookOfTheMap> {
  const file = session.requireBaseline();
  const view = session.view();
  const store = session.scenarios();
  const scenarios = store.list().map((s) => {
    const { id, name, year } = store.get(s.id);
    return { id, name, year };
  });
  const options: GovernorVersionOptions = { ...choice, generatedOn: localToday(), viewedOn: view.viewedOn };
  const baselineName = path.basename(file.path, '.mapio');
  const compared = compareWithBaseline(session);
  const comparison = compared.scenarios.length > 0 ? compared : null;
  let written: { bytes: Uint8Array; sheets: string[] };
  try {
    written = await governorsWorkbookBytes(view, { learners: choice.learners, lang: choice.lang, generatedOn: options.generatedOn, scenarios: comparison });
  } catch {
    // The transports only convert errors thrown synchronously, so this handler converts its own.
    throw new ApiError('internal', 'workbookFailed');
  }
  return { ...written, kept: { options, year: view.data, baselineName, scenarios, workbook: written.bytes, sheets: written.sheets } };
}

/** The engine's figures for a year as at the date (and week) a version was viewed at. */
function costedAt(year: SchoolYear, options: GovernorVersionOptions): CostedMap {
  const { date, chosenWeek } = options.viewedOn;
  return costWithinExactRange(year, chosenWeek === null ? { today: date } : { today: date, asAtWeek: chosenWeek });
}

function costedYear(id: number | null, name: string, year: SchoolYear, options: GovernorVersionOptions): CostedYear {
  return { id, name, year, costed: costedAt(year, options) };
}

/** Saving a version writes to the school file: refused, before any work, where it cannot be written. */
export function assertVersionsWritable(session: Session): void {
  session.requireNoScenario('version');
  session.requireBaseline().assertWritable();
}

function stored(session: Session, id: number): StoredGovernorVersion {
  return session.governorVersions().get(id);
}

export const versionHandlers: HandlerMap<'versions.list' | 'versions.save' | 'versions.open' | 'versions.export' | 'versions.compare' | 'versions.delete'> = {
  'versions.list': (_input, { session }) => session.governorVersions().list(),

  'versions.save': async ({ name, presentedOn, learners, lang }, { session }) => {
    assertVersionsWritable(session);
    const made = await workbookOfTheMap(session, { learners, lang });
    const store = session.governorVersions();
    const version = store.create({ ...made.kept, name, presentedOn });
    return { version, versions: store.list() };
  },

  'versions.open': ({ id }, { session }) => {
    const { year, baselineName: _name, scenarios: _scenarios, workbook: _workbook, sheets: _sheets, ...version } = stored(session, id);
    return { version: version satisfies GovernorVersionSummary, data: year, costed: costedAt(year, version.options) };
  },

  'versions.export': ({ id, path: target }, { session }) => {
    const file = session.requireBaseline();
    const out = exportTarget(target, 'workbook', file.path);
    const version = stored(session, id);
    writeExport(out, version.workbook);
    return { path: out, sheets: version.sheets, bytes: version.workbook.byteLength };
  },

  'versions.compare': ({ id }, { session }) => {
    const version = stored(session, id);
    const now = session.requireBaseline();
    const data = now.readYear();
    const current: CostedYear = { id: null, name: path.basename(now.path, '.mapio'), year: data, costed: costWithinExactRange(data, session.costOptions(data)) };
    return compareScenarios(current, [costedYear(version.id, version.name, version.year, version.options)]);
  },

  'versions.delete': ({ id }, { session }) => {
    const store = session.governorVersions();
    store.delete(id);
    return store.list();
  },
};
