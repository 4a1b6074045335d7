import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type YearView } from '../../shared/api/contract';
import type { SchoolYear } from '../../shared/domain';
import { costSchoolYear } from '../../shared/engine';
import { scenarioFigures } from '../../shared/engine';
import { createI18n } from '../../shared/i18n';
import { spendGroupName } from '../../shared/i18n/spendGroupNames';
import { rollForward } from '../../shared/rollForward';
import { openDatabase } from '../../db/connection';
import { ScenarioStore } from '../../db/scenarios';
import { SchoolFile } from '../../db/schoolFile';
import type { TypedBackend } from '../backend';
import { createTestBackend, type TestBackend } from '../../test/support/testBackend';
import { apiErrorFrom as refusal } from '../../test/support/refusals';

const TODAY = '2026-11-24';
let school: TestBackend;
let dir: string;
let backend: TypedBackend;
let schoolPath: string;

beforeEach(() => {
  school = createTestBackend({ mode: 'cli', today: TODAY, school: { name: 'Ysgol Cwm Glas.mapio', template: 'demo' } });
  ({ dir, backend, schoolPath } = school);
});
afterEach(() => school.close());

/** Every row of every table except the scenarios, through a separate read-only connection. */
function baselineRows(file: string): Record<string, unknown[]> {
  const db = openDatabase(file, { readonly: true });
  try {
    const tables = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'scenarios' ORDER BY name`).pluck().all() as string[];
    expect(tables).toContain('lines');
    return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT rowid AS _rowid, * FROM "${t}" ORDER BY rowid`).all()]));
  } finally {
    db.close();
  }
}

const staffId = (view: YearView, prefix: string) => view.data.staff.find((s) => s.name.startsWith(prefix))!.id;
const storedYear = (id: number): SchoolYear => backend.session.scenarios().get(id).year;

/** "Grant ends" (the grant income deleted) and "Two fewer TAs" (Paul and Claire removed, then a 3% pay award). */
function buildTwoScenarios() {
  const grant = backend.invoke('scenario.create', { name: 'Grant ends', from: 'baseline' }).scenario;
  const tas = backend.invoke('scenario.create', { name: 'Two fewer TAs', from: 'baseline' }).scenario;

  const inGrant = backend.invoke('scenario.enter', { id: grant.id });
  const grantIncome = inGrant.data.income.find((i) => i.kind === 'aln_grant')!;
  backend.invoke('income.delete', { id: grantIncome.id });

  const inTas = backend.invoke('scenario.enter', { id: tas.id });
  const paul = backend.invoke('scenario.lever.removeStaff', { staffId: staffId(inTas, 'Paul') });
  const claire = backend.invoke('scenario.lever.removeStaff', { staffId: staffId(inTas, 'Claire') });
  const award = backend.invoke('scenario.lever.payAward', { percentBasisPoints: 300 });
  backend.invoke('scenario.leave', {});
  return { grant, tas, grantIncome, paul, claire, award };
}

