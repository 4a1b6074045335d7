import { describe, expect, it } from 'vitest';
import { costSchoolYear } from './engine';
import { enrolOn, incomeLine, interventionLine, learner, schoolYear } from '../test/support/schoolYearBuilder';
import { INTERCHANGE_VERSION, parseInterchange, toInterchange } from './interchange';
import { weeksFromTerms } from './schoolTerms';

/** A year as a version-1 Mapio wrote it: none of the fields version 2 added. */
function version1Text(): { text: string; lineWithLearners: number } {
  const universal = interventionLine({ id: 1, tierId: 'universal', minutesPerSession: 60, sessionsPerWeekHundredths: 100, weeks: 38 });
  const year = schoolYear({ lines: [universal], learners: [learner({ id: 1 })], enrolments: [enrolOn(universal, 1, 1)] });
  const v1 = {
    format: 'mapio-school-year',
    version: 1,
    writtenBy: 'Mapio 0.1.0',
    year: {
      ...year,
      school: (({ localAuthorityCode: _c, officialNumber: _n, ...rest }) => ({ ...rest, localAuthority: 'Cyngor Gwynedd' }))(year.school),
      calendar: { weekStarts: year.calendar.weekStarts },
      tiers: year.tiers.map(({ nameCy: _cy, costing: _costing, ...t }) => t),
      areas: year.areas.map(({ nameCy: _cy, ...a }) => a),
    },
  };
  return { text: JSON.stringify(v1), lineWithLearners: universal.id };
}

