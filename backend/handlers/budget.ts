/** Income lines and the costs that belong to no intervention. */
import { ApiError } from '../../shared/api/contract';
import { academicFinancialYears } from '../../shared/calendar';
import { incomeCountsIn } from '../../shared/engine';
import type { SchoolYear } from '../../shared/domain';
import { fieldIssue } from '../../shared/fieldIssues';
import { academicYearLabel } from '../../shared/welshTermDates';
import { findOrThrow } from '../session';
import { assertRunInYear } from '../session';
import type { HandlerMap } from './types';

/**
 * An income line names one of the two financial years the school year runs across (those the costing
 * splits by), or none (the school year as a whole): income for another year would count in neither
 * (docs/costing-rules.md, "Budget position"). Refused naming both years, "2026-27" as the form takes them.
 */
function assertFinancialYearInYear(year: SchoolYear, financialYear: number | null): void {
  const years = academicFinancialYears(year.calendar, year.school.academicYear);
  if (incomeCountsIn(financialYear, years)) return;
  throw ApiError.invalid([fieldIssue('financialYear', 'financialYearInYear', { first: academicYearLabel(years[0]), second: academicYearLabel(years[1]) })]);
}

export const budgetHandlers: HandlerMap<'income.create' | 'income.update' | 'income.delete' | 'otherCosts.create' | 'otherCosts.update' | 'otherCosts.delete'> = {
  'income.create': (fields, { session }) =>
    session.mutate({ step: 'addIncome', params: { name: fields.name, nameCy: fields.nameCy } }, (repos, year) => {
      assertFinancialYearInYear(year, fields.financialYear);
      return repos.income.create(fields);
    }),
  'income.update': ({ id, changes }, { session }) =>
    session.mutate({ step: 'editIncome' }, (repos, year) => {
      findOrThrow(year.income, id, 'noIncome');
      // Held to the year only when sent: a line from another year (an older file, a changed school year)
      // can still be renamed or deleted, and the form, which sends every field, asks for a year that counts.
      if (changes.financialYear !== undefined) assertFinancialYearInYear(year, changes.financialYear);
      repos.income.update(id, changes);
    }),
  'income.delete': ({ id }, { session }) =>
    session.mutate({ step: 'deleteIncome' }, (repos, year) => {
      findOrThrow(year.income, id, 'noIncome');
      repos.income.delete(id);
    }),

  'otherCosts.create': (fields, { session }) =>
    session.mutate({ step: 'addCost', params: { name: fields.name, nameCy: fields.nameCy } }, (repos, year) => {
      assertRunInYear(year, fields.startWeek, fields.weeks);
      return repos.otherCosts.create(fields);
    }),
  'otherCosts.update': ({ id, changes }, { session }) =>
    session.mutate({ step: 'editCost' }, (repos, year) => {
      const current = findOrThrow(year.otherCosts, id, 'noOtherCost');
      assertRunInYear(year, changes.startWeek ?? current.startWeek, changes.weeks ?? current.weeks);
      repos.otherCosts.update(id, changes);
    }),
  'otherCosts.delete': ({ id }, { session }) =>
    session.mutate({ step: 'deleteCost' }, (repos, year) => {
      findOrThrow(year.otherCosts, id, 'noOtherCost');
      repos.otherCosts.delete(id);
    }),
};