describe('scenarios on the demo school', () => {
  it('leave the baseline’s records exactly as they were while two scenarios are built and edited', () => {
    const before = backend.invoke('year.get', {});
    const rows = baselineRows(schoolPath);
    const { grant, tas, grantIncome, paul, claire, award } = buildTwoScenarios();

    expect(backend.invoke('year.get', {}).data).toEqual(before.data);
    expect(baselineRows(schoolPath)).toEqual(rows);
    expect(backend.invoke('year.get', {}).history.canUndo).toBe(before.history.canUndo);

    expect(storedYear(grant.id).income.map((i) => i.id)).not.toContain(grantIncome.id);
    const tasYear = storedYear(tas.id);
    expect(tasYear.staff.map((s) => s.name)).not.toContain('Paul Davies');
    expect(tasYear.staff.map((s) => s.name)).not.toContain('Claire Thomas');
    expect(tasYear.lines).toHaveLength(before.data.lines.length);

    // Which lines lost their deliverer, and how the output says so.
    expect(paul.removal.name).toBe('Paul Davies');
    expect(paul.removal.linesLosingDeliverer.map((l) => [l.name, l.nowUnstaffed])).toEqual([
      ['In-class support, Reception and Year 1', false],
      ['Fine motor group (Write from the Start)', true],
      ['Precision teaching (spelling)', true],
    ]);
    expect(claire.removal.linesLosingDeliverer.map((l) => [l.name, l.nowUnstaffed])).toEqual([
      ['In-class support, Reception and Year 1', true],
      ['Talk Boost (Reception)', true],
    ]);
    expect(tasYear.lines.find((l) => l.name === 'Talk Boost (Reception)')?.staff).toEqual([]);
    // The pay award: every remaining person, exact per person.
    for (const c of award.changes) expect(tasYear.staff.find((s) => s.id === c.staffId)?.hourlyCostPence).toBe(Math.round((c.fromPence * 103) / 100));
    expect(award.changes.find((c) => c.name === 'Nia Williams')).toMatchObject({ fromPence: 1540, toPence: 1586 }); // 1586.2
  });

  it('compares every figure with the engine run on each year independently', () => {
    const { grant, tas } = buildTwoScenarios();
    const comparison = backend.invoke('scenario.compare', { ids: [grant.id, tas.id] });
    const years: Array<[ReturnType<typeof scenarioFigures>, SchoolYear]> = [
      [comparison.baseline, backend.session.requireBaseline().readYear()],
      [comparison.scenarios[0]!, storedYear(grant.id)],
      [comparison.scenarios[1]!, storedYear(tas.id)],
    ];
    expect(comparison.scenarios.map((s) => s.name)).toEqual(['Grant ends', 'Two fewer TAs']);
    for (const [figures, year] of years) {
      const engine = costSchoolYear(year, { today: TODAY });
      expect(figures.budget).toEqual({
        incomePence: engine.budget.incomePence,
        chargedPence: engine.budget.chargedPence,
        positionPence: engine.budget.positionPence,
        financialYears: engine.budget.financialYears,
      });
      expect(figures.totalCostPence).toBe(engine.totals.costPence);
      expect(figures.byTier.map(({ key, costPence, chargedPence }) => ({ key, costPence, chargedPence }))).toEqual(engine.totals.byTier);
      expect(figures.byAlp.map(({ key, costPence, chargedPence }) => ({ key, costPence, chargedPence }))).toEqual(engine.totals.byAlp);
      expect(figures.byArea.map(({ key, costPence, chargedPence }) => ({ key, costPence, chargedPence }))).toEqual(engine.totals.byArea);
      const short = new Set(engine.checks.filter((c) => c.code === 'alp_hours_short' || c.code === 'idp_without_alp').map((c) => c.subject.id));
      expect(figures.alpShortfall.learners.map((l) => l.learnerId).sort((a, b) => a - b)).toEqual([...short].sort((a, b) => a - b));
      expect(figures.staffOverAllocated.staff.map((s) => s.staffId)).toEqual(engine.staff.filter((s) => s.overAllocated).map((s) => s.staffId));
      expect(figures.welshAlpShortfall.count).toBe(engine.checks.filter((c) => c.code === 'welsh_alp_in_english').length);
      const { difference: _difference, ...own } = figures as typeof figures & { difference?: unknown };
      expect(own).toEqual(scenarioFigures({ id: figures.id, name: figures.name, year, costed: engine }));
    }
    const grantDiff = comparison.scenarios[0]!.difference;
    expect(grantDiff.positionPence).toBe(-1_240_000);
    expect(grantDiff.totalCostPence).toBe(0);
    const tasFigures = comparison.scenarios[1]!;
    expect(tasFigures.unstaffedLines.count).toBe(4);
    expect(tasFigures.difference.positionPence).toBe(tasFigures.budget.positionPence - comparison.baseline.budget.positionPence);
    // The open scenario is compared as it stands (its edits are written back as they happen).
    backend.invoke('scenario.enter', { id: grant.id });
    backend.invoke('scenario.lever.payAward', { percentBasisPoints: 1000 });
    const live = backend.invoke('scenario.compare', { ids: [grant.id] });
    expect(live.scenarios[0]!.totalCostPence).toBe(backend.invoke('year.get', {}).costed.totals.costPence);
    expect(live.scenarios[0]!.totalCostPence).toBeGreaterThan(comparison.baseline.totalCostPence);
  });

  it('carries each tier’s and area’s names in both languages, so a Welsh reader reads the names the scenario gave them in Welsh', () => {
    const renamed = backend.invoke('scenario.create', { name: 'Haenau newydd', from: 'baseline' }).scenario;
    const inside = backend.invoke('scenario.enter', { id: renamed.id });
    // The ALP tier renamed in the scenario only: its id is still 'alp', its names are the school's.
    backend.invoke('tiers.set', { tiers: inside.data.tiers.map((t) => (t.id === 'alp' ? { ...t, name: 'Specialist', nameCy: 'Arbenigol' } : t.id === 'targeted' ? { ...t, nameCy: '' } : t)) });
    backend.invoke('scenario.leave', {});
    const comparison = backend.invoke('scenario.compare', { ids: [renamed.id] });
    const cy = createI18n('cy').t;
    const en = createI18n('en').t;
    const [scenario] = comparison.scenarios;
    expect(comparison.baseline.byTier.map((g) => spendGroupName(g, cy, 'cy'))).toEqual(['Cyffredinol', 'Wedi’i thargedu', 'DDY', 'Costau eraill (dim haen na maes)']);
    expect(scenario!.byTier.map((g) => spendGroupName(g, cy, 'cy'))).toEqual(['Cyffredinol', 'Targeted', 'Arbenigol', 'Costau eraill (dim haen na maes)']);
    expect(scenario!.byTier.map((g) => spendGroupName(g, en, 'en'))).toEqual(['Universal', 'Targeted', 'Specialist', 'Other costs (no tier or area)']);
    expect(scenario!.difference.byTier.map((g) => spendGroupName(g, cy, 'cy'))).toEqual(['Cyffredinol', 'Targeted', 'Arbenigol', 'Costau eraill (dim haen na maes)']);
    expect(scenario!.byAlp.map((g) => spendGroupName(g, cy, 'cy'))).toEqual(['DDY', 'Nid DDY']);
    expect(scenario!.byArea.map((g) => spendGroupName(g, cy, 'cy')).slice(0, 2)).toEqual(['Gwybyddiaeth a dysgu', 'Cyfathrebu a rhyngweithio']);
    expect(scenario!.byArea.map((g) => spendGroupName(g, en, 'en')).slice(0, 2)).toEqual(['Cognition and learning', 'Communication and interaction']);
  });

  it('works on a scenario through every existing operation, undo included, and says which is open', () => {
    const { scenario } = backend.invoke('scenario.create', { name: 'New Welsh-medium nurture group', from: 'baseline' });
    const baselineView = backend.invoke('year.get', {});
    expect(baselineView.scenario).toBeNull();
    const entered = backend.invoke('scenario.enter', { id: scenario.id });
    expect(entered.scenario).toEqual({ id: scenario.id, name: 'New Welsh-medium nurture group' });
    expect(entered.file).toEqual(baselineView.file);
    expect(entered.history.canUndo).toBe(false);

    const { id: _id, ...template } = baselineView.data.lines[0]!;
    const created = backend.invoke('lines.create', { ...template, name: 'Nurture group', nameCy: 'Grŵp meithrin', deliveryLanguage: 'welsh' });
    const lineId = created.createdIds![0]!;
    // Undo names the step with both the line's names: the window says the one in the reader's language.
    expect(created.view.history.undoLabel).toEqual({ step: 'addLine', params: { name: 'Nurture group', nameCy: 'Grŵp meithrin' } });
    expect(storedYear(scenario.id).lines.some((l) => l.id === lineId)).toBe(true);
    // Validation works the same in a scenario.
    expect(refusal(() => backend.invoke('lines.update', { id: lineId, changes: { weeks: 99 } })).code).toBe('invalid_input');
    const undone = backend.invoke('history.undo', {});
    expect(undone.view.data.lines.some((l) => l.id === lineId)).toBe(false);
    expect(storedYear(scenario.id).lines.some((l) => l.id === lineId)).toBe(false);
    backend.invoke('history.redo', {});
    expect(storedYear(scenario.id).lines.some((l) => l.id === lineId)).toBe(true);

    backend.invoke('scenario.rename', { id: scenario.id, name: 'Nurture group (Welsh)' });
    expect(backend.invoke('year.get', {}).scenario?.name).toBe('Nurture group (Welsh)');
    const workingFolder = path.dirname(backend.session.require().path);
    expect(workingFolder.startsWith(path.resolve(os.tmpdir()))).toBe(true);
    const left = backend.invoke('scenario.leave', {});
    expect(left.scenario).toBeNull();
    expect(left.data.lines.some((l) => l.id === lineId)).toBe(false);
    expect(fs.existsSync(workingFolder)).toBe(false);
    expect(backend.invoke('scenario.list', {}).map((s) => [s.name, s.kind])).toEqual([['Nurture group (Welsh)', 'copy']]);
  });

  it('refuses quick levers on the baseline, saying what to do', () => {
    const before = baselineRows(schoolPath);
    for (const call of [
      () => backend.invoke('scenario.lever.payAward', { percentBasisPoints: 250 }),
      () => backend.invoke('scenario.lever.scaleIncome', { incomeId: 1, percentBasisPoints: -10_000 }),
      () => backend.invoke('scenario.lever.removeStaff', { staffId: 1 }),
    ]) {
      const error = refusal(call);
      expect(error.code).toBe('conflict');
      expect(error.message).toBe('Quick levers change a scenario, not the baseline. Create or open a scenario first.');
    }
    expect(baselineRows(schoolPath)).toEqual(before);
    expect(refusal(() => backend.invoke('scenario.lever.payAward', { percentBasisPoints: 2.5 })).message).toBe('percentBasisPoints: must be whole basis points (250 = 2.5%)');
  });

  it('scales an income line in a scenario as one undo step', () => {
    const { scenario } = backend.invoke('scenario.create', { name: 'Grant halved', from: 'baseline' });
    const view = backend.invoke('scenario.enter', { id: scenario.id });
    const grant = view.data.income.find((i) => i.kind === 'aln_grant')!;
    const scaled = backend.invoke('scenario.lever.scaleIncome', { incomeId: grant.id, percentBasisPoints: -5000 });
    expect(scaled.change).toEqual({ incomeId: grant.id, name: grant.name, nameCy: grant.nameCy, fromPence: 1_240_000, toPence: 620_000 });
    expect(scaled.view.costed.budget.incomePence).toBe(view.costed.budget.incomePence - 620_000);
    expect(scaled.view.history.undoLabel).toEqual({ step: 'changeScenarioIncome' });
    expect(refusal(() => backend.invoke('scenario.lever.scaleIncome', { incomeId: 999, percentBasisPoints: 100 })).toBody()).toEqual({ code: 'not_found', reason: 'noIncome', params: { id: 999 } });
  });

  it('adopts a scenario as the baseline in one undo step, and undo restores the old baseline exactly', () => {
    const before = backend.invoke('year.get', {});
    const rows = baselineRows(schoolPath);
    const { tas } = buildTwoScenarios();
    backend.invoke('scenario.enter', { id: tas.id });
    const adopted = backend.invoke('scenario.adopt', { id: tas.id });
    expect(adopted.view.scenario).toBeNull();
    expect(adopted.view.data).toEqual(storedYear(tas.id));
    expect(backend.session.requireBaseline().readYear()).toEqual(storedYear(tas.id));
    expect(adopted.view.history.undoLabel).toEqual({ step: 'adoptScenario', params: { name: 'Two fewer TAs' } });

    const undone = backend.invoke('history.undo', {});
    expect(undone.view.data).toEqual(before.data);
    expect(baselineRows(schoolPath)).toEqual(rows);
    expect(undone.view.history.canUndo).toBe(false);
    expect(backend.invoke('history.redo', {}).view.data).toEqual(storedYear(tas.id));
  });

  it('keeps an acknowledged scenario edit in the file after a crash', () => {
    const { scenario } = backend.invoke('scenario.create', { name: 'Pay award', from: 'baseline' });
    backend.invoke('scenario.enter', { id: scenario.id });
    const awarded = backend.invoke('scenario.lever.payAward', { percentBasisPoints: 500 });
    // A crash now: copy the file as it is on disk (with its write-ahead log), never closing anything.
    const crashed = path.join(dir, 'after crash.mapio');
    fs.copyFileSync(schoolPath, crashed);
    if (fs.existsSync(`${schoolPath}-wal`)) fs.copyFileSync(`${schoolPath}-wal`, `${crashed}-wal`);
    const reopened = SchoolFile.open(crashed);
    const store = ScenarioStore.open(crashed);
    try {
      expect(store.get(scenario.id).year.staff).toEqual(awarded.view.data.staff);
      expect(reopened.readYear().staff).not.toEqual(awarded.view.data.staff); // the baseline has no pay award
    } finally {
      store.close();
      reopened.close();
    }
  });

  it('rolls forward into a scenario first, then into next year’s file', () => {
    const created = backend.invoke('scenario.create', { name: 'Next year', from: 'rollForward' });
    expect(created.scenario.kind).toBe('roll_forward');
    const expected = rollForward(backend.session.requireBaseline().readYear());
    expect(created.rollForward).toEqual({ leaverRefs: expected.leavers.map((l) => l.ref), endedIncome: expected.endedIncome.map(({ name, nameCy }) => ({ name, nameCy })) });
    expect(created.rollForward?.endedIncome).toEqual([{ name: 'ALN implementation grant', nameCy: 'Grant gweithredu ADY' }]);
    const view = backend.invoke('scenario.enter', { id: created.scenario.id });
    expect(view.data.school.academicYear).toBe('2027-28');
    expect(view.data.enrolments).toEqual([]);
    backend.invoke('staff.update', { id: staffId(view, 'Nia'), changes: { contractedMinutesPerWeek: 1950 } });

    const target = path.join(dir, 'Ysgol Cwm Glas 2027-28');
    const written = backend.invoke('scenario.saveAsFile', { id: created.scenario.id, path: target });
    expect(written).toEqual({ file: { path: `${target}.mapio`, name: 'Ysgol Cwm Glas 2027-28.mapio' }, academicYear: '2027-28' });
    const next = SchoolFile.open(written.file.path);
    try {
      expect(next.readYear()).toEqual(storedYear(created.scenario.id));
      expect(next.readYear().staff.find((s) => s.name.startsWith('Nia'))?.contractedMinutesPerWeek).toBe(1950);
    } finally {
      next.close();
    }
    expect(refusal(() => backend.invoke('scenario.saveAsFile', { id: created.scenario.id, path: target })).code).toBe('file_io');
    // Still working in the scenario; the baseline is this year.
    expect(backend.invoke('year.get', {}).scenario?.name).toBe('Next year');
    expect(backend.session.requireBaseline().readYear().school.academicYear).toBe('2026-27');
  });

  it('deletes a scenario, returning to the baseline when it was open; unknown ids and duplicate names are refused', () => {
    const a = backend.invoke('scenario.create', { name: 'A', from: 'baseline' }).scenario;
    backend.invoke('scenario.create', { name: 'B', from: 'baseline' });
    expect(refusal(() => backend.invoke('scenario.create', { name: 'a', from: 'baseline' })).message).toBe('There is already a scenario called “a”. Choose another name.');
    expect(refusal(() => backend.invoke('scenario.create', { name: ' ', from: 'baseline' })).message).toBe('name: this is required');
    backend.invoke('scenario.enter', { id: a.id });
    const deleted = backend.invoke('scenario.delete', { id: a.id });
    expect(deleted.view.scenario).toBeNull();
    expect(deleted.scenarios.map((s) => s.name)).toEqual(['B']);
    expect(refusal(() => backend.invoke('scenario.enter', { id: a.id })).message).toBe(`No scenario with id ${a.id}. It may have been deleted.`);
    expect(refusal(() => backend.invoke('scenario.compare', { ids: [a.id] })).code).toBe('not_found');
  });

  it('leaves the scenario when the file is closed, deleting its working copy', () => {
    const { scenario } = backend.invoke('scenario.create', { name: 'A', from: 'baseline' });
    backend.invoke('scenario.enter', { id: scenario.id });
    const working = backend.session.require().path;
    backend.invoke('file.close', {});
    expect(fs.existsSync(working)).toBe(false);
    expect(refusal(() => backend.invoke('scenario.list', {})).code).toBe('no_file');
    // The file closed cleanly: no write-ahead log left beside it.
    expect(fs.existsSync(`${schoolPath}-wal`)).toBe(false);
  });
});
