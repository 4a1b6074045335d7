import { describe, expect, it } from 'vitest';
import { issuesFrom } from '../fieldIssues';
import {
  authorityReturnSchema,
  canonicalJson,
  countsByStatus,
  describeCount,
  publishedCount,
  returnInNewestShape,
  schoolKeyFor,
  schoolKeyOf,
  withheldLabel,
  type AuthorityReturn,
  type ReturnCount,
} from './returnFormat';
import { countInWords } from './countWords';
import { createI18n } from '../i18n';
import { buildAuthorityReturn, ReturnDisclosureError } from './buildReturn';
import { costSchoolYear } from '../engine';
import { enrolOn, incomeLine, interventionLine, learner, schoolYear, staffMember } from '../../test/support/schoolYearBuilder';
import type { SchoolYear } from '../domain';

/** A year with planted, unmistakable learner details: none of them may reach a return. */
function plantedYear(): SchoolYear {
  const elsa = interventionLine({ id: 1, name: 'ELSA', tierId: 'alp', deliveryLanguage: 'welsh', areaIds: ['besd', 'communication_interaction'], weeks: 12, startWeek: 1 });
  const phonics = interventionLine({ id: 2, name: 'Phonics catch-up', tierId: 'targeted', weeks: 6, startWeek: 3 });
  const learners = [
    learner({ id: 1, name: 'Zyxqvort Plimsoll', ref: 'ZQ-998877', alnStatus: 'idp_la', welshAlp: true, yearGroup: 5, idpLastReviewed: '2026-03-14' }),
    ...Array.from({ length: 6 }, (_, i) => learner({ id: i + 2, name: `Quibbleton Marrowfax ${i}`, ref: `QM-55${i}4${i}`, alnStatus: i < 3 ? 'idp_school' : 'monitored' })),
  ];
  return schoolYear({
    school: {
      name: 'Ysgol Prawf',
      nameCy: '',
      localAuthority: 'Sir Enghraifft',
      localAuthorityCy: '',
      localAuthorityCode: '',
      officialNumber: '',
      phase: 'primary',
      numberOnRoll: 210,
      efsmBasisPoints: 1834,
      languageMedium: 'welsh',
      academicYear: '2026-27',
      alpDefinitionSource: 'Sir Enghraifft ALP guidance',
      alpDefinitionSourceCy: '',
      alpDefinitionDate: '2025-07-01',
    },
    staff: [staffMember({ id: 1, name: 'Bronwen Staffname', hourlyCostPence: 1540 })],
    lines: [elsa, phonics],
    learners,
    enrolments: [enrolOn(elsa, 1, 1), enrolOn(elsa, 2, 2), enrolOn(phonics, 3, 3), ...[4, 5, 6, 7].map((l, i) => enrolOn(phonics, 4 + i, l))],
    income: [incomeLine({ id: 1, amountPence: 2_500_000, name: 'Delegated ALN 2026-27', source: 'LA statement for Zyxqvort' })],
  });
}

