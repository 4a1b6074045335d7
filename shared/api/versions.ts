/**
 * Versions presented to governors: a named, dated copy of the map and the governors' workbook made from it,
 * kept inside the school file, which later edits never change (docs/exports.md, "Versions presented to
 * governors"). Listed, opened read-only, exported again byte for byte, compared with the map as it is now.
 */
import { issue } from '../fieldIssues';
import { z } from 'zod';
import type { IsoDate, SchoolYear, WeekNumber } from '../domain';
import type { CostedMap, ScenarioComparison } from '../engine';
import { isoDate, singleLine } from '../schemas';
import { byId, filePath, id } from './fields';
import { op, type OperationGroup } from './operation';
import type { GovernorsWorkbookExport } from './exports';

export const VERSION_NAME_MAX = 120;

/** A version's name, e.g. "As presented to governors". */
export const versionName = singleLine(
  z
    .string()
    .trim()
    .min(1, issue('required'))
    .max(VERSION_NAME_MAX, issue('maxChars', { max: VERSION_NAME_MAX })),
);

/** What the version was presented as: its name and the day it was presented. */
export const versionLabel = z.strictObject({ name: versionName, presentedOn: isoDate });

export const WORKBOOK_LEARNERS = ['none', 'pseudonymised', 'named'] as const;
export const WORKBOOK_LANGS = ['en', 'cy'] as const;

/** The options the version's workbook was made with. */
export interface GovernorVersionOptions {
  learners: (typeof WORKBOOK_LEARNERS)[number];
  lang: (typeof WORKBOOK_LANGS)[number];
  /** The generated-on date the workbook carries. */
  generatedOn: IsoDate;
  /** The date (and chosen week) its figures and checks were as at. */
  viewedOn: { date: IsoDate; chosenWeek: WeekNumber | null };
}

/** A version kept in the school file. */
export interface GovernorVersionSummary {
  id: number;
  name: string;
  presentedOn: IsoDate;
  /** ISO date-time (UTC) it was saved. */
  createdAt: string;
  options: GovernorVersionOptions;
  /** The size of its workbook in bytes. */
  workbookBytes: number;
}

/** A version opened read-only: its year and the figures it showed. */
export interface GovernorVersionView {
  version: GovernorVersionSummary;
  data: SchoolYear;
  costed: CostedMap;
}

export interface GovernorVersionSaved {
  version: GovernorVersionSummary;
  versions: GovernorVersionSummary[];
}

export const versionsOperations = {
  /** The versions presented to governors kept in the open school file, oldest first. */
  'versions.list': op(z.strictObject({})).returns<GovernorVersionSummary[]>(),
  /** Keep the map as it is now, with its governors' workbook, as a named, dated version. Asynchronous (exceljs). */
  'versions.save': op(
    z.strictObject({
      name: versionName,
      presentedOn: isoDate,
      learners: z.enum(WORKBOOK_LEARNERS).default('none'),
      lang: z.enum(WORKBOOK_LANGS).default('en'),
    }),
  ).returns<Promise<GovernorVersionSaved>>(),
  /** A version's year and figures, to look at; nothing in it can be changed. */
  'versions.open': op(byId).returns<GovernorVersionView>(),
  /** Write the version's workbook again: the same bytes as when it was saved. */
  'versions.export': op(z.strictObject({ id, path: filePath })).returns<GovernorsWorkbookExport>(),
  /** The map as it is now beside the version, every figure from the engine. */
  'versions.compare': op(byId).returns<ScenarioComparison>(),
  /** Delete a version; not undoable, so the UI confirms first. */
  'versions.delete': op(byId).returns<GovernorVersionSummary[]>(),
} satisfies OperationGroup;
