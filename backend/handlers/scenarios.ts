/**
 * Scenarios: named copies of the school year kept inside the school file, worked on through
 * every existing operation once entered, compared side by side with the baseline, adopted as the new
 * baseline (one undo step) or written out as a new file. The baseline's tables are only ever written by
 * `scenario.adopt`.
 */
import { fieldIssue } from '../../shared/fieldIssues';
import path from 'node:path';
import { ApiError, type YearView } from '../../shared/api/contract';
import type { SchoolYear } from '../../shared/domain';
import { costWithinExactRange, FiguresTooLarge } from '../../shared/engine';
import { compareScenarios, type CostedYear, type ScenarioComparison } from '../../shared/engine';
import { rollForward } from '../../shared/rollForward';
import { applyPayAward, removeStaffMember, scaleIncomeLine, type HourlyCostChange, type IncomeChange, type StaffRemoval } from '../../shared/scenarioLevers';
import { replaceSchoolYear } from '../../db/scenarios';
import { SchoolFile } from '../../db/schoolFile';
import { findOrThrow, subjectParams, type Session } from '../session';
import { withExtension } from '../../shared/fileExtensions';
import { formatPounds, MAX_TYPED_PENCE } from '../../shared/money';
import { MAX_HOURLY_COST_PENCE } from '../../shared/limits';
import type { HandlerMap } from './types';

function requireScenario(session: Session): { id: number; name: string } {
  session.requireBaseline();
  const open = session.openScenario;
  if (!open) throw new ApiError('conflict', 'leversNeedScenario');
  return open;
}

/** The baseline's year: read from the school file itself, whichever year is being worked on. */
function baselineYear(session: Session): SchoolYear {
  return session.requireBaseline().readYear();
}

function costed(session: Session, id: number | null, name: string, year: SchoolYear): CostedYear {
  try {
    return { id, name, year, costed: costWithinExactRange(year, session.costOptions(year)) };
  } catch (error) {
    if (error instanceof FiguresTooLarge) throw new ApiError('conflict', 'cannotCompare', { scenario: name, ...subjectParams(error.subject) });
    throw error;
  }
}

/**
 * The baseline beside the given scenarios (default: all of them), every figure from the engine. The
 * open scenario's latest state is already in its row (written back after every change).
 */
export function compareWithBaseline(session: Session, ids?: number[]): ScenarioComparison {
  const store = session.scenarios();
  const baselineName = path.basename(session.requireBaseline().path, '.mapio');
  const wanted = ids ? [...new Set(ids)] : store.list().map((s) => s.id);
  const scenarios = wanted.map((id) => {
    const stored = store.get(id);
    return costed(session, id, stored.name, stored.year);
  });
  return compareScenarios(costed(session, null, baselineName, baselineYear(session)), scenarios);
}

export const scenarioHandlers: HandlerMap<
  | 'scenario.list'
  | 'scenario.create'
  | 'scenario.rename'
  | 'scenario.delete'
  | 'scenario.enter'
  | 'scenario.leave'
  | 'scenario.compare'
  | 'scenario.adopt'
  | 'scenario.saveAsFile'
  | 'scenario.lever.payAward'
  | 'scenario.lever.scaleIncome'
  | 'scenario.lever.removeStaff'
