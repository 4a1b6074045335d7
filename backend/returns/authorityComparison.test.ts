import { englishIn, englishPhrases } from '../../shared/i18n/englishLeftovers';
/**
 * The authority's promise: 30 varied schools write their returns; three more are spoiled in different ways
 * and one is sent twice; the officer imports the folder. Exactly those four are rejected, with file
 * names and reasons; the 30 import; each school's comparison figures equal the engine's to the penny;
 * the classification differences planted in the schools are found with the right counts and costs.
 */
import { hasAln } from '../../shared/domain';
import fs from 'node:fs';
import os from 'node:os';
import nodePath from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildAuthorityReturn } from '../../shared/authority/buildReturn';
import { LANGUAGE_MEDIA, PHASES, type SchoolYear, type Tier } from '../../shared/domain';
import { costSchoolYear } from '../../shared/engine';
import { enrolOn, incomeLine, interventionLine, learner, otherCost, schoolYear, staffMember } from '../../test/support/schoolYearBuilder';
import type { CostedMap } from '../../shared/engine';
import { divideRoundedToNumber } from '../../shared/money';
import { createBackend, type TypedBackend } from '../backend';
import { runCli } from '../cli/main';
import { writeReturnWorkbook } from './returnWorkbook';
import { writeComparisonWorkbook } from './comparisonWorkbook';
import { STORED_PER_COMMIT, importReturns } from './importReturns';
import { AuthorityFile } from '../../db/authority/authorityFile';
import { compareReturns } from '../../shared/authority/comparison';
import { comparisonWords } from '../../shared/authority/comparisonWords';
import { schoolKeyOf, type AuthorityReturn } from '../../shared/authority/returnFormat';
import { createI18n } from '../../shared/i18n';
import { returnRejectionWords } from '../../shared/i18n/returnRejectionWords';
import { alterFirstCost, editReturnData, setVersion } from '../../test/support/returnFiles';

const SCHOOLS = 30;
const ELSA_ALP_AT = new Set([2, 9, 17, 25]);
const PRECISION_NAMES = ['Precision teaching', 'Precision Teaching (spelling)', 'precision-teaching'];
const precisionIsAlp = (i: number) => i % 6 === 0;

const AUTHORITY_TIERS: Tier[] = [
  { id: 'universal', name: 'Universal', nameCy: '', description: '', descriptionCy: '', isAlp: false, costing: 'whole_school', sortOrder: 1 },
  { id: 'universal_plus', name: 'Universal plus', nameCy: '', description: '', descriptionCy: '', isAlp: false, costing: 'shared', sortOrder: 2 },
  { id: 'specialist', name: 'Specialist (ALP)', nameCy: '', description: '', descriptionCy: '', isAlp: true, costing: 'shared', sortOrder: 3 },
];

