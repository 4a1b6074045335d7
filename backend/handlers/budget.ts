/** Income lines and the costs that belong to no intervention. */
import { findOrThrow } from '../session';
import { assertRunInYear } from '../session';
import type { HandlerMap } from './types';

export const budgetHandlers: HandlerMap<'income.create' | 'income.update' | 'income.delete' | 'otherCosts.create' | 'otherCosts.update' | 'otherCosts.delete'> = {
  'income.create': (fields, { session }) => session.mutate({ step: 'addIncome', params: { name: fields.name, nameCy: fields.nameCy } }, (repos) => repos.income.create(fields)),
  'income.update': ({ id, changes }, { session }) =>
    session.mutate({ step: 'editIncome' }, (repos, year) => {
      findOrThrow(year.income, id, 'noIncome');
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