describe('the interchange format', () => {
  it('writes version 7 and reads it back unchanged, referrals, closed days, Welsh measure units, sources, notes, tier descriptions and the Welsh authority name included', () => {
    const line = interventionLine({ id: 1, fundingNote: 'Secured by the health board (NHS)', fundingNoteCy: 'Wedi’i sicrhau gan y bwrdd iechyd (GIG)' });
    const year = schoolYear({
      lines: [line],
      learners: [learner({ id: 1, alnStatus: 'idp_preparing', referredOn: '2026-10-01', referralDecider: 'la', decidedOn: '2026-11-20' }), learner({ id: 2 })],
      enrolments: [{ ...enrolOn(line, 1, 1), measureName: 'Reading age', measureNameCy: 'Oedran darllen', measureUnit: 'months', measureUnitCy: 'mis' }],
      income: [incomeLine({ id: 1, amountPence: 100_000, source: 'Authority budget statement', sourceCy: 'Datganiad cyllideb yr awdurdod' })],
    });
    year.school = {
      ...year.school,
      alpDefinitionSource: 'County ALP guidance',
      alpDefinitionSourceCy: 'Canllawiau DDY y sir',
      localAuthority: 'Example County Borough Council',
      localAuthorityCy: 'Cyngor Bwrdeistref Sirol Enghraifft',
    };
    year.calendar.closedDays = [year.calendar.weekStarts[2] as string];
    year.tiers.push({
      id: 'wellbeing',
      name: 'Wellbeing groups',
      nameCy: 'Grwpiau lles',
      description: 'Small groups that meet all year.',
      descriptionCy: 'Grwpiau bach sy’n cwrdd drwy’r flwyddyn.',
      isAlp: false,
      costing: 'shared',
      sortOrder: 4,
    });
    const doc = toInterchange(year, 'test');
    expect(doc.version).toBe(7);
    expect(INTERCHANGE_VERSION).toBe(7);
    const read = parseInterchange(JSON.stringify(doc));
    expect(read).toEqual(year);
    expect(read.school.localAuthorityCy).toBe('Cyngor Bwrdeistref Sirol Enghraifft');
    expect(read.tiers.find((t) => t.id === 'wellbeing')).toMatchObject({ description: 'Small groups that meet all year.', descriptionCy: 'Grwpiau bach sy’n cwrdd drwy’r flwyddyn.' });
    expect([read.income[0]!.sourceCy, read.lines[0]!.fundingNoteCy, read.school.alpDefinitionSourceCy]).toEqual([
      'Datganiad cyllideb yr awdurdod',
      'Wedi’i sicrhau gan y bwrdd iechyd (GIG)',
      'Canllawiau DDY y sir',
    ]);
  });

  it('still reads version 6: no Welsh name for an authority the school typed, which is what version 6 meant', () => {
    const year = schoolYear();
    year.school = { ...year.school, localAuthority: 'Example County Borough Council', localAuthorityCode: '' };
    const doc = toInterchange(year, 'test');
    const v6 = { ...doc, version: 6, year: { ...doc.year, school: (({ localAuthorityCy: _a, ...s }) => s)(doc.year.school) } };
    expect(JSON.stringify(v6)).not.toContain('localAuthorityCy');
    const read = parseInterchange(JSON.stringify(v6));
    expect(read.school.localAuthorityCy).toBe('');
    expect(read).toEqual(year);
  });

  it('refuses a Welsh authority name longer than the English one may be (200 characters), naming the field', () => {
    const doc = toInterchange(schoolYear(), 'test');
    doc.year.school = { ...doc.year.school, localAuthorityCy: 'a'.repeat(201) };
    expect(() => parseInterchange(JSON.stringify(doc))).toThrow(/school\.localAuthorityCy/);
  });

  it('still reads version 5: no tier described for parents and no Welsh authority name, which is what version 5 meant', () => {
    const year = schoolYear();
    const doc = toInterchange(year, 'test');
    const v5 = {
      ...doc,
      version: 5,
      year: { ...doc.year, school: (({ localAuthorityCy: _a, ...s }) => s)(doc.year.school), tiers: doc.year.tiers.map(({ description: _d, descriptionCy: _c, ...t }) => t) },
    };
    const read = parseInterchange(JSON.stringify(v5));
    expect(read.school.localAuthorityCy).toBe('');
    expect(read.tiers.map((t) => [t.description, t.descriptionCy])).toEqual(year.tiers.map(() => ['', '']));
    expect(read).toEqual({ ...year, tiers: year.tiers.map((t) => ({ ...t, description: '', descriptionCy: '' })) });
  });

  it('refuses a tier description longer than 1,000 characters, naming the field', () => {
    const doc = toInterchange(schoolYear(), 'test');
    doc.year.tiers[1] = { ...doc.year.tiers[1]!, descriptionCy: 'a'.repeat(1001) };
    expect(() => parseInterchange(JSON.stringify(doc))).toThrow(/tiers\.1\.descriptionCy/);
  });

  it('still reads version 4: no income source, funding note or ALP definition source in Welsh, which is what version 4 meant', () => {
    const line = interventionLine({ id: 1, fundingNote: 'Secured by the health board (NHS)' });
    const year = schoolYear({ lines: [line], income: [incomeLine({ id: 1, amountPence: 100_000, source: 'Authority budget statement' })] });
    year.school = { ...year.school, alpDefinitionSource: 'County ALP guidance' };
    const doc = toInterchange(year, 'test');
    const v4 = {
      ...doc,
      version: 4,
      year: {
        ...doc.year,
        school: (({ alpDefinitionSourceCy: _a, ...s }) => s)(doc.year.school),
        lines: doc.year.lines.map(({ fundingNoteCy: _f, ...l }) => l),
        income: doc.year.income.map(({ sourceCy: _s, ...i }) => i),
      },
    };
    const read = parseInterchange(JSON.stringify(v4));
    expect([read.income[0]!.sourceCy, read.lines[0]!.fundingNoteCy, read.school.alpDefinitionSourceCy]).toEqual(['', '', '']);
    expect(read).toEqual(year);
  });

  it('still reads version 3: no measure unit in Welsh, which is what version 3 meant', () => {
    const line = interventionLine({ id: 1 });
    const year = schoolYear({ lines: [line], learners: [learner({ id: 1 })], enrolments: [{ ...enrolOn(line, 1, 1), measureName: 'Reading age', measureUnit: 'months' }] });
    const doc = toInterchange(year, 'test');
    const v3 = { ...doc, version: 3, year: { ...doc.year, enrolments: doc.year.enrolments.map(({ measureUnitCy: _u, ...e }) => e) } };
    const read = parseInterchange(JSON.stringify(v3));
    expect(read.enrolments.map((e) => e.measureUnitCy)).toEqual(['']);
    expect(read).toEqual(year);
  });

  it('still reads version 2: no learner referred and no closed day, which is what version 2 meant', () => {
    const year = schoolYear({ learners: [learner({ id: 1, alnStatus: 'monitored' })] });
    const doc = toInterchange(year, 'test');
    const v2 = {
      ...doc,
      version: 2,
      year: {
        ...doc.year,
        school: (({ nameCy: _n, ...s }) => s)(doc.year.school),
        calendar: { weekStarts: doc.year.calendar.weekStarts, terms: doc.year.calendar.terms },
        learners: doc.year.learners.map(({ referredOn: _r, referralDecider: _d, decidedOn: _o, ...l }) => l),
        lines: doc.year.lines.map(({ nameCy: _n, descriptionCy: _d, ...l }) => l),
      },
    };
    const read = parseInterchange(JSON.stringify(v2));
    expect(read.calendar.closedDays).toEqual([]);
    expect(read.learners.every((l) => l.referredOn === null && l.referralDecider === 'school' && l.decidedOn === null)).toBe(true);
    expect(read).toEqual(year);
  });

  it('still reads version 1, giving what version 2 added the meaning version 1 had', () => {
    const { text, lineWithLearners } = version1Text();
    const year = parseInterchange(text);
    // The universal tier was costed per pupil on roll by its id: it keeps that as its mode.
    expect(year.tiers.map((t) => [t.id, t.costing, t.nameCy])).toEqual([
      ['universal', 'whole_school', 'Cyffredinol'],
      ['targeted', 'shared', 'Wedi’i thargedu'],
      ['alp', 'shared', 'DDY'],
    ]);
    expect(year.areas.every((a) => a.nameCy !== '')).toBe(true);
    expect(year.school).toMatchObject({ localAuthority: 'Cyngor Gwynedd', localAuthorityCode: '661', officialNumber: '' });
    expect(weeksFromTerms(year.calendar.terms)).toEqual(year.calendar.weekStarts);
    const line = costSchoolYear(year).lines.find((l) => l.lineId === lineWithLearners)!;
    expect(line.shares.map((s) => s.pence)).toEqual([0]);
  });

  it('refuses a version it does not know, naming the versions it reads', () => {
    expect(() => parseInterchange(JSON.stringify({ ...toInterchange(schoolYear(), 'test'), version: 8 }))).toThrow(/reads versions 1, 2, 3, 4, 5, 6, 7\)/);
  });

  it('refuses a document without the fields version 2 requires', () => {
    const doc = toInterchange(schoolYear(), 'test');
    const { costing: _c, ...tier } = doc.year.tiers[0]!;
    expect(() => parseInterchange(JSON.stringify({ ...doc, year: { ...doc.year, tiers: [tier, ...doc.year.tiers.slice(1)] } }))).toThrow(/tiers\.0\.costing/);
  });
});