> = {
  'scenario.list': (_input, { session }) => session.scenarios().list(),

  'scenario.create': ({ name, from }, { session }) => {
    const store = session.scenarios();
    const base = baselineYear(session);
    if (from === 'rollForward') {
      const { year, leavers, endedIncome } = rollForward(base);
      const scenario = store.create(name, 'roll_forward', year);
      return { scenario, scenarios: store.list(), rollForward: { leaverRefs: leavers.map((l) => l.ref), endedIncome: endedIncome.map(({ name, nameCy }) => ({ name, nameCy })) } };
    }
    const scenario = store.create(name, 'copy', base);
    return { scenario, scenarios: store.list(), rollForward: null };
  },

  'scenario.rename': ({ id, name }, { session }) => {
    const renamed = session.scenarios().rename(id, name);
    session.renameOpenScenario(id, renamed.name);
    return renamed;
  },

  'scenario.delete': ({ id }, { session }) => {
    const store = session.scenarios();
    store.summary(id);
    if (session.openScenario?.id === id) session.leaveScenario();
    store.delete(id);
    return { scenarios: store.list(), view: session.view() };
  },

  'scenario.enter': ({ id }, { session }): YearView => {
    session.enterScenario(id);
    return session.view();
  },

  'scenario.leave': (_input, { session }) => {
    session.requireBaseline();
    session.leaveScenario();
    return session.view();
  },

  'scenario.compare': ({ ids }, { session }) => compareWithBaseline(session, ids),

  'scenario.adopt': ({ id }, { session }) => {
    const store = session.scenarios();
    const stored = store.get(id);
    session.leaveScenario();
    const baseline = session.requireBaseline();
    const current = baseline.readYear();
    baseline.mutate({ step: 'adoptScenario', params: { name: stored.name } }, (repos) => replaceSchoolYear(repos, current, stored.year));
    return { view: session.view() };
  },

  'scenario.saveAsFile': ({ id, path: target }, { session, version }) => {
    const stored = session.scenarios().get(id);
    const file = SchoolFile.create(path.resolve(withExtension(target, 'school')), stored.year, { appVersion: version });
    const written = { file: { path: file.path, name: path.basename(file.path) }, academicYear: stored.year.school.academicYear };
    file.close();
    return written;
  },

  'scenario.lever.payAward': ({ percentBasisPoints }, { session }) => {
    requireScenario(session);
    const sign = percentBasisPoints >= 0 ? '+' : '−';
    const outcome: { changes: HourlyCostChange[] } = { changes: [] };
    const result = session.mutate({ step: 'payAward', params: { change: `${sign}${Math.abs(percentBasisPoints) / 100}%` } }, (repos, year) => {
      outcome.changes = applyPayAward(year, percentBasisPoints).changes;
      const over = outcome.changes.find((c) => c.toPence > MAX_HOURLY_COST_PENCE);
      if (over) {
        throw new ApiError('invalid_input', 'payAwardTooLarge', { staff: over.name, amount: formatPounds(over.toPence) }, [fieldIssue('percentBasisPoints', 'tooLarge')]);
      }
      for (const c of outcome.changes) repos.staff.update(c.staffId, { hourlyCostPence: c.toPence, hourlyCostBasis: c.hourlyCostBasis });
    });
    return { ...result, changes: outcome.changes };
  },

  'scenario.lever.scaleIncome': ({ incomeId, percentBasisPoints }, { session }) => {
    requireScenario(session);
    const outcome: { change?: IncomeChange } = {};
    const result = session.mutate({ step: 'changeScenarioIncome' }, (repos, year) => {
      findOrThrow(year.income, incomeId, 'noIncome');
      const change = scaleIncomeLine(year, incomeId, percentBasisPoints).change;
      if (change.toPence > MAX_TYPED_PENCE) {
        throw new ApiError('invalid_input', 'incomeScaleTooLarge', { income: change.name, incomeCy: change.nameCy, amount: formatPounds(change.toPence) }, [
          fieldIssue('percentBasisPoints', 'tooLarge'),
        ]);
      }
      outcome.change = change;
      repos.income.update(incomeId, { amountPence: change.toPence });
    });
    return { ...result, change: outcome.change as IncomeChange };
  },

  'scenario.lever.removeStaff': ({ staffId }, { session }) => {
    requireScenario(session);
    const outcome: { removal?: StaffRemoval } = {};
    const result = session.mutate({ step: 'removeScenarioStaff' }, (repos, year) => {
      findOrThrow(year.staff, staffId, 'noStaff');
      const removal = removeStaffMember(year, staffId);
      outcome.removal = removal;
      for (const line of removal.linesLosingDeliverer) repos.lines.update(line.lineId, { staff: line.staff });
      for (const o of removal.otherCostsWithoutStaff) repos.otherCosts.update(o.otherCostId, { staffId: null });
      if (removal.alncoCleared) repos.workload.update({ alncoStaffId: null });
      repos.staff.delete(staffId);
    });
    const { year: _changedYear, ...removal } = outcome.removal as StaffRemoval;
    return { ...result, removal };
  },
};