describe('buildAuthorityReturn', () => {
  it('carries the engine’s figures to the penny', () => {
    const year = plantedYear();
    const costed = costSchoolYear(year);
    const ret = buildAuthorityReturn(year, costed);
    expect(ret.totals.costPence).toBe(costed.totals.costPence);
    expect(ret.totals.chargedPence).toBe(costed.totals.chargedPence);
    expect(ret.budget).toEqual(costed.budget);
    // ELSA: £15.40 × 30/60 × 3 × 12 = £277.20; phonics 6 weeks = £138.60
    expect(ret.lines.map((l) => [l.name, l.costPence, l.tierName, l.isAlp, l.welshMedium, l.contactMinutesPerWeek])).toEqual([
      ['ELSA', 27_720, 'ALP', true, true, 90],
      ['Phonics catch-up', 13_860, 'Targeted', false, false, 90],
    ]);
    expect(ret.lines[0]?.areas).toEqual(['Behaviour, emotional and social development', 'Communication and interaction']);
    expect(ret.totals.byAlp).toEqual([
      { key: 'alp', costPence: 27_720, chargedPence: 27_720 },
      { key: 'not_alp', costPence: 13_860, chargedPence: 13_860 },
    ]);
    expect(ret.totals.byTier.find((t) => t.tierId === 'alp')).toEqual({ tierId: 'alp', name: 'ALP', isAlp: true, costPence: 27_720, chargedPence: 27_720 });
    expect(ret.income).toEqual([{ kind: 'delegated_aln', name: 'Delegated ALN 2026-27', amountPence: 2_500_000, financialYear: null, endsOn: null }]);
    expect(authorityReturnSchema.safeParse(ret).success).toBe(true);
  });

  it('withholds counts of 1–4 learners but never the money', () => {
    const year = plantedYear();
    const ret = buildAuthorityReturn(year, costSchoolYear(year));
    const elsa = ret.lines[0];
    expect(elsa?.learners).toEqual({ value: null, suppressed: true, why: 'small' });
    expect(elsa?.costPence).toBe(27_720);
    expect(describeCount(elsa!.learners)).toBe('fewer than 5');
    expect(ret.lines[1]?.learners).toEqual({ value: 5, suppressed: false });
    // 4 with ALN, all with IDPs (3 school, 1 LA): every ALN count is small and withheld; the 3 on the
    // monitoring register are not ALN and are withheld as a small count of their own.
    expect(ret.counts.learnersWithAln).toEqual({ value: null, suppressed: true, why: 'small' });
    expect(ret.counts.idps.suppressed).toBe(true);
    expect(ret.counts.monitored.suppressed).toBe(true);
    expect(ret.counts.idpsLaMaintained).toEqual({ value: null, suppressed: true, why: 'small' });
  });

  it('copies nothing learner-level: the planted names, refs and dates appear nowhere in it', () => {
    const year = plantedYear();
    const json = canonicalJson(buildAuthorityReturn(year, costSchoolYear(year)));
    for (const secret of ['Zyxqvort', 'Plimsoll', 'ZQ-998877', 'Quibbleton', 'Marrowfax', 'QM-55', '2026-03-14', 'Bronwen', 'Staffname', 'LA statement']) {
      expect(json).not.toContain(secret);
    }
    expect(json).not.toMatch(/"(learnerId|learnerIds|ref|yearGroup|dateOfBirth|shares|enrolmentId|description|rationale|fundingNote|source)"/);
  });

  it('refuses to build a return when a line is named after a learner, naming the line', () => {
    const year = plantedYear();
    year.lines[1]!.name = '1:1 for zyxqvort plimsoll';
    year.income[0]!.name = 'Top-up ZQ-998877';
    expect(() => buildAuthorityReturn(year, costSchoolYear(year))).toThrow(ReturnDisclosureError);
    try {
      buildAuthorityReturn(year, costSchoolYear(year));
    } catch (error) {
      expect((error as ReturnDisclosureError).fields).toEqual(['lines.1.name (“1:1 for zyxqvort plimsoll”)', 'income.0.name (“Top-up ZQ-998877”)']);
      expect((error as Error).message).toMatch(/Rename them/);
    }
  });

  it('refuses the same in the Welsh a school gave for a name, which the return now carries', () => {
    const year = plantedYear();
    year.lines[1]!.nameCy = 'Cymorth 1:1 i zyxqvort plimsoll';
    year.income[0]!.nameCy = 'Atodiad ZQ-998877';
    expect(() => buildAuthorityReturn(year, costSchoolYear(year))).toThrow(ReturnDisclosureError);
    try {
      buildAuthorityReturn(year, costSchoolYear(year));
    } catch (error) {
      expect((error as ReturnDisclosureError).fields).toEqual(['lines.1.nameCy (“Cymorth 1:1 i zyxqvort plimsoll”)', 'income.0.nameCy (“Atodiad ZQ-998877”)']);
    }
  });
});

describe('the return’s schema', () => {
  const valid = () => {
    const year = plantedYear();
    return JSON.parse(JSON.stringify(buildAuthorityReturn(year, costSchoolYear(year))));
  };

  it('has no field that could carry a learner: any extra field is refused, naming it', () => {
    const withName = valid();
    withName.lines[0].learnerNames = ['Zyxqvort Plimsoll'];
    const a = authorityReturnSchema.safeParse(withName);
    expect(a.success).toBe(false);
    expect(a.error?.issues[0]?.path).toEqual(['lines', 0]);
    expect(issuesFrom(a.error!)[0]).toMatchObject({ code: 'unknownKeys', params: { keys: 'learnerNames' } });
    const withLearners = { ...valid(), learners: [{ ref: 'ZQ-998877' }] };
    expect(authorityReturnSchema.safeParse(withLearners).success).toBe(false);
  });

  it('refuses a published small count and a float of money, naming the field', () => {
    const small = valid();
    small.lines[1].learners = { value: 3, suppressed: false };
    const r1 = authorityReturnSchema.safeParse(small);
    expect(r1.error?.issues[0]?.path).toEqual(['lines', 1, 'learners']);
    const float = valid();
    float.income[0].amountPence = 12.5;
    const r2 = authorityReturnSchema.safeParse(float);
    expect(r2.error?.issues[0]?.path).toEqual(['income', 0, 'amountPence']);
    expect(issuesFrom(r2.error!)[0]).toMatchObject({ path: 'income.0.amountPence', code: 'wholePence' });
  });

  it('refuses figures that no longer add up', () => {
    const r = valid();
    r.lines[0].costPence += 1;
    const result = authorityReturnSchema.safeParse(r);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain('totals.linesCostPence');
  });
});

