import { describe, expect, it } from 'vitest';
import { costSchoolYear } from './costSchoolYear';
import { enrolOn, interventionLine, learner, schoolYear, staffMember } from '../../test/support/schoolYearBuilder';
import { welshProvision } from './welshProvision';
import { demoSchoolYear } from '../demo/demoSchool';

describe('welshProvision', () => {
  // Two learners whose IDP requires Welsh ALP, one who does not; ALP lines in Welsh, bilingually and in English.
  const welshLine = interventionLine({ id: 1, tierId: 'alp', deliveryLanguage: 'welsh', minutesPerSession: 30, sessionsPerWeekHundredths: 300, startWeek: 1, weeks: 38 });
  const bilingualLine = interventionLine({ id: 2, tierId: 'alp', deliveryLanguage: 'bilingual', minutesPerSession: 45, sessionsPerWeekHundredths: 50, startWeek: 1, weeks: 38 });
  const englishLine = interventionLine({ id: 3, tierId: 'alp', deliveryLanguage: 'english', minutesPerSession: 20, sessionsPerWeekHundredths: 500, startWeek: 1, weeks: 12 });
  const targetedWelsh = interventionLine({ id: 4, tierId: 'targeted', deliveryLanguage: 'welsh', minutesPerSession: 60, sessionsPerWeekHundredths: 100, startWeek: 1, weeks: 38 });
  const year = schoolYear({
    staff: [
      staffMember({ id: 1, worksInWelsh: true, contractedMinutesPerWeek: 1950 }),
      staffMember({ id: 2, worksInWelsh: true, contractedMinutesPerWeek: 600, isPlaceholder: true }),
      staffMember({ id: 3, worksInWelsh: false, contractedMinutesPerWeek: 1500 }),
    ],
    lines: [welshLine, bilingualLine, { ...englishLine, staff: [{ staffId: 3, count: 1 }] }, targetedWelsh],
    learners: [
      learner({ id: 10, alnStatus: 'idp_school', welshAlp: true, idpAlpMinutesPerWeek: 180 }),
      learner({ id: 11, alnStatus: 'idp_la', welshAlp: true, idpAlpMinutesPerWeek: null }),
      learner({ id: 12, alnStatus: 'idp_school', welshAlp: false, idpAlpMinutesPerWeek: 120 }),
    ],
    enrolments: [enrolOn(welshLine, 1, 10), enrolOn(bilingualLine, 2, 10), enrolOn(englishLine, 3, 11), enrolOn(targetedWelsh, 4, 11), enrolOn(welshLine, 5, 12)],
  });

  it('splits the ALP hours of learners whose IDP requires Welsh by delivery language, at the as-at week', () => {
    const costed = costSchoolYear(year, { asAtWeek: 5 });
    const w = welshProvision(year, costed);
    expect(w.learnersRequiringWelshAlp).toBe(2);
    expect(w.idpAlpMinutesPerWeek).toBe(180);
    expect(w.learnersWithoutIdpHours).toBe(1);
    // Welsh: 30 min × 3 = 90; bilingual: 45 min × 0.5 = 22.5 → 23 (rounded once per learner); English: 20 × 5 = 100.
    // The targeted Welsh line is not ALP; learner 12 does not need Welsh ALP.
    expect(w.alpMinutesPerWeek).toEqual({ welsh: 90, bilingual: 23, english: 100 });
    expect(w.learners.map((l) => l.learnerId)).toEqual([10, 11]);
    expect(w.learners[1]?.minutesPerWeek).toEqual({ welsh: 0, bilingual: 0, english: 100 });
  });

  it('drops a block once it has ended (as the learner page counts ALP a week)', () => {
    const w = welshProvision(year, costSchoolYear(year, { asAtWeek: 20 }));
    expect(w.alpMinutesPerWeek.english).toBe(0);
    expect(w.alpMinutesPerWeek.welsh).toBe(90);
  });

  it('adds up the Welsh-speaking staff’s contracted and peak allocated hours', () => {
    const costed = costSchoolYear(year, { asAtWeek: 5 });
    const w = welshProvision(year, costed);
    expect(w.welshSpeakingStaff).toBe(2);
    expect(w.welshStaffContractedMinutesPerWeek).toBe(1950 + 600);
    // Staff 1 delivers the Welsh (90), bilingual (22.5) and targeted Welsh (60) lines each week: 172.5 → its peak from the engine.
    const peak = costed.staff.find((s) => s.staffId === 1)?.peakAllocatedMinutesPerWeek ?? -1;
    expect(peak).toBeGreaterThan(0);
    expect(w.welshStaffAllocatedMinutesPerWeek).toBe(peak);
  });

  it('gives whole minutes for the demo school', () => {
    const demo = demoSchoolYear();
    const w = welshProvision(demo, costSchoolYear(demo, { asAtWeek: 10 }));
    for (const v of [w.idpAlpMinutesPerWeek, ...Object.values(w.alpMinutesPerWeek), w.welshStaffContractedMinutesPerWeek, w.welshStaffAllocatedMinutesPerWeek])
      expect(Number.isSafeInteger(v)).toBe(true);
    expect(w.learnersRequiringWelshAlp).toBe(demo.learners.filter((l) => l.welshAlp).length);
  });
});
