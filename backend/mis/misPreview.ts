/**
 * What importing an MIS export would do, row by row, with no side effects: each data row is an add (a
 * reference Mapio has not seen), an update (a learner matched by the school reference, with the fields
 * that change), unchanged, or a reject with a reason naming what to fix. Blank rows are counted and
 * skipped. The same plan drives the import (misImport.ts), so the server never trusts a client's
 * classification.
 *
 * Decisions:
 * - Learners are matched by reference exactly (after trimming spaces); the reference never changes.
 * - A reference on two or more rows rejects all of them, each naming the others: Mapio cannot know which
 *   row is right.
 * - Only the mapped columns are read; a formula in a mapped cell rejects the row.
 * - A blank ALN status or flag means "not given": a new learner gets none / no, an existing learner
 *   keeps what Mapio has (so a column left empty never wipes an IDP). Name and year group are required.
 * - Learners already in Mapio but not in the file are left alone (counted as notInFile): a leaver is
 *   removed by a person, never by an import.
 */
import { MIS_PREVIEW_ROW_LIMIT, type MisFieldChange, type MisPreview, type MisPreviewRow, type MisRejectCode } from '../../shared/api/contract';
import type { AlnStatus, Learner } from '../../shared/domain';
import { CONTROL_CHARACTERS, type MisColumnMapping } from '../../shared/schemas';
import type { LearnerFields } from '../../db/repositories';
import { parseAlnStatus, parseFlag, parseYearGroup } from './learnerValues';
import type { MisCell, MisTable } from './misTable';

export const MAX_REF_LENGTH = 50;
export const MAX_NAME_LENGTH = 200;

export interface MisImportPlan {
  preview: MisPreview;
  adds: Array<{ rowNumber: number; fields: LearnerFields }>;
  updates: Array<{ rowNumber: number; learnerId: number; changes: Partial<LearnerFields> }>;
}

type FlagField = 'efsm' | 'lookedAfter' | 'welshAlp';
const FLAG_FIELDS: readonly FlagField[] = ['efsm', 'lookedAfter', 'welshAlp'];
const FLAG_LABELS: Record<FlagField, string> = { efsm: 'eFSM', lookedAfter: 'looked after', welshAlp: 'Welsh ALP' };

/** A row refused: its code and the specifics a reader needs (the value, the column, the rows, the limit), worded at the edge. */
class RowRejection {
  constructor(
    readonly code: MisRejectCode,
    readonly reason: string,
    readonly params: Record<string, string | number> = {},
  ) {}
}

/**
 * A name from a Windows-1252 file with "?" where a letter stood (next to a letter): Windows-1252 cannot
 * hold ŵ or ŷ, so an MIS saving in it writes "?" instead (docs/welsh.md, "Honest MIS text").
 */
export function mayHaveLostLetters(name: string): boolean {
  return /\p{L}\?|\?\p{L}/u.test(name);
}

/** True when `fromFile` is `existing` with some letters turned into "?": the same name, damaged by the encoding. */
export function sameNameButLostLetters(existing: string, fromFile: string): boolean {
  if (existing.length !== fromFile.length || existing === fromFile) return false;
  for (let i = 0; i < existing.length; i++) if (fromFile[i] !== existing[i] && fromFile[i] !== '?') return false;
  return true;
}

const shown = (text: string, max = 40) => `“${text.length > max ? `${text.slice(0, max)}…` : text}”`;