describe('small numbers', () => {
  it('publishes 0 and 5 or more, withholds 1 to 4', () => {
    expect([0, 1, 4, 5, 40].map(publishedCount)).toEqual([
      { value: 0, suppressed: false },
      { value: null, suppressed: true, why: 'small' },
      { value: null, suppressed: true, why: 'small' },
      { value: 5, suppressed: false },
      { value: 40, suppressed: false },
    ]);
  });

  const none = { monitored: 0, idpPreparing: 0, idpSchool: 0, idpLa: 0, decisionsDue: 0, decisionsOverdue: 0 };

  it('withholds a second count when a withheld one could be worked out by subtraction', () => {
    // 20 with ALN = 12 being prepared + 8 IDPs (6 school, 2 LA): LA withheld, so school-maintained too.
    const a = countsByStatus({ ...none, idpPreparing: 12, idpSchool: 6, idpLa: 2 });
    expect(a.idps).toEqual({ value: 8, suppressed: false });
    expect(a.idpsLaMaintained.suppressed).toBe(true);
    expect(a.idpsSchoolMaintained.suppressed).toBe(true);
    expect(a.idpsPreparing).toEqual({ value: 12, suppressed: false });
    expect(a.learnersWithAln).toEqual({ value: 20, suppressed: false });
    // 9 IDPs all school-maintained, 0 LA: nothing small, nothing withheld.
    expect(countsByStatus({ ...none, idpPreparing: 30, idpSchool: 9 }).idpsSchoolMaintained).toEqual({ value: 9, suppressed: false });
    // 2 LA, 0 school: the IDP total would give it away, so it is withheld, and then those being prepared too.
    const b = countsByStatus({ ...none, idpPreparing: 30, idpLa: 2 });
    expect(b.idps.suppressed).toBe(true);
    expect(b.idpsPreparing.suppressed).toBe(true);
    expect(b.learnersWithAln).toEqual({ value: 32, suppressed: false });
  });

  it('says why each count is withheld: small, or only to protect a small one; the totals still add up', () => {
    // 6 school + 2 LA: the 2 is small; the 6 is withheld only so the 2 cannot be worked out from the 8.
    const a = countsByStatus({ ...none, idpPreparing: 12, idpSchool: 6, idpLa: 2 });
    expect(a.idpsLaMaintained).toEqual({ value: null, suppressed: true, why: 'small' });
    expect(a.idpsSchoolMaintained).toEqual({ value: null, suppressed: true, why: 'protects_small' });
    expect(describeCount(a.idpsLaMaintained)).toBe('fewer than 5');
    expect(describeCount(a.idpsSchoolMaintained)).toBe('withheld to protect a small count');
    // Published totals are the true sums: 20 = 12 + 8.
    expect(a.learnersWithAln.value).toBe((a.idpsPreparing.value ?? 0) + (a.idps.value ?? 0));
    // 2 LA, 0 school, 30 being prepared: the IDP total is 2 (small); those being prepared protect it.
    const b = countsByStatus({ ...none, idpPreparing: 30, idpLa: 2 });
    expect(b.idps.why).toBe('small');
    expect(b.idpsPreparing.why).toBe('protects_small');
    expect(b.idpsLaMaintained.why).toBe('small');
    // Worded in both languages from one rule.
    expect([a.idpsLaMaintained, a.idpsSchoolMaintained].map((c) => countInWords(createI18n('en').t, c))).toEqual(['fewer than 5', 'withheld to protect a small count']);
    expect([a.idpsLaMaintained, a.idpsSchoolMaintained].map((c) => countInWords(createI18n('cy').t, c))).toEqual(['llai na 5', 'wedi’i ddal yn ôl i ddiogelu nifer fach']);
    expect(countInWords(createI18n('en').t, a.idps)).toBe(8);
  });

  it('reads a version-3 return, which did not say why: a line’s learners are small, a count in a sum could be either', () => {
    const year = plantedYear();
    const ret = buildAuthorityReturn(year, costSchoolYear(year));
    const strip = (c: ReturnCount) => ({ value: c.value, suppressed: c.suppressed });
    const v3 = {
      ...ret,
      writtenAt: undefined,
      counts: Object.fromEntries(Object.entries(ret.counts).map(([k, c]) => [k, c ? strip(c) : c])),
      lines: ret.lines.map((l) => ({ ...l, learners: strip(l.learners) })),
    };
    const read = authorityReturnSchema.parse(returnInNewestShape(3, JSON.parse(canonicalJson(v3)))) as AuthorityReturn;
    expect(read.writtenAt).toBeNull();
    expect(read.lines[0]?.learners).toEqual({ value: null, suppressed: true, why: 'small' });
    expect(read.counts.monitored.why).toBe('small');
    expect(withheldLabel(read.counts.idps)).toBe('either');
    expect(describeCount(read.counts.idps)).toBe('fewer than 5, or withheld to protect one');
  });

  it('refuses a published count that claims a reason for being withheld', () => {
    const year = plantedYear();
    const ret = buildAuthorityReturn(year, costSchoolYear(year));
    const bad = { ...ret, lines: ret.lines.map((l, i) => (i === 1 ? { ...l, learners: { value: 5, suppressed: false, why: 'small' } } : l)) };
    expect(authorityReturnSchema.safeParse(bad).success).toBe(false);
  });

  it('counts the monitoring register apart from learners with ALN, and decisions due and overdue on their own', () => {
    const c = countsByStatus({ monitored: 40, idpPreparing: 0, idpSchool: 10, idpLa: 6, decisionsDue: 3, decisionsOverdue: 7 });
    expect(c.learnersWithAln).toEqual({ value: 16, suppressed: false });
    expect(c.monitored).toEqual({ value: 40, suppressed: false });
    expect(c.decisionsDue).toEqual({ value: null, suppressed: true, why: 'small' });
    expect(c.decisionsOverdue).toEqual({ value: 7, suppressed: false });
    // A small monitoring register is withheld without touching the ALN counts (it is in no sum).
    const d = countsByStatus({ monitored: 2, idpPreparing: 0, idpSchool: 10, idpLa: 6, decisionsDue: 0, decisionsOverdue: 0 });
    expect(d.monitored.suppressed).toBe(true);
    expect([d.learnersWithAln.value, d.idps.value, d.idpsSchoolMaintained.value, d.idpsLaMaintained.value]).toEqual([16, 16, 10, 6]);
  });
});

