/**
 * Which column holds what: guessed from the header row, overridable by the user (the UI shows it).
 * Headers are compared ignoring case, spaces and punctuation ("Legal Surname", "legal_surname" and
 * "LEGAL SURNAME" are the same); '+' is kept. For each field the first alias in the list that matches
 * a header wins, so a file with both UPN and Adno uses UPN.
 */
import { fieldIssue, type FieldIssue } from '../../shared/fieldIssues';
import { ApiError } from '../../shared/api/contract';
import { MIS_FIELDS, type MisColumnMapping, type MisField } from '../../shared/schemas';

export const normaliseHeader = (h: string): string =>
  h
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9+]/g, '');

/**
 * Header aliases per field, most specific first (already normalised). The Welsh ones include Mapio's own
 * Welsh words for each column (Cyfeirnod, Cyfenw, Enw cyntaf, Grŵp blwyddyn, Statws ADY, PYDd, Derbyn gofal,
 * DDY yn Gymraeg), so a list a Welsh-medium school keeps under those headings is read without choosing.
 */
export const MIS_HEADER_ALIASES: Readonly<Record<MisField, readonly string[]>> = {
  ref: [
    'upn',
    'uniquepupilnumber',
    'pupilid',
    'pupilno',
    'misid',
    'studentid',
    'learnerid',
    'learnerref',
    'reference',
    'ref',
    'cyfeirnod',
    'cyf',
    'adno',
    'admissionnumber',
    'admissionno',
    'admno',
    'id',
  ],
  surname: ['legalsurname', 'surname', 'lastname', 'familyname', 'legallastname', 'preferredsurname', 'cyfenw'],
  forename: ['legalforename', 'forename', 'firstname', 'givenname', 'legalfirstname', 'preferredforename', 'enwcyntaf'],
  name: ['name', 'fullname', 'pupilname', 'learnername', 'studentname', 'pupil', 'enw', 'enwllawn'],
  yearGroup: ['ncyear', 'yeargroup', 'year', 'curriculumyear', 'ncyearactual', 'nationalcurriculumyear', 'yr', 'blwyddyn', 'grwpblwyddyn'],
  alnStatus: ['alnstatus', 'senstatus', 'senalnstatus', 'alnsenstatus', 'sen', 'aln', 'ady', 'statwsady', 'senprovision', 'alnprovision'],
  efsm: ['efsm', 'fsm', 'efsmeligible', 'fsmeligible', 'freeschoolmeals', 'eligibleforfreeschoolmeals', 'efsmeligibility', 'pydd'],
  lookedAfter: ['lookedafter', 'inlacare', 'lac', 'cla', 'childlookedafter', 'lookedafterchild', 'lookedafterstatus', 'derbyngofal'],
  welshAlp: ['welshalp', 'alpinwelsh', 'welshmediumalp', 'alpwelsh', 'ddyynygymraeg', 'ddyyngymraeg', 'ddycymraeg'],
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

/** The catalogue key naming each learner field an MIS column can hold (`apiError.reason.misField.<field>`). */
const fieldKey = (field: MisField | 'fullName') => `apiError.reason.misField.${field}`;

/** Refuse a mapping that lacks a required column or points past the header, naming what to fix. */
export function assertUsableMapping(mapping: MisColumnMapping, header: readonly string[], fileName: string): void {
  const issues: FieldIssue[] = [];
  for (const field of MIS_FIELDS) {
    const at = mapping[field];
    if (at !== null && at >= header.length) issues.push(fieldIssue(`mapping.${field}`, 'columnNotInFile', { column: at + 1, columns: header.length }));
  }
  const missing: Array<MisField | 'fullName'> = [];
  if (mapping.ref === null) missing.push('ref');
  if (mapping.name === null && (mapping.surname === null || mapping.forename === null)) {
    if (mapping.surname === null && mapping.forename === null) missing.push('fullName');
    else missing.push(mapping.surname === null ? 'surname' : 'forename');
  }
  if (mapping.yearGroup === null) missing.push('yearGroup');
  for (const m of missing) issues.push(fieldIssue(m === 'fullName' ? 'mapping.name' : `mapping.${m}`, 'noColumnFor', { fieldKey: fieldKey(m) }));
  if (issues.length === 0) return;
  const found = header
    .filter((h) => h !== '')
    .map((h) => `“${h}”`)
    .join(', ');
  if (missing.length > 0) throw new ApiError('invalid_input', 'misNoColumns', { name: fileName, found: found || '—' }, issues);
  throw ApiError.invalid(issues);
}