/** School i of the authority: phase, roll 60–1,800, medium, eFSM, staff rates and tiers all vary. */
function variedSchool(i: number): SchoolYear {
  const ownTiers = i % 5 === 4; // every fifth school uses the authority's own tier names
  const targeted = ownTiers ? 'universal_plus' : 'targeted';
  const alp = ownTiers ? 'specialist' : 'alp';
  const roll = 60 + i * 60;
  const rate = 1400 + ((i * 137) % 600);
  const welsh = i % 4 === 1 ? 'welsh' : i % 4 === 2 ? 'bilingual' : 'english';
  const lines = [
    interventionLine({ id: 1, name: 'ELSA', tierId: ELSA_ALP_AT.has(i) ? alp : targeted, areaIds: ['besd'], weeks: 12, startWeek: 1 + (i % 3) }),
    interventionLine({ id: 2, name: PRECISION_NAMES[i % 3] as string, tierId: precisionIsAlp(i) ? alp : targeted, weeks: 6 + (i % 7), sessionsPerWeekHundredths: 500 }),
    interventionLine({
      id: 3,
      name: `1:1 support ${i}`,
      tierId: alp,
      minutesPerSession: 60,
      sessionsPerWeekHundredths: 500,
      weeks: 38,
      deliveryLanguage: welsh,
      fundingSource: i % 3 === 0 ? 'la_idp' : 'aln_budget',
      groupCapacity: 1,
    }),
    interventionLine({ id: 4, name: 'Quality-first differentiation', tierId: 'universal', weeks: 38, sessionsPerWeekHundredths: 100, fundingSource: 'core_budget', areaIds: [] }),
    interventionLine({
      id: 5,
      name: 'Speech and language group',
      tierId: i % 2 ? alp : targeted,
      areaIds: ['communication_interaction', 'cognition_learning'],
      deliveryLanguage: i % 2 ? 'welsh' : 'english',
      weeks: 13,
      nonStaffCosts: [{ label: 'Resources', pence: 4500 + i }],
    }),
  ];
  const alnCount = 6 + ((i * 7) % 40);
  const learners = Array.from({ length: alnCount + 3 }, (_, k) =>
    learner({ id: k + 1, name: `Learner ${i}-${k}`, ref: `R${i}-${k}`, alnStatus: k >= alnCount ? 'none' : k % 5 === 0 ? 'idp_la' : k % 3 === 0 ? 'idp_school' : 'monitored' }),
  );
  let enrolmentId = 1;
  const enrolments = lines.flatMap((line) => {
    const size = line.id === 3 ? 1 : line.id === 4 ? 0 : line.id === 5 && i % 4 === 0 ? 3 : 6;
    return Array.from({ length: size }, (_, k) => enrolOn(line, enrolmentId++, ((k + line.id) % learners.length) + 1));
  });
  const year = schoolYear({
    school: {
      name: `Ysgol ${String(i + 1).padStart(2, '0')} ${['Glan', 'Bryn', 'Cwm', 'Pen', 'Maes'][i % 5]}`,
      nameCy: '',
      localAuthority: 'Sir Prawf',
      localAuthorityCy: '',
      localAuthorityCode: '',
      officialNumber: '',
      phase: PHASES[i % PHASES.length]!,
      numberOnRoll: roll,
      efsmBasisPoints: i % 7 === 3 ? null : 800 + ((i * 311) % 3000),
      languageMedium: LANGUAGE_MEDIA[i % LANGUAGE_MEDIA.length]!,
      academicYear: '2026-27',
      alpDefinitionSource: i % 2 ? 'Sir Prawf ALP guidance' : 'Sir Prawf ALP guidance (draft)',
      alpDefinitionSourceCy: '',
      alpDefinitionDate: i % 2 ? '2025-06-30' : null,
    },
    staff: [staffMember({ id: 1, hourlyCostPence: rate }), staffMember({ id: 2, hourlyCostPence: rate + 250 })],
    lines: lines.map((l, k) => ({ ...l, staff: [{ staffId: (k % 2) + 1, count: 1 }] })),
    learners,
    enrolments,
    income: [
      incomeLine({ id: 1, amountPence: 1_500_000 + i * 97_531, name: 'Delegated ALN' }),
      ...(i % 3 === 1 ? [incomeLine({ id: 2, kind: 'aln_grant', amountPence: 250_000, name: 'ALN grant', financialYear: 2026, endsOn: '2027-03-31' })] : []),
    ],
    otherCosts: [otherCost({ id: 1, kind: 'bought_in_service', name: 'Educational psychology', quantity: 2 + (i % 4), unitPence: 45_000 })],
  });
  if (ownTiers) year.tiers = AUTHORITY_TIERS;
  return year;
}

let dir: string;
let returnsDir: string;
let backend: TypedBackend;
const engine = new Map<string, { year: SchoolYear; costed: CostedMap }>();