describe('canonicalJson and school keys', () => {
  it('keys a school by its official number where the return has one, else by its authority and name', () => {
    const school = { name: 'Ysgol Bryn Derw', localAuthority: 'Neath Port Talbot', officialNumber: '6712345' };
    expect(schoolKeyFor(school)).toBe('school/6712345');
    expect(schoolKeyFor({ ...school, name: 'Ysgol Gynradd Bryn Derw (renamed)' })).toBe('school/6712345');
    expect(schoolKeyFor({ ...school, officialNumber: '' })).toBe(schoolKeyOf(school));
  });

  it('writes the same text whatever order the keys were built in', () => {
    expect(canonicalJson({ b: 1, a: [{ d: null, c: 'x' }] })).toBe('{"a":[{"c":"x","d":null}],"b":1}');
    expect(canonicalJson({ a: [{ c: 'x', d: null }], b: 1 })).toBe(canonicalJson({ b: 1, a: [{ d: null, c: 'x' }] }));
  });

  it('matches a school however its name is spelt', () => {
    expect(schoolKeyOf({ name: 'Ysgol Gymraeg Llwyn-yr-Eos', localAuthority: 'Bro Morgannwg' })).toBe(schoolKeyOf({ name: 'ysgol gymraeg llwyn yr eos', localAuthority: 'Bro  Morgannwg' }));
    expect(schoolKeyOf({ name: 'Ysgol Tŷ Coch', localAuthority: 'X' })).toBe('x/ysgol-ty-coch');
  });
});