export function planMisImport(fileName: string, table: MisTable, mapping: MisColumnMapping, learners: readonly Learner[]): MisImportPlan {
  const cell = (cells: MisCell[], column: number | null): MisCell | null => (column === null ? null : (cells[column] ?? { text: '', formula: false }));
  const text = (cells: MisCell[], column: number | null): string => cell(cells, column)?.text.trim() ?? '';
  const columnName = (column: number) => table.header[column] || `column ${column + 1}`;
  const mappedColumns = Object.values(mapping).filter((c): c is number => c !== null);

  const dataRows = table.rows.filter((r) => !r.blank);
  const blank = table.rows.length - dataRows.length;

  // Every row carrying each reference, to reject duplicates naming each other.
  const rowsByRef = new Map<string, number[]>();
  for (const r of dataRows) {
    const c = cell(r.cells, mapping.ref);
    const ref = c && !c.formula ? c.text.trim() : '';
    if (ref === '') continue;
    const list = rowsByRef.get(ref);
    if (list) list.push(r.rowNumber);
    else rowsByRef.set(ref, [r.rowNumber]);
  }
  const learnerByRef = new Map(learners.map((l) => [l.ref, l]));

  const rows: MisPreviewRow[] = [];
  const counts = { add: 0, update: 0, unchanged: 0, reject: 0, blank, notInFile: 0 };
  const readings = new Map<string, { text: string; status: AlnStatus; rows: number }>();
  // Only a Windows-1252 CSV can have lost ŵ and ŷ: UTF-8 and .xlsx hold every letter.
  const lostLettersPossible = table.encoding === 'windows-1252';
  const plan: MisImportPlan = { preview: undefined as unknown as MisPreview, adds: [], updates: [] };
  let shownOthers = 0;
  let truncated = false;

  for (const { rowNumber, cells } of dataRows) {
    const ref = text(cells, mapping.ref);
    const name = mapping.name !== null ? text(cells, mapping.name).replace(/\s+/g, ' ') : `${text(cells, mapping.forename)} ${text(cells, mapping.surname)}`.trim().replace(/\s+/g, ' ');
    const row: MisPreviewRow = {
      rowNumber,
      action: 'reject',
      ref,
      name,
      yearGroup: null,
      alnStatus: null,
      learnerId: null,
      changes: [],
      rejectCode: null,
      rejectParams: {},
      reason: null,
      lostLetters: false,
    };
    try {
      const formulaColumn = mappedColumns.find((c) => cell(cells, c)?.formula);
      if (formulaColumn !== undefined) {
        throw new RowRejection(
          'formula',
          `The ${shown(columnName(formulaColumn))} cell holds a formula (${shown(cell(cells, formulaColumn)!.text || 'formula')}). Formulas are not imported: type the value itself.`,
          { column: columnName(formulaColumn) },
        );
      }
      if (ref === '')
        throw new RowRejection('missing_ref', `No school reference in ${shown(columnName(mapping.ref!))}: every learner needs one so a later import can find them.`, {
          column: columnName(mapping.ref!),
        });
      if (ref.length > MAX_REF_LENGTH) {
        throw new RowRejection('ref_too_long', `The reference ${shown(ref)} is ${ref.length} characters; at most ${MAX_REF_LENGTH} are allowed.`, {
          value: shown(ref),
          length: ref.length,
          max: MAX_REF_LENGTH,
        });
      }
      if (CONTROL_CHARACTERS.test(ref) || CONTROL_CHARACTERS.test(name)) {
        throw new RowRejection(
          'control_character',
          `The ${CONTROL_CHARACTERS.test(ref) ? 'reference' : 'name'} holds a control character (such as NUL) that no one types: correct the file in your MIS or spreadsheet and import again.`,
          { field: CONTROL_CHARACTERS.test(ref) ? 'ref' : 'name' },
        );
      }
      const sameRef = rowsByRef.get(ref) ?? [];
      if (sameRef.length > 1) {
        const others = sameRef.filter((n) => n !== rowNumber);
        throw new RowRejection('duplicate_ref', `The reference ${shown(ref)} is also on row ${others.join(', row ')}. Each learner must appear once: correct the file and import again.`, {
          value: shown(ref),
          rows: others.join(', '),
          count: others.length,
        });
      }
      if (name === '') throw new RowRejection('missing_name', 'No name: the learner’s name is required.');
      if (name.length > MAX_NAME_LENGTH)
        throw new RowRejection('name_too_long', `The name is ${name.length} characters; at most ${MAX_NAME_LENGTH} are allowed.`, { length: name.length, max: MAX_NAME_LENGTH });
      row.lostLetters = lostLettersPossible && mayHaveLostLetters(name);
      const yearText = text(cells, mapping.yearGroup);
      if (yearText === '') throw new RowRejection('missing_year_group', `No year group in ${shown(columnName(mapping.yearGroup!))}.`, { column: columnName(mapping.yearGroup!) });
      const yearGroup = parseYearGroup(yearText);
      if (yearGroup === null) {
        throw new RowRejection('impossible_year_group', `${shown(yearText)} is not a year group (use N1, N2 or Nursery, R or Reception, or Year 1 to Year 14).`, { value: shown(yearText) });
      }
      row.yearGroup = yearGroup;
      let alnStatus: AlnStatus | null = null;
      const alnText = text(cells, mapping.alnStatus);
      if (alnText !== '') {
        alnStatus = parseAlnStatus(alnText);
        if (alnStatus !== null) {
          const key = alnText.toLowerCase();
          const reading = readings.get(key);
          if (reading) reading.rows++;
          else readings.set(key, { text: alnText, status: alnStatus, rows: 1 });
        }
        if (alnStatus === null) {
          throw new RowRejection('unknown_aln_status', `${shown(alnText)} is not an ALN status Mapio knows (e.g. N / None, K / Monitored, E / School IDP, LA IDP).`, { value: shown(alnText) });
        }
      }
      row.alnStatus = alnStatus;
      const flags: Partial<Record<FlagField, boolean>> = {};
      for (const f of FLAG_FIELDS) {
        const t = text(cells, mapping[f]);
        if (t === '') continue;
        const value = parseFlag(t);
        if (value === null) throw new RowRejection('not_yes_or_no', `${FLAG_LABELS[f]} is ${shown(t)}; use Y or N (Yes or No).`, { field: f, value: shown(t) });
        flags[f] = value;
      }

      const existing = learnerByRef.get(ref);
      if (!existing) {
        row.action = 'add';
        row.alnStatus = alnStatus ?? 'none';
        counts.add++;
        plan.adds.push({
          rowNumber,
          fields: {
            ref,
            name,
            yearGroup,
            alnStatus: alnStatus ?? 'none',
            areaIds: [],
            welshAlp: flags.welshAlp ?? false,
            idpAlpMinutesPerWeek: null,
            referredOn: null,
            referralDecider: 'school',
            decidedOn: null,
            idpLastReviewed: null,
            idpReviewDue: null,
            efsm: flags.efsm ?? false,
            lookedAfter: flags.lookedAfter ?? false,
          },
        });
      } else {
        row.learnerId = existing.id;
        const changes: Partial<LearnerFields> = {};
        const noted: MisFieldChange[] = [];
        const compare = <K extends MisFieldChange['field']>(field: K, to: Learner[K] | undefined) => {
          if (to === undefined || to === existing[field]) return;
          (changes as Record<string, unknown>)[field] = to;
          noted.push({ field, from: existing[field], to });
        };
        // A name whose letters the file's encoding lost is not a change of name: the name Mapio has stays.
        if (!(lostLettersPossible && sameNameButLostLetters(existing.name, name))) compare('name', name);
        compare('yearGroup', yearGroup);
        compare('alnStatus', alnStatus ?? undefined);
        for (const f of FLAG_FIELDS) compare(f, flags[f]);
        if (alnStatus === null) row.alnStatus = existing.alnStatus;
        row.changes = noted;
        if (noted.length === 0) {
          row.action = 'unchanged';
          counts.unchanged++;
        } else {
          row.action = 'update';
          counts.update++;
          plan.updates.push({ rowNumber, learnerId: existing.id, changes });
        }
      }
    } catch (error) {
      if (!(error instanceof RowRejection)) throw error;
      row.action = 'reject';
      row.rejectCode = error.code;
      row.rejectParams = error.params;
      row.reason = error.reason;
      counts.reject++;
    }
    if (row.action === 'reject') rows.push(row);
    else if (shownOthers < MIS_PREVIEW_ROW_LIMIT) {
      rows.push(row);
      shownOthers++;
    } else truncated = true;
  }

  counts.notInFile = learners.filter((l) => !rowsByRef.has(l.ref)).length;
  plan.preview = {
    fileName,
    format: table.format,
    encoding: table.encoding,
    columns: table.header,
    mapping,
    rows,
    rowsTruncated: truncated,
    counts,
    statusReadings: [...readings.values()],
    mappingProblem: null,
  };
  return plan;
}
