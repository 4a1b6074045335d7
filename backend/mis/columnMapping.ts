/**
 * Which column holds what: guessed from the header row, overridable by the user (the UI shows it).
 * Headers are compared ignoring case, spaces and punctuation ("Legal Surname", "legal_surname" and
 * "LEGAL SURNAME" are the same); '+' is kept. For each field the first alias in the list that matches
 * a header wins, so a file with both UPN and Adno uses UPN.
 */
import { ApiError } from '../../shared/api/contract';
import { MIS_FIELDS, type MisColumnMapping, type MisField } from '../../shared/schemas';

export const normaliseHeader = (h: string): string =>
  h
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9+]/g, '');

/** Header aliases per field, most specific first (already normalised). */
export const MIS_HEADER_ALIASES: Readonly<Record<MisField, readonly string[]>> = {
  ref: ['upn', 'uniquepupilnumber', 'pupilid', 'pupilno', 'misid', 'studentid', 'learnerid', 'learnerref', 'reference', 'ref', 'adno', 'admissionnumber', 'admissionno', 'admno', 'id'],
  surname: ['legalsurname', 'surname', 'lastname', 'familyname', 'legallastname', 'preferredsurname', 'cyfenw'],
  forename: ['legalforename', 'forename', 'firstname', 'givenname', 'legalfirstname', 'preferredforename', 'enwcyntaf'],
  name: ['name', 'fullname', 'pupilname', 'learnername', 'studentname', 'pupil', 'enw'],
  yearGroup: ['ncyear', 'yeargroup', 'year', 'curriculumyear', 'ncyearactual', 'nationalcurriculumyear', 'yr', 'blwyddyn', 'grwpblwyddyn'],
  alnStatus: ['alnstatus', 'senstatus', 'senalnstatus', 'alnsenstatus', 'sen', 'aln', 'ady', 'statwsady', 'senprovision', 'alnprovision'],
  efsm: ['efsm', 'fsm', 'efsmeligible', 'fsmeligible', 'freeschoolmeals', 'eligibleforfreeschoolmeals', 'efsmeligibility'],
  lookedAfter: ['lookedafter', 'inlacare', 'lac', 'cla', 'childlookedafter', 'lookedafterchild', 'lookedafterstatus'],
  welshAlp: ['welshalp', 'alpinwelsh', 'welshmediumalp', 'alpwelsh', 'ddyynygymraeg'],
};

export function emptyMapping(): MisColumnMapping {
  return { ref: null, surname: null, forename: null, name: null, yearGroup: null, alnStatus: null, efsm: null, lookedAfter: null, welshAlp: null };
}

export function guessMapping(header: readonly string[]): MisColumnMapping {
  const normalised = header.map(normaliseHeader);
  const mapping = emptyMapping();
  const taken = new Set<number>();
  for (const field of MIS_FIELDS) {
    for (const alias of MIS_HEADER_ALIASES[field]) {
      const at = normalised.findIndex((h, i) => h === alias && !taken.has(i));
      if (at >= 0) {
        mapping[field] = at;
        taken.add(at);
        break;
      }
    }
  }
  // A file with separate surname and forename columns does not need a full-name column too.
  if (mapping.surname !== null && mapping.forename !== null) mapping.name = null;
  return mapping;
}

const FIELD_LABELS: Record<MisField, string> = {
  ref: 'the school reference (UPN, Pupil ID or Admission number)',
  surname: 'surname',
  forename: 'forename',
  name: 'name',
  yearGroup: 'year group (NC Year)',
  alnStatus: 'ALN status',
  efsm: 'eFSM',
  lookedAfter: 'looked after',
  welshAlp: 'Welsh ALP',
};

/** Refuse a mapping that lacks a required column or points past the header, naming what to fix. */
export function assertUsableMapping(mapping: MisColumnMapping, header: readonly string[], fileName: string): void {
  const issues: Array<{ path: string; message: string }> = [];
  for (const field of MIS_FIELDS) {
    const at = mapping[field];
    if (at !== null && at >= header.length) issues.push({ path: `mapping.${field}`, message: `column ${at + 1} is not in the file (it has ${header.length} columns)` });
  }
  const missing: string[] = [];
  if (mapping.ref === null) missing.push(FIELD_LABELS.ref);
  if (mapping.name === null && (mapping.surname === null || mapping.forename === null)) {
    if (mapping.surname === null && mapping.forename === null) missing.push('the learner’s name (Legal Surname and Legal Forename, or Name)');
    else missing.push(mapping.surname === null ? 'surname (Legal Surname)' : 'forename (Legal Forename)');
  }
  if (mapping.yearGroup === null) missing.push(FIELD_LABELS.yearGroup);
  for (const m of missing) issues.push({ path: 'mapping', message: `no column for ${m}` });
  if (issues.length === 0) return;
  const found = header
    .filter((h) => h !== '')
    .map((h) => `“${h}”`)
    .join(', ');
  const message =
    missing.length > 0
      ? `“${fileName}” has no column Mapio can use for ${missing.join('; ')}. Its columns are ${found || '(none)'}. Choose which column holds each, or export them from your MIS.`
      : `The column mapping does not fit “${fileName}”: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}.`;
  throw new ApiError('invalid_input', message, issues);
}
