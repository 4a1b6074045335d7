import { describe, expect, it } from 'vitest';
import { issuesInEnglish } from '../../test/support/refusalWords';
import { ApiError } from '../../shared/api/contract';
import { createI18n } from '../../shared/i18n';
import { assertUsableMapping, emptyMapping, guessMapping } from './columnMapping';
import { parseAlnStatus, parseFlag, parseYearGroup } from './learnerValues';

describe('year groups as MIS exports write them', () => {
  it('reads nursery, reception and years 1 to 14', () => {
    const cases: Array<[string, number]> = [
      ['N1', -1],
      ['N2', -1],
      ['Nursery', -1],
      ['Meithrin', -1],
      ['R', 0],
      ['YR', 0],
      ['Reception', 0],
      ['Derbyn', 0],
      ['0', 0],
      ['Y3', 3],
      ['Year 3', 3],
      ['year3', 3],
      ['3', 3],
      ['Yr 10', 10],
      ['Blwyddyn 6', 6],
      ['NC Year 14', 14],
      ['03', 3],
    ];
    for (const [text, year] of cases) expect(parseYearGroup(text), text).toBe(year);
  });

  it('refuses impossible ones', () => {
    for (const text of ['15', 'Y15', 'Year 20', '3.5', 'X', '-3', 'Y', 'N3', '100', 'Year']) expect(parseYearGroup(text), text).toBeNull();
  });
});

describe('ALN status codes', () => {
  it('maps the common MIS codes (the table in learnerValues.ts)', () => {
    const cases: Array<[string, string]> = [
      ['N', 'none'],
      ['None', 'none'],
      ['No SEN', 'none'],
      ['K', 'monitored'],
      ['ALN monitoring', 'monitored'],
      ['Monitored', 'monitored'],
      // Universal provision and School Action-style stages are not ALN under the ALN Code
      ['Universal', 'none'],
      ['School Action', 'none'],
      ['SA', 'none'],
      ['SA+', 'none'],
      ['School Action Plus', 'none'],
      ['SEN support', 'none'],
      ['SEN monitoring', 'monitored'],
      ['E', 'idp_school'],
      ['S', 'idp_school'],
      ['IDP (School)', 'idp_school'],
      ['School IDP', 'idp_school'],
      ['LA IDP', 'idp_la'],
      ['IDP (LA)', 'idp_la'],
      ['Statement', 'idp_la'],
    ];
    for (const [text, status] of cases) expect(parseAlnStatus(text), text).toBe(status);
    expect(parseAlnStatus('Maybe')).toBeNull();
    expect(parseAlnStatus('SA++')).toBeNull();
  });

  it('reads Mapio’s own words for each status, in English and Welsh, and every example a refused status gives', () => {
    for (const lang of ['en', 'cy'] as const) {
      const { t } = createI18n(lang);
      for (const status of ['none', 'monitored', 'idp_school', 'idp_la'] as const) expect(parseAlnStatus(t(`enums.alnStatus.${status}`)), `${lang} ${status}`).toBe(status);
    }
    // The Welsh reason for a refused status suggests these: each must be read, not refused again.
    expect(createI18n('cy').t('mis.reject.unknown_aln_status', { value: '“Efallai”' })).toContain('(e.e. N / Dim, K / Monitro, E / CDU ysgol, CDU ALl)');
    const cases: Array<[string, string]> = [
      ['Dim', 'none'],
      ['Monitro', 'monitored'],
      ['CDU ysgol', 'idp_school'],
      ['CDU', 'idp_school'],
      ['CDU ALl', 'idp_la'],
    ];
    for (const [text, status] of cases) expect(parseAlnStatus(text), text).toBe(status);
  });

  it('reads yes/no flags in English and Welsh', () => {
    expect(['Y', 'Yes', 'TRUE', '1', 'Ie'].map(parseFlag)).toEqual([true, true, true, true, true]);
    expect(['N', 'No', 'false', '0', 'Na'].map(parseFlag)).toEqual([false, false, false, false, false]);
    expect(parseFlag('sometimes')).toBeNull();
  });
});

describe('guessing the column mapping from headers', () => {
  it('SIMS: Legal Surname, Legal Forename, UPN, NC Year, SEN Status', () => {
    expect(guessMapping(['Legal Surname', 'Legal Forename', 'UPN', 'NC Year', 'SEN Status', 'Gender'])).toEqual({
      ...emptyMapping(),
      ref: 2,
      surname: 0,
      forename: 1,
      yearGroup: 3,
      alnStatus: 4,
    });
  });

  it('ignores case, spaces and punctuation, prefers UPN over Adno, and reads Welsh headers', () => {
    expect(guessMapping(['adno', 'U.P.N.', 'full_name', 'Blwyddyn', 'ADY', 'e-FSM', 'Looked after?', 'Welsh ALP'])).toEqual({
      ref: 1,
      surname: null,
      forename: null,
      name: 2,
      yearGroup: 3,
      alnStatus: 4,
      efsm: 5,
      lookedAfter: 6,
      welshAlp: 7,
    });
    expect(guessMapping(['Admission Number', 'Pupil ID', 'Name', 'Year Group', 'SEN/ALN status']).ref).toBe(1);
  });

  it('reads a list headed with Mapio’s own Welsh words for each column', () => {
    const { t } = createI18n('cy');
    const header = ['Cyfeirnod', 'surname', 'forename', 'yearGroup', 'alnStatus', 'efsm', 'lookedAfter', 'welshAlp'].map((f, i) => (i === 0 ? f : t(`mis.field.${f}`)));
    expect(header).toEqual(['Cyfeirnod', 'Cyfenw', 'Enw cyntaf', 'Grŵp blwyddyn', 'Statws ADY', 'PYDd', 'Derbyn gofal', 'DDY yn Gymraeg']);
    expect(guessMapping(header)).toEqual({ ref: 0, surname: 1, forename: 2, name: null, yearGroup: 3, alnStatus: 4, efsm: 5, lookedAfter: 6, welshAlp: 7 });
    // The Learners list's own headings: Cyf., Enw, DDY Cymraeg.
    expect(guessMapping(['Cyf.', 'Enw', 'Blwyddyn', 'DDY Cymraeg'])).toEqual({ ...emptyMapping(), ref: 0, name: 1, yearGroup: 2, welshAlp: 3 });
    expect(guessMapping(['Cyfeirnod', 'Enw llawn', 'Blwyddyn']).name).toBe(1);
  });

  it('names every required column that is missing, and the file’s own columns', () => {
    const header = ['Surname', 'Date of Birth'];
    let error: unknown;
    try {
      assertUsableMapping(guessMapping(header), header, 'list.csv');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).toBe(
      '“list.csv” has no column Mapio can use for some of what it needs (listed beside each). Its columns are “Surname”, “Date of Birth”. Choose which column holds each, or export them from your MIS.',
    );
    expect(issuesInEnglish((error as ApiError).issues)).toEqual([
      { path: 'mapping.ref', message: 'no column for the school reference (UPN, Pupil ID or Admission number)' },
      { path: 'mapping.forename', message: 'no column for forename (Legal Forename)' },
      { path: 'mapping.yearGroup', message: 'no column for year group (NC Year)' },
    ]);
    expect(() => assertUsableMapping({ ...emptyMapping(), ref: 0, name: 1, yearGroup: 9 }, ['UPN', 'Name'], 'x.csv')).toThrow(/mapping.yearGroup: column 10 is not in the file \(columns in it: 2\)/);
  });
});
