/** Intervention lines: the rows of the provision map. */
import { findOrThrow } from '../session';
import { assertLineValid } from './references';
import type { HandlerMap } from './types';

export const lineHandlers: HandlerMap<'lines.create' | 'lines.update' | 'lines.duplicate' | 'lines.delete'> = {
  'lines.create': (fields, { session }) =>
    session.mutate(`Add line “${fields.name}”`, (repos, year) => {
      assertLineValid(year, fields);
      return repos.lines.create(fields);
    }),

  'lines.update': ({ id, changes }, { session }) =>
    session.mutate('Edit line', (repos, year) => {
      const { id: _id, ...current } = findOrThrow(year.lines, id, 'intervention line');
      assertLineValid(year, { ...current, ...changes });
      repos.lines.update(id, changes);
    }),

  'lines.duplicate': ({ id }, { session }) =>
    session.mutate('Duplicate line', (repos, year) => {
      findOrThrow(year.lines, id, 'intervention line');
      return repos.lines.duplicate(id);
    }),

  'lines.delete': ({ id }, { session }) =>
    session.mutate('Delete line', (repos, year) => {
      findOrThrow(year.lines, id, 'intervention line');
      repos.lines.delete(id); // its enrolments go with it (cascade); undo brings both back
    }),
};