beforeAll(async () => {
  dir = fs.mkdtempSync(nodePath.join(os.tmpdir(), 'mapio-la-'));
  returnsDir = nodePath.join(dir, 'returns');
  fs.mkdirSync(returnsDir);
  for (let i = 0; i < SCHOOLS + 3; i++) {
    const year = variedSchool(i);
    const costed = costSchoolYear(year);
    const bytes = await writeReturnWorkbook(buildAuthorityReturn(year, costed), 'Mapio test');
    const fileName = `${String(i + 1).padStart(2, '0')}.xlsx`;
    if (i < SCHOOLS) {
      engine.set(year.school.name, { year, costed });
      fs.writeFileSync(nodePath.join(returnsDir, fileName), bytes);
    } else if (i === SCHOOLS) {
      fs.writeFileSync(nodePath.join(returnsDir, '31-truncated.xlsx'), bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    } else if (i === SCHOOLS + 1) {
      fs.writeFileSync(nodePath.join(returnsDir, '32-altered.xlsx'), await editReturnData(bytes, alterFirstCost));
    } else {
      fs.writeFileSync(nodePath.join(returnsDir, '33-version-99.xlsx'), await editReturnData(bytes, setVersion(99)));
    }
  }
  fs.copyFileSync(nodePath.join(returnsDir, '07.xlsx'), nodePath.join(returnsDir, '34-sent-twice.xlsx'));
  backend = createBackend({ mode: 'cli', dataDir: nodePath.join(dir, 'data'), openOnStart: false });
  backend.invoke('authority.create', { path: nodePath.join(dir, 'Sir Prawf') });
}, 60_000);

afterAll(() => {
  backend.session.closeAuthorityFile();
  backend.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('an authority imports a folder of 34 returns', () => {
  it('rejects exactly the spoiled and duplicate returns, with file names and reasons, and imports the other 30', async () => {
    const outcome = await backend.invoke('authority.importFolder', { path: returnsDir });
    expect(outcome.imported).toHaveLength(SCHOOLS);
    expect(outcome.rejected.map((r) => r.fileName)).toEqual(['31-truncated.xlsx', '32-altered.xlsx', '33-version-99.xlsx', '34-sent-twice.xlsx']);
    const [truncated, altered, version, duplicate] = outcome.rejected.map((r) => r.reason);
    // Each with a code the reader's language words it from (and the specifics it needs)
    expect(outcome.rejected.map((r) => r.code)).toEqual(['unreadable_xlsx', 'altered', 'wrong_version', 'duplicate']);
    expect(outcome.rejected[2]?.params).toEqual({ version: '99', newer: 1 });
    expect(outcome.rejected[3]?.params).toMatchObject({ file: '07.xlsx' });
    expect(truncated).toMatch(/^not a Mapio return: it could not be read as an \.xlsx file/);
    expect(altered).toMatch(/^has been altered since Mapio wrote it/);
    expect(version).toMatch(/^is a version 99 Mapio return; this Mapio reads versions 1, 2, 3, 4, 5, 6, 7, 8 and 9 returns/);
    expect(duplicate).toMatch(new RegExp(`^duplicate of 07\\.xlsx imported on ${new Date().toISOString().slice(0, 10)}`));
  });

  it('shows each school’s figures exactly as the engine costed them', () => {
    const view = backend.invoke('authority.comparison', {});
    expect(view.academicYear).toBe('2026-27');
    expect(view.comparison.schools).toHaveLength(SCHOOLS);
    for (const row of view.comparison.schools) {
      const { year, costed } = engine.get(row.context.name)!;
      const t = costed.totals;
      const alp = t.byAlp.find((b) => b.key === 'alp')!.costPence;
      const lines = t.linesCostPence;
      const welshAlp = year.lines
        .filter((l) => year.tiers.find((x) => x.id === l.tierId)?.isAlp && l.deliveryLanguage !== 'english')
        .reduce((a, l) => a + costed.lines.find((c) => c.lineId === l.id)!.costPence, 0);
      const withAln = year.learners.filter((l) => hasAln(l.alnStatus)).length;
      const idps = year.learners.filter((l) => l.alnStatus === 'idp_school' || l.alnStatus === 'idp_la').length;
      expect(row.committedPence, row.context.name).toBe(t.chargedPence);
      expect(row.totalCostPence).toBe(t.costPence);
      expect(row.alnBudgetPence).toBe(costed.budget.incomePence);
      expect(row.budgetPositionPence).toBe(costed.budget.positionPence);
      // Learners with ALN (IDPs and decided, never the monitoring register); a withheld count shows no per-learner figure.
      if (row.context.learnersWithAln.suppressed) expect(row.spendPerLearnerWithAlnPence).toBeNull();
      else expect(row.spendPerLearnerWithAlnPence).toBe(t.chargedPerLearnerWithAlnPence);
      expect(row.spendPerPupilPence).toBe(divideRoundedToNumber(t.chargedPence, year.school.numberOnRoll));
      expect(row.alpShareOfLineCost).toMatchObject({ numerator: alp, denominator: lines });
      expect(row.welshMediumShareOfAlpCost).toMatchObject({ numerator: welshAlp, denominator: alp });
      if (row.context.learnersWithAln.suppressed) expect(row.alnShareOfRoll).toBeNull();
      else expect(row.alnShareOfRoll).toMatchObject({ numerator: withAln, denominator: year.school.numberOnRoll, of: 'pupils_on_roll' });
      if (row.context.idps.suppressed) expect(row.idpShareOfAln).toBeNull();
      else expect(row.idpShareOfAln).toMatchObject({ numerator: idps, denominator: withAln, of: 'learners_with_aln' });
      expect(row.context).toMatchObject({
        numberOnRoll: year.school.numberOnRoll,
        languageMedium: year.school.languageMedium,
        efsmBasisPoints: year.school.efsmBasisPoints,
        alpDefinitionSource: year.school.alpDefinitionSource,
      });
    }
    expect(view.comparison.schools.some((r) => r.context.idps.suppressed)).toBe(true);
    expect(view.comparison.schools.filter((r) => !r.context.learnersWithAln.suppressed).length).toBeGreaterThan(SCHOOLS / 2);
    expect(view.comparison.measures.find((m) => m.measure.key === 'committedPence')?.schools).toBe(SCHOOLS);
  });

  it('finds the planted classification differences with the right counts and costs', () => {
    const { comparison } = backend.invoke('authority.comparison', {});
    const lineCost = (name: string, lineId: number) => engine.get(name)!.costed.lines.find((c) => c.lineId === lineId)!.costPence;
    const schoolsWhere = (test: (i: number) => boolean) => [...engine.keys()].filter((_, i) => test(i));

    const elsa = comparison.classificationDifferences.find((g) => g.matchKey === 'elsa')!;
    expect(elsa.alp.schoolCount).toBe(4);
    expect(elsa.notAlp.schoolCount).toBe(26);
    expect(elsa.alp.learners).toEqual({ known: 24, linesWithFewerThan5: 0 });
    expect(elsa.notAlp.learners).toEqual({ known: 156, linesWithFewerThan5: 0 });
    expect(elsa.alp.costPence).toBe(schoolsWhere((i) => ELSA_ALP_AT.has(i)).reduce((a, n) => a + lineCost(n, 1), 0));
    expect(elsa.notAlp.costPence).toBe(schoolsWhere((i) => !ELSA_ALP_AT.has(i)).reduce((a, n) => a + lineCost(n, 1), 0));
    expect(elsa.alp.schools.map((s) => s.schoolName).sort()).toEqual(schoolsWhere((i) => ELSA_ALP_AT.has(i)).sort());
    expect(new Set(elsa.alp.schools.flatMap((s) => s.tierNames))).toEqual(new Set(['ALP', 'Specialist (ALP)']));
    expect(new Set(elsa.notAlp.schools.flatMap((s) => s.tierNames))).toEqual(new Set(['Targeted', 'Universal plus']));

    const precision = comparison.classificationDifferences.find((g) => g.matchKey === 'precision teaching')!;
    expect([...precision.variants].sort()).toEqual([...PRECISION_NAMES].sort());
    expect(precision.alp.schoolCount).toBe(5);
    expect(precision.notAlp.schoolCount).toBe(25);
    expect(precision.alp.costPence + precision.notAlp.costPence).toBe([...engine.keys()].reduce((a, n) => a + lineCost(n, 2), 0));
    expect(precision.alp.learners.known).toBe(30);

    // Speech and language: ALP at odd schools; at schools where i % 4 === 0 only 3 learners: withheld, cost still there.
    const salt = comparison.classificationDifferences.find((g) => g.matchKey === 'speech and language')!;
    expect(salt.alp.schoolCount).toBe(15);
    expect(salt.notAlp.learners).toEqual({ known: 42, linesWithFewerThan5: 8 });
    // Every school's own 1:1 line is ALP everywhere it exists: never a difference.
    expect(comparison.classificationDifferences.map((g) => g.matchKey).sort()).toEqual(['elsa', 'precision teaching', 'speech and language']);
  });

  it('lets the officer map names, export the comparison, and remove a school', async () => {
    const mapped = backend.invoke('authority.setMapping', { normalisedName: 'quality first differentiation', canonicalName: 'Precision teaching' });
    expect(mapped.comparison.classificationDifferences.find((g) => g.matchKey === 'precision teaching')?.notAlp.schoolCount).toBe(30);
    const restored = backend.invoke('authority.setMapping', { normalisedName: 'quality first differentiation', canonicalName: '' });
    expect(restored.comparison.classificationDifferences.find((g) => g.matchKey === 'precision teaching')?.notAlp.schoolCount).toBe(25);

    const out = nodePath.join(dir, 'comparison.xlsx');
    const written = await backend.invoke('authority.exportComparison', { path: out });
    expect(written.path).toBe(out);
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(fs.readFileSync(out) as never);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Schools', 'Authority', 'Not yet returned', 'For your model', 'Classification differences', 'Outliers', 'How figures are made']);
    const schools = workbook.getWorksheet('Schools')!;
    expect(schools.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(schools.autoFilter).toBeTruthy();
    expect(schools.rowCount).toBe(SCHOOLS + 1); // header and 30 schools: the authority's medians are in their own sheet
    expect(workbook.getWorksheet('Classification differences')!.rowCount).toBe(4);

    // The same comparison in Welsh: every label and question in Welsh; schools' own names stay as written
    const outCy = nodePath.join(dir, 'cymhariaeth.xlsx');
    await backend.invoke('authority.exportComparison', { path: outCy, lang: 'cy' });
    const cy = new ExcelJS.Workbook();
    await cy.xlsx.load(fs.readFileSync(outCy) as never);
    expect(cy.worksheets.map((w) => w.name)).toEqual([
      'Ysgolion',
      'Awdurdod',
      'Heb ddychwelyd eto',
      'Ar gyfer eich model',
      'Gwahaniaethau dosbarthu',
      'Gwerthoedd eithriadol',
      'Sut y gwneir y ffigurau',
    ]);
    const ownWords = [
      ...restored.comparison.schools.flatMap((s) => [s.context.name, s.context.localAuthority, s.context.alpDefinitionSource, s.fileName ?? '']),
      ...restored.comparison.interventions.flatMap((g) => [g.displayName, ...g.variants, ...g.alp.schools.flatMap((s) => s.tierNames), ...g.notAlp.schools.flatMap((s) => s.tierNames)]),
    ]
      .filter(Boolean)
      .sort((a, b) => b.length - a.length);
    let text = '';
    cy.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => (text += `${cell.text}\n`))));
    for (const w of ownWords) text = text.replaceAll(w, ' ');
    expect(englishIn(text, englishPhrases())).toEqual([]);
    expect(text).toContain('Canolrif ar draws ysgolion');
    if (restored.comparison.outliers.length > 0) expect(text).toContain('Beth sydd y tu ôl i hyn?');

    const key = restored.comparison.schools[0]!.schoolKey;
    const after = backend.invoke('authority.removeSchool', { schoolKey: key });
    expect(after.comparison.schools).toHaveLength(SCHOOLS - 1);
    expect(after.returns.some((r) => r.schoolKey === key)).toBe(false);
  });

  it('mapio compare prints each rejection with its file and reason; exit 0 with one imported, 1 with none', async () => {
    const run = async (...argv: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
      return { code, out: out.join('\n'), err: err.join('\n') };
    };
    const out = nodePath.join(dir, 'cli-comparison.xlsx');
    const some = await run('compare', nodePath.join(returnsDir, '01.xlsx'), nodePath.join(returnsDir, '32-altered.xlsx'), '--out', out);
    expect(some.code).toBe(0);
    expect(some.err).toMatch(/Rejected 32-altered\.xlsx: has been altered since Mapio wrote it/);
    expect(some.out).toMatch(/Imported 1 of 2 returns; wrote the comparison to/);
    expect(fs.existsSync(out)).toBe(true);
    expect(some.err).toMatch(/\[\d\/2\] 01\.xlsx: imported/);
    expect(some.err).toMatch(/\[\d\/2\] 32-altered\.xlsx: rejected/);
    // In Welsh, every line in Welsh: the progress too
    const cy = await run('compare', nodePath.join(returnsDir, '01.xlsx'), nodePath.join(returnsDir, '32-altered.xlsx'), '--out', out, '--lang', 'cy');
    expect(cy.err).toMatch(/\[\d\/2\] 01\.xlsx: mewnforiwyd/);
    expect(cy.err).toMatch(/\[\d\/2\] 32-altered\.xlsx: gwrthodwyd/);
    const none = await run('compare', nodePath.join(returnsDir, '33-version-99.xlsx'), '--out', nodePath.join(dir, 'never.xlsx'));
    expect(none.code).toBe(1);
    expect(none.err).toMatch(/Rejected 33-version-99\.xlsx: a version 99 Mapio return/);
    expect(fs.existsSync(nodePath.join(dir, 'never.xlsx'))).toBe(false);
    expect((await run('compare', nodePath.join(returnsDir, '01.xlsx'))).code).toBe(2);
  });
});

// ---------------------------------------------------------------------------------------------------
// Which school a return is, returns that say two things, and newer returns replacing older ones

describe('matching, refusing and replacing returns', () => {
  const { t } = createI18n('en');
  let folder: string;
  let file: AuthorityFile;
  beforeAll(() => {
    folder = fs.mkdtempSync(nodePath.join(os.tmpdir(), 'mapio-la-key-'));
  });
  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));
  afterEach(() => file?.close());
  const freshFile = (name: string) => (file = AuthorityFile.create(nodePath.join(folder, `${name}.mapio-la`)));

  /** School i's return, with an official number (or none), written at `when`. */
  function returnOf(i: number, options: { officialNumber?: string; name?: string; roll?: number } = {}): AuthorityReturn {
    const year = variedSchool(i);
    year.school.officialNumber = options.officialNumber ?? '';
    if (options.name) year.school.name = options.name;
    if (options.roll !== undefined) year.school.numberOnRoll = options.roll;
    return buildAuthorityReturn(year, costSchoolYear(year));
  }
  const written = (ret: AuthorityReturn, when: string) => writeReturnWorkbook(ret, 'Mapio test', 'en', new Date(when));

  it('matches a return by the official number, so a renamed school stays one school under its latest name; without one, by name, with a note', async () => {
    freshFile('numbers');
    const before = await written(returnOf(3, { officialNumber: '6612345', name: 'Ysgol Pen y Bryn' }), '2027-05-01T09:00:00Z');
    const renamed = await written(returnOf(3, { officialNumber: '6612345', name: 'Ysgol Gymraeg Pen y Bryn' }), '2027-06-01T09:00:00Z');
    const unnumbered = await written(returnOf(4), '2027-06-01T09:00:00Z');
    const first = await importReturns(file, [
      { fileName: 'pen-y-bryn-may.xlsx', bytes: before },
      { fileName: 'unnumbered.xlsx', bytes: unnumbered },
    ]);
    expect(first.imported.map((r) => r.school.schoolKey)).toEqual(['school/6612345', schoolKeyOf(returnOf(4).school)]);
    const again = await importReturns(file, [{ fileName: 'pen-y-bryn-june.xlsx', bytes: renamed }], undefined, { replace: true });
    expect(again.imported[0]?.replaced).toBe(true);
    const compared = compareReturns(file.comparedReturns(), {});
    expect(compared.schools).toHaveLength(2);
    const school = compared.schools.find((r) => r.schoolKey === 'school/6612345')!;
    expect(school.context).toMatchObject({ name: 'Ysgol Gymraeg Pen y Bryn', officialNumber: '6612345' });
    expect(school.notes).not.toContain('matched_by_name');
    expect(school.replacedFiles).toEqual(['pen-y-bryn-may.xlsx']);
    expect(file.listReturns().map((r) => r.schoolName)).toContain('Ysgol Gymraeg Pen y Bryn');
    const byName = compared.schools.find((r) => r.schoolKey !== 'school/6612345')!;
    expect(byName.notes).toContain('matched_by_name');
    expect(comparisonWords(t, 'en').note('matched_by_name')).toBe('Matched by name: no official number.');

    // The comparison workbook shows the number and the school's earlier return.
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await writeComparisonWorkbook(compared)) as never);
    const sheet = book.getWorksheet('Schools')!;
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    const row = [...Array(sheet.rowCount).keys()].map((r) => sheet.getRow(r + 1)).find((r) => r.getCell(1).value === 'Ysgol Gymraeg Pen y Bryn')!;
    expect(row.getCell(header.indexOf('Official school number')).value).toBe('6612345');
    expect(row.getCell(header.indexOf('Earlier returns replaced')).value).toBe('pen-y-bryn-may.xlsx');
    expect(String(row.getCell(header.indexOf('Notes')).value)).not.toMatch(/Matched by name/);
  });

  it('refuses a return whose visible cells differ from its data, naming each cell; the untouched return imports', async () => {
    freshFile('edited');
    const bytes = await written(returnOf(5, { officialNumber: '6615555' }), '2027-06-01T09:00:00Z');
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as never);
    const main = book.getWorksheet(t('returnBook.sheet.main'))!;
    const rowLabelled = (label: string) => [...Array(main.rowCount).keys()].map((r) => main.getRow(r + 1)).find((r) => r.getCell(1).value === label)!;
    const roll = rowLabelled(t('returnBook.school.roll'));
    const committed = rowLabelled(t('returnBook.budget.committed'));
    const rollWas = roll.getCell(2).value;
    const committedWas = committed.getCell(2).value as number;
    roll.getCell(2).value = 999;
    committed.getCell(2).value = 1.23;
    const edited = Buffer.from(await book.xlsx.writeBuffer());

    const outcome = await importReturns(file, [
      { fileName: 'edited.xlsx', bytes: edited },
      { fileName: 'untouched.xlsx', bytes },
    ]);
    expect(outcome.imported.map((r) => r.fileName)).toEqual(['untouched.xlsx']);
    const refused = outcome.rejected[0]!;
    expect(refused.code).toBe('visible_cells_differ');
    expect(refused.params).toMatchObject({ count: 2, cells: `Return!${roll.getCell(2).address}, Return!${committed.getCell(2).address}` });
    expect(refused.cells).toEqual([
      { sheet: 'Return', cell: roll.getCell(2).address, shows: '999', data: String(rollWas) },
      { sheet: 'Return', cell: committed.getCell(2).address, shows: '£1.23', data: `£${committedWas.toLocaleString('en-GB', { minimumFractionDigits: 2 })}` },
    ]);
    expect(refused.reason).toContain(`Return!${roll.getCell(2).address} shows “999”, the data says “${String(rollWas)}”`);
    expect(refused.reason).toContain(`Return!${committed.getCell(2).address} shows “£1.23”`);
    // Worded in Welsh for an officer working in Cymraeg, every key in both catalogues.
    const cy = createI18n('cy').t;
    expect(cy('authority.rejected.visible_cells_differ', refused.params)).toMatch(/^nid yw ei thaflenni’n dangos y ffigurau yn ei data/);
    expect(cy('authority.rejected.cell', { ...refused.cells![0], interpolation: { escapeValue: false } })).toBe(
      `mae Return ${roll.getCell(2).address} yn dangos “999”, mae’r data’n dweud “${String(rollWas)}”`,
    );
  });

  it('keeps the newer of two returns by when Mapio wrote them, in either order: a newer one shows what changes and waits for the officer; an older one is refused with both dates', async () => {
    const older = await written(returnOf(6, { officialNumber: '6616666', roll: 400 }), '2027-05-01T09:00:00Z');
    const newer = await written(returnOf(6, { officialNumber: '6616666', roll: 420 }), '2027-06-15T14:30:00Z');

    // Newer first, then the older: the older is refused as older, with both dates, even with replace.
    freshFile('newer-first');
    await importReturns(file, [{ fileName: 'june.xlsx', bytes: newer }]);
    const late = await importReturns(file, [{ fileName: 'may.xlsx', bytes: older }], undefined, { replace: true });
    expect(late.rejected[0]).toMatchObject({ code: 'older', params: { file: 'june.xlsx', written: '2027-05-01T09:00:00.000Z', heldWritten: '2027-06-15T14:30:00.000Z' } });
    expect(late.rejected[0]?.reason).toMatch(/^older than the return held for .*: this one was written on 2027-05-01 09:00 UTC, june\.xlsx on 2027-06-15 14:30 UTC/);
    expect(file.listReturns().map((r) => r.fileName)).toEqual(['june.xlsx']);
    file.close();

    // Older first, then the newer: the officer sees the headline figures side by side, then confirms.
    freshFile('older-first');
    await importReturns(file, [{ fileName: 'may.xlsx', bytes: older }]);
    const offered = await importReturns(file, [{ fileName: 'june.xlsx', bytes: newer }]);
    const refusal = offered.rejected[0]!;
    expect(refusal.code).toBe('newer');
    expect(refusal.params).toEqual({ file: 'may.xlsx', written: '2027-06-15T14:30:00.000Z', heldWritten: '2027-05-01T09:00:00.000Z' });
    expect(refusal.changes?.held).toMatchObject({ fileName: 'may.xlsx', numberOnRoll: 400, writtenAt: '2027-05-01T09:00:00.000Z' });
    expect(refusal.changes?.incoming).toMatchObject({ fileName: 'june.xlsx', numberOnRoll: 420, writtenAt: '2027-06-15T14:30:00.000Z' });
    for (const side of [refusal.changes!.held, refusal.changes!.incoming]) {
      expect(Object.keys(side).sort()).toEqual(['committedPence', 'fileName', 'incomePence', 'learnersWithAln', 'numberOnRoll', 'positionPence', 'writtenAt']);
    }
    expect(file.listReturns().map((r) => r.fileName)).toEqual(['may.xlsx']);
    const confirmed = await importReturns(file, [{ fileName: 'june.xlsx', bytes: newer }], undefined, { replace: true });
    expect(confirmed.imported[0]).toMatchObject({ fileName: 'june.xlsx', replaced: true });
    expect(file.listReturns().map((r) => r.fileName)).toEqual(['june.xlsx']);
    const [row] = compareReturns(file.comparedReturns(), {}).schools;
    expect(row?.context.numberOnRoll).toBe(420);
    // Both file names are kept in the school's history.
    expect(row?.replacedFiles).toEqual(['may.xlsx']);
    expect(file.replacedReturns('school/6616666', '2026-27')).toMatchObject([{ fileName: 'may.xlsx', writtenAt: '2027-05-01T09:00:00.000Z', replacedByFile: 'june.xlsx' }]);
    // The same return again is a duplicate, as before.
    expect((await importReturns(file, [{ fileName: 'june-copy.xlsx', bytes: newer }])).rejected[0]?.code).toBe('duplicate');
  });

  it('gives both times to the second when two returns were written in the same minute, so the officer can see which is older', async () => {
    const first = await written(returnOf(8, { officialNumber: '6618888', roll: 400 }), '2027-06-15T14:30:05Z');
    const second = await written(returnOf(8, { officialNumber: '6618888', roll: 401 }), '2027-06-15T14:30:41Z');
    freshFile('same-minute');
    await importReturns(file, [{ fileName: 'second.xlsx', bytes: second }]);
    const late = await importReturns(file, [{ fileName: 'first.xlsx', bytes: first }]);
    expect(late.rejected[0]).toMatchObject({ code: 'older', params: { file: 'second.xlsx', written: '2027-06-15T14:30:05.000Z', heldWritten: '2027-06-15T14:30:41.000Z' } });
    expect(late.rejected[0]?.reason).toMatch(/this one was written on 2027-06-15 14:30:05 UTC, second\.xlsx on 2027-06-15 14:30:41 UTC/);
    // In the reader's words and time zone (British Summer Time in June).
    expect(returnRejectionWords(late.rejected[0]!, createI18n('cy').t, 'cy', 'Europe/London')).toBe(
      'yn hŷn na second.xlsx, a gedwir: ysgrifennwyd hon ar 15 Meh 2027, 15:30:05, a second.xlsx ar 15 Meh 2027, 15:30:41',
    );
    file.close();
  });

  it('stores a folder a batch at a time, and a return earlier in the same batch counts as held for one after it', async () => {
    const older = await written(returnOf(7, { officialNumber: '6617777', roll: 300 }), '2027-05-01T09:00:00Z');
    const newer = await written(returnOf(7, { officialNumber: '6617777', roll: 310 }), '2027-06-15T14:30:00Z');
    const others = await Promise.all([...Array(STORED_PER_COMMIT + 3).keys()].map((i) => written(returnOf(100 + i, { officialNumber: String(6620000 + i) }), '2027-06-01T09:00:00Z')));
    const files = others.map((bytes, i) => ({ fileName: `other-${String(i).padStart(2, '0')}.xlsx`, bytes }));

    // Both versions in one folder, in either order, in the same batch: the result is the one-at-a-time result.
    freshFile('one-batch-newer-first');
    const newerFirst = await importReturns(file, [
      { fileName: 'june.xlsx', bytes: newer },
      { fileName: 'may.xlsx', bytes: older },
    ]);
    expect(newerFirst.imported.map((r) => r.fileName)).toEqual(['june.xlsx']);
    expect(newerFirst.rejected.map((r) => [r.fileName, r.code])).toEqual([['may.xlsx', 'older']]);
    file.close();
    freshFile('one-batch-older-first');
    const olderFirst = await importReturns(file, [
      { fileName: 'may.xlsx', bytes: older },
      { fileName: 'june.xlsx', bytes: newer },
    ]);
    expect(olderFirst.imported.map((r) => r.fileName)).toEqual(['may.xlsx']);
    expect(olderFirst.rejected.map((r) => [r.fileName, r.code])).toEqual([['june.xlsx', 'newer']]);
    file.close();

    // More returns than one batch, with a copy of the first in the second batch: every other return is
    // stored, the copy alone is refused, and progress counts every file once, in order of being settled.
    freshFile('batches');
    const progress: string[] = [];
    const folder = [...files.slice(0, STORED_PER_COMMIT + 1), { fileName: 'copy-of-other-00.xlsx', bytes: others[0]! }, ...files.slice(STORED_PER_COMMIT + 1)];
    const outcome = await importReturns(file, folder, (p) => progress.push(`${p.done}/${p.total} ${p.fileName} ${p.outcome}`));
    expect(outcome.imported.map((r) => r.fileName)).toEqual(files.map((f) => f.fileName));
    expect(outcome.rejected.map((r) => [r.fileName, r.code])).toEqual([['copy-of-other-00.xlsx', 'duplicate']]);
    expect(file.listReturns()).toHaveLength(files.length);
    expect(progress).toHaveLength(folder.length);
    expect(progress.map((p) => p.split(' ')[0])).toEqual(folder.map((_, i) => `${i + 1}/${folder.length}`));
    expect(new Set(progress.map((p) => p.split(' ')[1]))).toEqual(new Set(folder.map((f) => f.fileName)));
  });
});
